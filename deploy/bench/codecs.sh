#!/usr/bin/env bash
# CPU per call for each codec path (G.711 pass-through, G.711, G.722 and Opus to and from 24 kHz PCM): the media
# work one call costs its event loop every 20 ms, sockets aside. SECONDS of simulated call per path (default 600).
#   deploy/bench/codecs.sh [SECONDS]
exec "$(dirname "${BASH_SOURCE[0]}")/../../switchboard" bench codecPath "$@"

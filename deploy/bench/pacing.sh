#!/usr/bin/env bash
# Outbound RTP pacing: CALLS concurrent echo calls on loopback (default 10), ROUNDS times (default 3);
# prints the distribution of gaps between the echo's packets as the caller receives them (ideal: 20 ms).
#   deploy/bench/pacing.sh [CALLS] [ROUNDS]
exec "$(dirname "${BASH_SOURCE[0]}")/../../switchboard" bench pacing "$@"

#!/usr/bin/env bash
# Call recording: the cost per 20 ms chunk on a call's event loop, and the writer's throughput into WAV files
# (10 calls x 120 s of 16 kHz stereo, written to a temporary directory and deleted).
#   deploy/bench/recorder.sh
exec "$(dirname "${BASH_SOURCE[0]}")/../../switchboard" bench recorder "$@"

#!/usr/bin/env bash
# Resampler quality and speed: Switchboard's resampler against SoX's `rate` (-h, its default, and -v) on the same
# inputs, for every rate pair the media path uses; prints one row per pair (in-band SNR, stopband, x real time),
# the detail behind each figure and the exact sox command line. MINUTES of audio per speed run (default 10).
# Needs sox and espeak-ng. About a minute and a half on 2 idle cores.
#   deploy/bench/resampler.sh [MINUTES]
set -euo pipefail
missing=()
for tool in sox espeak-ng; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "resampler benchmark: needs ${missing[*]}; install (Debian/Ubuntu: sudo apt-get install ${missing[*]})" \
       "and run it again" >&2
  exit 2
fi
exec "$(dirname "${BASH_SOURCE[0]}")/../../switchboard" bench resampler "$@"

#!/usr/bin/env bash
# Measurement (not a test): the GUI's event-loop stall while the runtime serves a wrk load and the
# history fills (issue 8's target: under 50 ms). Builds gw_gui_stall and runs it offscreen.
# Usage: tests/bench/gui-stall.sh [seconds, default 10] [connections, default 50]
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_=${1:-10}
CONNS=${2:-50}
BUILD=${BUILD_DIR:-build-release}
command -v wrk >/dev/null || { echo "gui-stall: wrk is missing (apt-get install wrk)"; exit 2; }
if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD" --target gw_gui_stall -j"$(nproc)" >/dev/null
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (other processes share the CPU)"
QT_QPA_PLATFORM=offscreen "$BUILD/tests/bench/gw_gui_stall" --seconds "$SECONDS_" --connections "$CONNS"

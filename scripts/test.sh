#!/usr/bin/env bash
# Builds everything and runs every test suite (model, runtime, e2e, UI on the offscreen platform).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j2 "$@"

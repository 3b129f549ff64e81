#!/usr/bin/env bash
# Builds everything and runs every test suite (model, runtime, e2e, UI on the offscreen platform).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
# The VTL differential test renders with velocityjs (npm); without npm or the registry it skips
# and says why.
if command -v npm >/dev/null && [ ! -d tests/vtl/velocityjs_diff/node_modules/velocityjs ]; then
  (cd tests/vtl/velocityjs_diff && timeout 180 npm ci --silent --no-audit --no-fund) \
    || echo "test.sh: npm ci failed; tst_vtlvelocityjsdiff will skip"
fi
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j2 "$@"

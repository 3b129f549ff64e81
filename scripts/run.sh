#!/usr/bin/env bash
# The main job: build, then open the GUI on the bundled sample project. With no display the app
# says so and serves the sample headless (Ctrl+C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh --target apigw-studio
exec ./build/app/apigw-studio "${@:-resources/samples/petstore-rest.apigw.json}"

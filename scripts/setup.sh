#!/usr/bin/env bash
# Installs every Debian package the build, the tests and the app need; idempotent and quiet when
# everything is already there.
set -euo pipefail
PKGS=(
  build-essential cmake ninja-build ccache pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-websockets-dev libqt6sql6-sqlite libqt6svg6
  libqscintilla2-qt6-dev libhttp-parser-dev libvalijson-dev nlohmann-json3-dev libyaml-cpp-dev libssl-dev
  libgl-dev xvfb xauth curl python3 nodejs
)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

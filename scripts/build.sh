#!/usr/bin/env bash
# Sets up whatever is missing, then builds the native targets (server, tests) and the web app.
# Usage: scripts/build.sh [--ci]   (--ci: compiler warnings are errors)
set -euo pipefail
cd "$(dirname "$0")/.."

native=native
web=web
if [[ ${1:-} == --ci ]]; then
    native=native-ci
    web=web-ci
fi

./emsdk-setup.sh
# shellcheck source=/dev/null
source .deps/env.sh

echo "build: native ($native)"
cmake --preset "$native" >/dev/null
cmake --build --preset "$native"
echo "build: web app ($web)"
cmake --preset "$web" >/dev/null
cmake --build --preset "$web"

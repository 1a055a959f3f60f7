#!/usr/bin/env bash
# Sets up whatever is missing, then builds the server and the web app.
# Usage: scripts/build.sh [--ci] [--all]
#   --ci   compiler warnings are errors
#   --all  every native target too: the GoogleTest suites and the tools beside the server
set -euo pipefail
cd "$(dirname "$0")/.."

native=native
web=web
targets=(--target orgdesk-server)
for argument in "$@"; do
    case $argument in
        --ci) native=native-ci web=web-ci ;;
        --all) targets=() ;;
        *) echo "build.sh: unknown option $argument (use --ci, --all)" >&2; exit 2 ;;
    esac
done

./emsdk-setup.sh
# shellcheck source=/dev/null
source .deps/env.sh

echo "build: native ($native${targets:+, server only})"
cmake --preset "$native" >/dev/null
cmake --build --preset "$native" "${targets[@]}"
echo "build: web app ($web)"
cmake --preset "$web" >/dev/null
cmake --build --preset "$web"

#!/usr/bin/env bash
# Sets up and builds what is missing (warnings as errors), then runs every test suite: GoogleTest
# (core, platform, server over real HTTP, app state) built with clang under ASan and UBSan, the
# fuzz targets for a bounded time, and the browser end-to-end tests in headless Chromium against
# the real server (g++, -O2). The suites run once, sanitized, to keep CI within its time: a second,
# plain g++ build of them costs about ten minutes. By hand, `scripts/build.sh --all && ctest
# --preset native` runs them on the g++ build too.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/build.sh --ci
# shellcheck source=/dev/null
source .deps/env.sh

echo "test: server start time"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
build/native/src/server/orgdesk-server --port 0 --db "$tmp/start.db" --demo >"$tmp/start.log" 2>&1 &
pid=$!
for _ in $(seq 100); do
    grep -q "started in" "$tmp/start.log" && break
    sleep 0.1
done
grep "started in" "$tmp/start.log" | sed 's/^/test: server /' || { cat "$tmp/start.log"; exit 1; }
kill "$pid"
wait "$pid" || true

scripts/test-sanitized.sh  # the GoogleTest suites under ASan and UBSan (clang, build/asan)
scripts/test-fuzz.sh       # each fuzz target for ORGDESK_FUZZ_SECONDS (30 s in CI)

echo "test: browser end-to-end (headless Chromium)"
(cd web && node --test --test-concurrency=1 e2e/)

echo "test: benchmarks, reduced mode (scripts/bench.sh for the full run)"
scripts/bench.sh --reduced

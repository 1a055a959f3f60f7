#!/usr/bin/env bash
# Runs every benchmark and prints one table: each figure, its budget, pass or fail (also written
# as JSON to build/benchmarks-<mode>.json). Server figures are ratios to a reference measured in
# the same run (nginx, the in-process service) or budgets in milliseconds and megabytes; each is
# the median of several runs.
# Usage: scripts/bench.sh            full mode: builds its own Release tree (build/bench) and
#                                    runs the issue's sizes (10k, 100k, 1M organizations)
#        scripts/bench.sh --reduced  small sizes, a few seconds each, on the trees CI has built
#                                    already (build/native); budgets are reported, not enforced
set -euo pipefail
cd "$(dirname "$0")/.."

mode=full
if [[ ${1:-} == --reduced ]]; then
    mode=reduced
elif [[ $# -gt 0 ]]; then
    echo "usage: scripts/bench.sh [--reduced]" >&2
    exit 2
fi

if [[ $mode == full ]]; then
    ./emsdk-setup.sh
    # shellcheck source=/dev/null
    source .deps/env.sh
    echo "bench: building the Release tree (build/bench)"
    cmake --preset bench >/dev/null
    cmake --build --preset bench --target orgdesk-server orgdesk-bench-data
    echo "bench: building the web app (build/web, Release) and the bare Dear ImGui reference"
    cmake --preset web >/dev/null
    cmake --build --preset web
    web/bench/bare/build.sh build/bench-bare
    native=build/bench
    bare=(--bare-root ../build/bench-bare)
else
    # shellcheck source=/dev/null
    source .deps/env.sh
    native=build/native
    # scripts/build.sh builds only the server in that tree; the data tool is one small file more.
    cmake --build "$native" --target orgdesk-bench-data
    bare=()  # the bare reference build costs CI a minute: full mode only
fi
for tool in wrk nginx; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is missing: run ./emsdk-setup.sh" >&2; exit 1; }
done

(cd web && node bench/run.mjs --mode "$mode" \
    --server "../$native/src/server/orgdesk-server" \
    --data "../$native/tests/bench/orgdesk-bench-data" \
    --web-root ../build/web/dist "${bare[@]}" \
    --out "../build/benchmarks-$mode.json")

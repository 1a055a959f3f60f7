#!/usr/bin/env bash
# Runs each libFuzzer target (tests/fuzz, built with clang under ASan and UBSan by the native-asan
# preset) from its seed corpus for a bounded time, and fails on any finding: a crash, a sanitizer
# report, a broken property, a leak or an input that hangs. The input that caused it is kept in
# build/fuzz-findings/. Prints the executions per target.
#
# Usage: scripts/test-fuzz.sh [target...]    (targets: json_request query webservice http)
#   ORGDESK_FUZZ_SECONDS  seconds per target (default 30, the CI mode; by hand e.g. 600)
# Reproduce a finding: build/asan/tests/fuzz/fuzz_<target> build/fuzz-findings/<file>
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${ORGDESK_FUZZ_SECONDS:-30}
targets=(json_request query webservice http)
[[ $# -gt 0 ]] && targets=("$@")
findings=build/fuzz-findings
# New inputs found by a run go here, not into the committed seeds; a later run by hand starts
# from them.
corpora=build/fuzz-corpus

echo "fuzz: building ${targets[*]} (preset native-asan)"
cmake --preset native-asan >/dev/null
cmake --build --preset native-asan --target "${targets[@]/#/fuzz_}"

mkdir -p "$findings"
summary=()
failed=0
for target in "${targets[@]}"; do
    binary=build/asan/tests/fuzz/fuzz_$target
    seeds=tests/fuzz/corpus/$target
    dictionary=tests/fuzz/dictionaries/$target.dict
    log=$findings/$target.log
    mkdir -p "$corpora/$target"
    options=(-max_total_time="$seconds" -print_final_stats=1 -timeout=25
             -artifact_prefix="$findings/$target-")
    [[ -f $dictionary ]] && options+=(-dict="$dictionary")
    echo "fuzz: $target for ${seconds}s"
    status=0
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
        UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
        "$binary" "${options[@]}" "$corpora/$target" "$seeds" >"$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    units=$(find "$corpora/$target" -type f | wc -l)
    if [[ $status -eq 0 ]]; then
        summary+=("fuzz: $target: ${runs:-?} executions in ${seconds}s ($((${runs:-0} / seconds))/s), corpus $units new inputs, no finding")
    else
        failed=1
        summary+=("fuzz: $target: FINDING after ${runs:-?} executions (exit $status); see $log")
        grep -E "^(==[0-9]+==ERROR|SUMMARY|fuzz property broken|artifact_prefix|Test unit written)" "$log" |
            head -20 | sed "s/^/fuzz: $target: /" || true
        tail -40 "$log"
    fi
done
printf '%s\n' "${summary[@]}"
exit "$failed"

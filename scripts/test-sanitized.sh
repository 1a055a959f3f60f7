#!/usr/bin/env bash
# Builds everything native with clang under AddressSanitizer and UndefinedBehaviorSanitizer (the
# native-asan preset, -O1, build/asan) and runs the whole GoogleTest suite on it. Any report (an
# invalid access, a leak, undefined behaviour) aborts the test that caused it, so ctest fails.
# Tests that start the server binary start the sanitized one.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "sanitized: building (preset native-asan)"
cmake --preset native-asan >/dev/null
cmake --build --preset native-asan
echo "sanitized: GoogleTest suites under ASan and UBSan"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --preset native-asan -j 2

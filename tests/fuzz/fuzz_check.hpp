#pragma once
// What a fuzz target asserts beyond "no crash": a property that must hold for every input. A
// broken one aborts, so libFuzzer saves the input that broke it like any other crash.
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace orgdesk::fuzz {

[[noreturn]] inline void fail(std::string_view what, std::string_view detail = {}) {
    std::fprintf(stderr, "fuzz property broken: %.*s\n", static_cast<int>(what.size()),
                 what.data());
    if (!detail.empty())
        std::fprintf(stderr, "  %.*s\n", static_cast<int>(detail.size()), detail.data());
    std::abort();
}

inline void check(bool holds, std::string_view what, std::string_view detail = {}) {
    if (!holds)
        fail(what, detail);
}

}  // namespace orgdesk::fuzz

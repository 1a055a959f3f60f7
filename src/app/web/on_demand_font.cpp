#include "app/web/on_demand_font.hpp"

#include <emscripten.h>

#include "app/web/browser.hpp"

namespace orgdesk::app::web {
namespace {

// Copied next to the page by the build (src/app/web/CMakeLists.txt), not preloaded.
constexpr const char* kFontUrl = "fonts/DroidSansFallback-CJK.ttf";

struct Download {
    std::vector<unsigned char> bytes;
    std::optional<bool> arrival;
};

Download& download() {
    static Download d;
    return d;
}

}  // namespace

void fetch_on_demand_font() {
    emscripten_async_wget_data(
        kFontUrl, nullptr,
        [](void*, void* data, int size) {
            const auto* begin = static_cast<const unsigned char*>(data);
            download().bytes.assign(begin, begin + size);  // `data` is freed after this returns
            download().arrival = size > 0;
            wake();
        },
        [](void*) {
            download().arrival = false;
            wake();
        });
}

std::optional<bool> take_on_demand_font_arrival() {
    std::optional<bool> arrival;
    arrival.swap(download().arrival);
    return arrival;
}

const std::vector<unsigned char>& on_demand_font() {
    return download().bytes;
}

}  // namespace orgdesk::app::web

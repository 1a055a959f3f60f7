#include "server/mime_types.hpp"
#include "core/text.hpp"

#include <array>
#include <utility>

#include <boost/beast/core/string.hpp>

namespace orgdesk::server {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kTypes{{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".wasm", "application/wasm"},  // WebAssembly.instantiateStreaming insists on this
    {".data", "application/octet-stream"},
    {".css", "text/css; charset=utf-8"},
    {".png", "image/png"},
    {".svg", "image/svg+xml"},
    {".json", "application/json"},
    {".map", "application/json"},
    {".ttf", "font/ttf"},
    {".otf", "font/otf"},
    {".woff2", "font/woff2"},
    {".ico", "image/x-icon"},
    {".txt", "text/plain; charset=utf-8"},
    {".webmanifest", "application/manifest+json"},
}};

}  // namespace

std::string_view mime_type_for(const std::filesystem::path& file) {
    const std::string extension = file.extension().string();
    for (const auto& [suffix, type] : kTypes) {
        if (core::equal_ignoring_case(extension, suffix))
            return type;
    }
    return "application/octet-stream";
}

}  // namespace orgdesk::server

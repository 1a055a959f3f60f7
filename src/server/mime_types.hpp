#pragma once
// Content types of the files the web app is made of.
#include <filesystem>
#include <string_view>

namespace orgdesk::server {

// By extension, case-insensitively; application/octet-stream for anything unknown (which, with
// X-Content-Type-Options: nosniff, a browser will not run or render).
std::string_view mime_type_for(const std::filesystem::path& file);

}  // namespace orgdesk::server

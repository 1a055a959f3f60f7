#pragma once
// The web app's files, served from one directory. "/" is index.html. A path can never reach
// outside the directory: ".." segments are refused, and a symbolic link pointing out of it is
// treated as missing.
#include <filesystem>
#include <string>
#include <vector>

#include "server/http_types.hpp"

namespace orgdesk::server {

class StaticFiles {
  public:
    // Throws std::invalid_argument when `root` is not a directory.
    explicit StaticFiles(const std::filesystem::path& root);

    // GET and HEAD; `segments` are the decoded path segments.
    Response serve(const Request& request, const std::vector<std::string>& segments) const;

    const std::filesystem::path& root() const { return root_; }

  private:
    std::filesystem::path root_;  // canonical
};

}  // namespace orgdesk::server

#include "server/static_files.hpp"

#include <stdexcept>
#include <variant>

#include "server/mime_types.hpp"
#include "server/problems.hpp"

namespace orgdesk::server {
namespace {

namespace fs = std::filesystem;

constexpr const char* kIndexFile = "index.html";

bool is_within(const fs::path& file, const fs::path& root) {
    const auto relative = file.lexically_relative(root);
    return !relative.empty() && *relative.begin() != "..";
}

// The file a request names, or the problem to answer instead.
std::variant<fs::path, Problem> resolve(const fs::path& root,
                                        const std::vector<std::string>& segments) {
    fs::path relative;
    for (const auto& segment : segments) {
        if (segment.empty())
            continue;  // "//" and a trailing "/"
        // An encoded slash ("%2F") or backslash would smuggle a path separator into a segment.
        if (segment == "." || segment == ".." ||
            segment.find_first_of("/\\") != std::string::npos) {
            return path_outside_root();
        }
        if (segment.front() == '.')
            return file_not_found();  // never serve hidden files
        relative /= segment;
    }
    fs::path file = root / relative;
    std::error_code ec;
    if (relative.empty() || fs::is_directory(file, ec))
        file /= kIndexFile;
    // Resolving symbolic links here means a link out of the web root is caught below.
    file = fs::canonical(file, ec);
    if (ec || !is_within(file, root) || !fs::is_regular_file(file, ec))
        return file_not_found();
    return file;
}

}  // namespace

StaticFiles::StaticFiles(const fs::path& root) {
    std::error_code ec;
    root_ = fs::canonical(root, ec);
    if (ec || !fs::is_directory(root_)) {
        throw std::invalid_argument("The web root " + root.string() + " is not a directory.");
    }
}

Response StaticFiles::serve(const Request& request,
                            const std::vector<std::string>& segments) const {
    if (request.method() != http::verb::get && request.method() != http::verb::head) {
        auto response = problem_response(method_not_allowed());
        response.set(http::field::allow, "GET, HEAD");
        return response;
    }
    auto resolved = resolve(root_, segments);
    if (auto* problem = std::get_if<Problem>(&resolved))
        return problem_response(*problem);
    const auto& file = std::get<fs::path>(resolved);

    http::file_body::value_type body;
    boost::beast::error_code ec;
    body.open(file.c_str(), boost::beast::file_mode::scan, ec);
    if (ec)
        return problem_response(file_not_found());

    FileResponse response{http::status::ok, request.version()};
    response.set(http::field::content_type, mime_type_for(file));
    // Revalidate on every load, so a new build of the app is never mixed with a cached old one.
    response.set(http::field::cache_control, "no-cache");
    if (request.method() == http::verb::head) {
        // The same headers as GET, without the body.
        StringResponse head{response.base()};
        head.content_length(body.size());
        return head;
    }
    response.body() = std::move(body);
    response.prepare_payload();
    return response;
}

}  // namespace orgdesk::server

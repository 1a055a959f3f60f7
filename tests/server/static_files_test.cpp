// The web app's files: index, content types, HEAD, security headers, and no way out of the root.
#include <gtest/gtest.h>

#include <fstream>

#include "server/server_fixture.hpp"

namespace orgdesk::server::testing {
namespace {

// Exactly what the app needs (see shell/index.html and shell/boot.js): no inline script or
// style, WebAssembly compiled, requests to this server only, no framing, no forms.
constexpr const char* kPolicy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' "
    "data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'";

void write_file(const std::filesystem::path& path, const std::string& content) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << content;
}

class StaticFilesServed : public ServerFixture {
  protected:
    void configure(ServerOptions& options) override {
        const auto root = temp_dir() / "web";
        write_file(root / "index.html", "<!doctype html><title>Orgdesk</title>");
        write_file(root / "orgdesk.js", "console.log('hi');");
        write_file(root / "orgdesk.wasm", std::string("\0asm\1\0\0\0", 8));
        write_file(root / "orgdesk.data", "data");
        write_file(root / "fonts" / "Inter.otf", "font");
        write_file(root / ".secret", "hidden");
        write_file(temp_dir() / "outside.txt", "outside the web root");
        std::filesystem::create_symlink(temp_dir() / "outside.txt", root / "escape.txt");
        options.webRoot = root;
    }
};

TEST_F(StaticFilesServed, RootServesIndexHtmlWithSecurityHeaders) {
    const auto response = client().get("/");
    ASSERT_EQ(response.status, 200);
    EXPECT_EQ(response.body, "<!doctype html><title>Orgdesk</title>");
    EXPECT_EQ(response.header("Content-Type"), "text/html; charset=utf-8");
    EXPECT_EQ(response.header("Content-Security-Policy"), kPolicy);
    EXPECT_EQ(response.header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(response.header("X-Frame-Options"), "DENY");
    EXPECT_EQ(response.header("Referrer-Policy"), "no-referrer");
    // Issue 21, finding 6: no device, sensor or payment API; the clipboard for the app itself.
    const auto permissions = response.header("Permissions-Policy");
    for (const char* denied : {"camera=()", "microphone=()", "geolocation=()", "payment=()",
                               "usb=()", "clipboard-read=()"}) {
        EXPECT_NE(permissions.find(denied), std::string::npos) << denied << " in " << permissions;
    }
    EXPECT_NE(permissions.find("clipboard-write=(self)"), std::string::npos) << permissions;
}

TEST_F(StaticFilesServed, FilesCarryTheirContentTypes) {
    const std::vector<std::pair<std::string, std::string>> expected{
        {"/index.html", "text/html; charset=utf-8"},
        {"/orgdesk.js", "text/javascript; charset=utf-8"},
        {"/orgdesk.wasm", "application/wasm"},
        {"/orgdesk.data", "application/octet-stream"},
        {"/fonts/Inter.otf", "font/otf"},
    };
    for (const auto& [path, type] : expected) {
        const auto response = client().get(path);
        EXPECT_EQ(response.status, 200) << path;
        EXPECT_EQ(response.header("Content-Type"), type) << path;
    }
    EXPECT_EQ(client().get("/orgdesk.wasm").body.size(), 8u);
}

TEST_F(StaticFilesServed, HeadAnswersTheHeadersWithoutTheBody) {
    const auto response = client().send({"HEAD", "/orgdesk.js", {}, {}});
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.header("Content-Length"), "18");
    EXPECT_EQ(response.header("Content-Type"), "text/javascript; charset=utf-8");
    EXPECT_TRUE(response.body.empty());
}

TEST_F(StaticFilesServed, PathTraversalIsRefused) {
    const std::string outside = (temp_dir() / "outside.txt").string();
    const std::vector<std::string> targets{
        "/../etc/passwd",
        "/../outside.txt",
        "/fonts/../../outside.txt",
        "/%2e%2e/outside.txt",
        "/%2E%2E/outside.txt",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/.%2e/outside.txt",
        "/%2e./outside.txt",
        "/fonts/..%2f..%2foutside.txt",
        "/fonts%2f..%2f..%2foutside.txt",
        "/%2f..%2foutside.txt",
        "/..%2Foutside.txt",
        "/%252e%252e/outside.txt",  // double-encoded: a file named "%2e%2e"
        "/%252e%252e%252foutside.txt",
        "/fonts/%252e%252e%252f%252e%252e%252foutside.txt",
        "/..%5coutside.txt",  // an encoded backslash
        "/fonts/..%5c..%5coutside.txt",
        "/%5c..%5coutside.txt",
        "/..\\outside.txt",  // a raw backslash
        "/fonts/..\\..\\outside.txt",
        "/C:%5cWindows%5cwin.ini",
        "//etc/passwd",  // absolute paths
        "/" + outside,
        "/%2f" + outside.substr(1),
        "/%2fetc%2fpasswd",
        "http://127.0.0.1/../outside.txt",  // the absolute form of a target
        "/outside.txt%00.html",             // NUL bytes
        "/%00/../outside.txt",
        "/fonts/%00",
        "/..;/outside.txt",
        "/%c0%ae%c0%ae/outside.txt",  // an overlong UTF-8 dot
        "/...../outside.txt",
        "/./../outside.txt",
        "/fonts/./../../outside.txt",
    };
    for (const auto& target : targets) {
        for (const auto& method : {"GET", "HEAD"}) {
            const auto response = client().send({method, target, {}, {}});
            EXPECT_TRUE(response.status == 400 || response.status == 404)
                << method << " " << target << " answered " << response.status;
            EXPECT_EQ(response.body.find("outside the web root"), std::string::npos) << target;
            EXPECT_EQ(response.body.find("root:"), std::string::npos) << target;
        }
    }
    // A raw NUL byte in the request line is refused by the HTTP parser itself.
    const auto nul = client().send_raw(std::string("GET /outside.txt") + '\0' +
                                       ".html HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(nul.status, 400);
    EXPECT_EQ(nul.body.find("outside the web root"), std::string::npos);
    std::printf(
        "static files: %zu traversal targets tried by GET and HEAD (and a raw NUL), "
        "none answered outside the root\n",
        targets.size());
}

TEST_F(StaticFilesServed, SymbolicLinkOutOfTheRootIsNotFollowed) {
    EXPECT_EQ(client().get("/escape.txt").status, 404);
}

TEST_F(StaticFilesServed, HiddenAndMissingFilesAre404) {
    EXPECT_EQ(client().get("/.secret").status, 404);
    EXPECT_EQ(client().get("/nothing.js").status, 404);
}

TEST_F(StaticFilesServed, OnlyGetAndHeadAreAccepted) {
    const auto response = client().send({"POST", "/index.html", {}, {}});
    EXPECT_EQ(response.status, 405);
    EXPECT_EQ(response.header("Allow"), "GET, HEAD");
}

TEST_F(StaticFilesServed, ApiStillAnswersBesideTheFiles) {
    EXPECT_EQ(client().get("/healthz").status, 200);
    EXPECT_EQ(client().get("/api/v1/nothing").status, 404);
    EXPECT_EQ(client().get("/api/v1/nothing").header("Content-Type"), "application/problem+json");
}

}  // namespace
}  // namespace orgdesk::server::testing

// The web app's files: index, content types, HEAD, security headers, and no way out of the root.
#include <gtest/gtest.h>

#include <fstream>

#include "server/server_fixture.hpp"

namespace orgdesk::server::testing {
namespace {

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
    EXPECT_EQ(response.header("Content-Security-Policy"),
              "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' "
              "'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
              "base-uri 'none'; frame-ancestors 'none'");
    EXPECT_EQ(response.header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(response.header("X-Frame-Options"), "DENY");
    EXPECT_EQ(response.header("Referrer-Policy"), "no-referrer");
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
    for (const char* target : {"/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                               "/fonts/../../outside.txt", "/fonts/..%2f..%2foutside.txt",
                               "/%2E%2E/outside.txt", "/fonts%2f..%2f..%2foutside.txt"}) {
        const auto response = client().get(target);
        EXPECT_EQ(response.status, 400) << target;
        EXPECT_EQ(response.body.find("outside the web root"), std::string::npos) << target;
        EXPECT_EQ(response.body.find("root:"), std::string::npos) << target;
    }
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

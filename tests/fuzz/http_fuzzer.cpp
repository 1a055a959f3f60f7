// Whole HTTP requests, as raw bytes: parsed by Beast's request parser with the server's limits
// and handed to the server's application (routing, authentication, every route, static files)
// over a real SQLite store seeded with the demo data. A request without a token of its own gets
// the token of a signed-in demo user, so the fuzzer reaches past authentication.
//
// The store keeps what earlier inputs changed, as a server would; a finding that needs that
// history may not come back from its input alone.
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <boost/beast/http.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include "core/json_codecs.hpp"
#include "fuzz_check.hpp"
#include "platform/demo_data.hpp"
#include "platform/sqlite_store.hpp"
#include "server/http_application.hpp"
#include "server/password_hasher.hpp"
#include "server/responses.hpp"
#include "server/server.hpp"
#include "temp_database.hpp"

namespace {

using namespace orgdesk;
using fuzz::check;
namespace http = server::http;

// The web root's files, and one file beside it that must never be served.
struct WebRoot {
    std::filesystem::path root;
    std::set<std::uintmax_t> fileSizes;
};

WebRoot make_web_root(const std::filesystem::path& folder) {
    WebRoot web{folder / "web", {}};
    std::filesystem::create_directories(web.root / "fonts");
    const auto write = [](const std::filesystem::path& path, std::string_view content) {
        std::ofstream(path, std::ios::binary) << content;
    };
    write(web.root / "index.html", "<!doctype html><title>Orgdesk</title>");
    write(web.root / "orgdesk.js", "console.log('orgdesk');");
    write(web.root / "fonts" / "inter.woff2", "wOF2");
    for (const auto& entry : std::filesystem::recursive_directory_iterator(web.root)) {
        if (entry.is_regular_file())
            web.fileSizes.insert(entry.file_size());
    }
    write(folder / "secret.txt", std::string(4099, 's'));
    return web;
}

server::ServerOptions options_for(const WebRoot& web) {
    server::ServerOptions options;
    options.webRoot = web.root;
    options.provisioning = false;  // no background thread: each input's effects are its own
    return options;
}

// A deferred answer: a long poll's, or a sign-in's computed on the password queue's threads.
// `waitForIt`: until it comes (bounded by the route's own timeout); otherwise what it has at
// once, or its timeout's. The answer may come later on another thread: it lands in shared state.
server::StringResponse answer_now(server::Answer answer, bool waitForIt = false) {
    if (auto* response = std::get_if<server::Response>(&answer)) {
        if (auto* text = std::get_if<server::StringResponse>(response))
            return std::move(*text);
        return server::StringResponse{};  // a file; checked by the caller
    }
    auto deferred = std::get<server::DeferredResponse>(std::move(answer));
    struct Outcome {
        std::mutex mutex;
        std::condition_variable arrived;
        std::optional<server::StringResponse> sent;
    };
    auto outcome = std::make_shared<Outcome>();
    deferred.start([outcome](server::StringResponse response) {
        std::lock_guard lock(outcome->mutex);
        outcome->sent = std::move(response);
        outcome->arrived.notify_all();
    });
    std::unique_lock lock(outcome->mutex);
    if (waitForIt)
        outcome->arrived.wait_for(lock, deferred.timeout,
                                  [&] { return outcome->sent.has_value(); });
    if (outcome->sent)
        return std::move(*outcome->sent);
    lock.unlock();
    if (deferred.cancel)
        deferred.cancel();
    return deferred.onTimeout();
}

class Fixture {
  public:
    Fixture()
        : web_(make_web_root(std::filesystem::path(database_.path()).parent_path())),
          store_(database_.path()),
          server_(store_, options_for(web_)) {
        server::PasswordHasher hasher;
        platform::seed_demo_data(store_, 1'790'000'000'000, hasher.hash(platform::kDemoPassword));
        for (const auto* user : {"seller@demo.test", "owner@demo.test", "distributor@demo.test"}) {
            tokens_.push_back({user, sign_in(user)});
            // Else every input would stop at authentication and test nothing behind it.
            check(!tokens_.back().token.empty(), "a demo user signs in", user);
        }
    }

    // The token a request without one of its own is sent with (chosen by the input, so an input
    // always runs as the same user).
    std::string& token_for(std::size_t inputSize) {
        return tokens_[inputSize % tokens_.size()].token;
    }

    void renew(std::string& token) {
        for (auto& user : tokens_) {
            if (&user.token == &token)
                token = sign_in(user.username);
        }
    }

    server::Answer handle(const server::Request& request) const {
        return server_.application().handle(request);
    }

    const WebRoot& web() const { return web_; }

  private:
    struct SignedIn {
        std::string username;
        std::string token;
    };

    // Empty when the sign-in is refused (an input may have changed the password or locked the
    // account): the requests then go without a token.
    std::string sign_in(const std::string& username) const {
        server::Request request{http::verb::post, "/api/v1/auth/login", 11};
        request.set(http::field::content_type, server::kJsonType);
        request.body() =
            core::Json{{"username", username}, {"password", platform::kDemoPassword}}.dump();
        request.prepare_payload();
        const auto response = answer_now(handle(request), true);
        const auto body = core::Json::parse(response.body(), nullptr, false);
        if (response.result() != http::status::ok || !body.contains("token"))
            return {};
        return body["token"].get<std::string>();
    }

    testing::TempDatabase database_;
    WebRoot web_;
    platform::SqliteStore store_;
    server::Server server_;
    std::vector<SignedIn> tokens_;
};

Fixture& fixture() {
    static Fixture instance;
    return instance;
}

// The request the bytes hold, as the server's connection would read it; nullopt when Beast
// refuses it (the connection then answers 400, 413 or 431 without the application).
std::optional<server::Request> parse_request(const std::uint8_t* data, std::size_t size) {
    const server::ServerOptions limits;
    http::request_parser<http::string_body> parser;
    parser.header_limit(limits.maxHeaderBytes);
    parser.body_limit(limits.maxBodyBytes);
    parser.eager(true);
    boost::asio::const_buffer input(data, size);
    boost::beast::error_code ec;
    while (input.size() > 0 && !parser.is_done()) {
        const auto used = parser.put(input, ec);
        if (ec || used == 0)
            break;
        input += used;
    }
    // The end of the input is the client closing its side, as the connection would see it.
    if (parser.got_some() && (ec == http::error::need_more || (!ec && !parser.is_done()))) {
        ec = {};
        parser.put_eof(ec);
    }
    if (ec || !parser.is_done())
        return std::nullopt;
    return parser.release();
}

bool has_token(const server::Request& request) {
    return request.find(http::field::authorization) != request.end() ||
           request.find("Authtoken") != request.end();
}

// Every answer says what it is, and says it in the form its Content-Type names.
void check_answer(const server::StringResponse& response) {
    const auto status = response.result_int();
    check(status != 500, "no request makes the server fail (500)", response.body());
    check(status >= 200 && status < 600, "the status is a real HTTP status");
    const std::string_view type = response[http::field::content_type];
    if (type == server::kProblemJsonType || type == server::kJsonType) {
        const auto body = core::Json::parse(response.body(), nullptr, false);
        check(!body.is_discarded(), "a JSON answer's body is JSON", response.body());
        if (type == server::kProblemJsonType) {
            check(body.is_object() && body.value("status", 0) == static_cast<int>(status) &&
                      body.contains("title") && body.contains("code"),
                  "a problem names its status, title and code", response.body());
        }
    } else if (type == "application/xml") {
        boost::property_tree::ptree tree;
        std::istringstream in(response.body());
        try {
            boost::property_tree::read_xml(in, tree);
        } catch (const boost::property_tree::xml_parser_error&) {
            fuzz::fail("an XML answer's body is well-formed XML", response.body());
        }
    } else if (type.empty()) {
        check(response.body().empty(), "an answer with a body names its Content-Type",
              response.body());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto& app = fixture();
    auto request = parse_request(data, size);
    if (!request)
        return 0;
    std::string* token = nullptr;
    if (!has_token(*request)) {
        token = &app.token_for(size);
        if (!token->empty())
            request->set(http::field::authorization, "Bearer " + *token);
    }
    auto answer = app.handle(*request);
    if (auto* response = std::get_if<server::Response>(&answer)) {
        if (auto* file = std::get_if<server::FileResponse>(response)) {
            check(file->result() != http::status::ok ||
                      app.web().fileSizes.count(file->body().size()) == 1,
                  "only the web root's files are served", std::string(request->target()));
            return 0;
        }
    }
    const auto response = answer_now(std::move(answer));
    check_answer(response);
    // The input signed its user out (or otherwise ended the session): sign in again for the next.
    if (token != nullptr && response.result() == http::status::unauthorized)
        app.renew(*token);
    return 0;
}

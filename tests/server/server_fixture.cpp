#include "server/server_fixture.hpp"

#include <cstdio>
#include <random>

#include "platform/demo_data.hpp"
#include "server/password_hasher.hpp"

namespace orgdesk::server::testing {
namespace {

std::int64_t system_now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Argon2id is slow on purpose; one hash of the demo password serves every test.
const std::string& demo_password_hash() {
    static const std::string hash = PasswordHasher(1).hash(platform::kDemoPassword);
    return hash;
}

}  // namespace

std::filesystem::path make_temp_dir() {
    std::random_device random;
    const auto dir = std::filesystem::temp_directory_path() /
                     ("orgdesk-server-test-" + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(dir);
    return dir;
}

void ServerFixture::SetUp() {
    tempDir_ = make_temp_dir();
    nowMs_ = std::make_shared<std::atomic<std::int64_t>>(system_now_ms());
    store_ = std::make_unique<platform::SqliteStore>((tempDir_ / "orgdesk.db").string());
    platform::seed_demo_data(*store_, now_ms(), demo_password_hash());

    ServerOptions options;
    options.port = 0;
    options.threads = 4;
    options.clock = [now = nowMs_] { return now->load(); };
    // Predictable ids for new organizations and members: ...-000000000001, -000000000002, ...
    options.newId = [next = std::make_shared<std::atomic<int>>(0)] {
        char id[40];
        std::snprintf(id, sizeof id, "0e000000-0000-4000-8000-%012d", ++*next);
        return std::string(id);
    };
    configure(options);
    server_ = std::make_unique<Server>(*store_, options);
    client_ = std::make_unique<HttpClient>(server_->start());
}

void ServerFixture::TearDown() {
    if (server_)
        server_->stop();
    server_.reset();
    store_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(tempDir_, ignored);
}

std::string ServerFixture::sign_in(const std::string& username) {
    const auto body =
        nlohmann::json{{"username", username}, {"password", platform::kDemoPassword}}.dump();
    const auto response = client().post_json("/api/v1/auth/login", body);
    if (response.status != 200) {
        ADD_FAILURE() << "signing in " << username << " answered " << response.status << ": "
                      << response.body;
        return {};
    }
    return response.json().at("token").get<std::string>();
}

nlohmann::json ServerFixture::list_all(const std::string& token, const std::string& path,
                                       const std::string& query, int limit) {
    auto items = nlohmann::json::array();
    std::string cursor;
    for (int page = 0; page < 100; ++page) {  // a bound, so a cursor loop fails instead of hangs
        std::string target = path + "?limit=" + std::to_string(limit);
        if (!query.empty())
            target += "&" + query;
        if (!cursor.empty())
            target += "&cursor=" + url_encode(cursor);
        const auto response = client().get(target, token);
        if (response.status != 200) {
            ADD_FAILURE() << target << " answered " << response.status << ": " << response.body;
            return items;
        }
        const auto body = response.json();
        for (const auto& item : body.at("items"))
            items.push_back(item);
        if (body.at("nextCursor").is_null())
            return items;
        cursor = body.at("nextCursor").get<std::string>();
    }
    ADD_FAILURE() << "the list never ended";
    return items;
}

std::string ServerFixture::customer_in_status(const std::string& token, const std::string& status) {
    const auto response = client().get("/api/v1/customers?limit=1&status=" + status, token);
    const auto body = response.json();
    if (response.status != 200 || body.at("items").empty()) {
        ADD_FAILURE() << "no " << status << " customer: " << response.body;
        return {};
    }
    return body.at("items")[0].at("id").get<std::string>();
}

}  // namespace orgdesk::server::testing

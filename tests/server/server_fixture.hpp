#pragma once
// A real server on an ephemeral loopback port over a real SQLite file seeded with the demo data,
// fresh for every test. The clock is the test's: it starts at the real time and moves only when
// a test advances it.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "platform/sqlite_store.hpp"
#include "server/http_client.hpp"
#include "server/server.hpp"

namespace orgdesk::server::testing {

inline constexpr const char* kDistributor = "distributor@demo.test";
inline constexpr const char* kSeller = "seller@demo.test";
inline constexpr const char* kManager = "manager@demo.test";
inline constexpr const char* kSellerTwo = "seller2@demo.test";
inline constexpr const char* kOwner = "owner@demo.test";

class ServerFixture : public ::testing::Test {
  protected:
    void SetUp() override;
    void TearDown() override;

    // Derived fixtures adjust the options here, before the server starts.
    virtual void configure(ServerOptions& options) { static_cast<void>(options); }

    // Signs a demo user in (with the demo password) and returns the token.
    std::string sign_in(const std::string& username);

    // Every item the user sees through GET <path>?<query>, following nextCursor page by page
    // (`limit` per page).
    nlohmann::json list_all(const std::string& token, const std::string& path,
                            const std::string& query, int limit);
    // The same for GET /api/v1/customers.
    nlohmann::json list_all_customers(const std::string& token, const std::string& query = {},
                                      int limit = 7) {
        return list_all(token, "/api/v1/customers", query, limit);
    }
    // The id of the newest customer in `status` the user sees.
    std::string customer_in_status(const std::string& token, const std::string& status);

    void advance_clock(std::chrono::milliseconds by) { nowMs_->fetch_add(by.count()); }
    std::int64_t now_ms() const { return nowMs_->load(); }

    const std::filesystem::path& temp_dir() const { return tempDir_; }
    platform::SqliteStore& store() { return *store_; }
    Server& server() { return *server_; }
    const HttpClient& client() const { return *client_; }

  private:
    std::filesystem::path tempDir_;
    std::shared_ptr<std::atomic<std::int64_t>> nowMs_;
    std::unique_ptr<platform::SqliteStore> store_;
    std::unique_ptr<Server> server_;
    std::unique_ptr<HttpClient> client_;
};

// A fresh, empty directory under the system's temporary directory.
std::filesystem::path make_temp_dir();

}  // namespace orgdesk::server::testing

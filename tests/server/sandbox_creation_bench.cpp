// How long creating a demo sandbox takes: the whole SandboxService::create (limits, the tenant of
// about 200 customers and 500 orders, four sessions, one transaction), on a fresh SQLite file,
// or on PostgreSQL when given a connection string.
//
//   sandbox_creation_bench [--runs N] [--postgres "host=... dbname=..."]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "platform/pg_store.hpp"
#include "platform/sqlite_store.hpp"
#include "server/sandbox_service.hpp"

namespace {

using namespace orgdesk;

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

}  // namespace

int main(int argc, char** argv) {
    int runs = 10;
    std::string postgres;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i];
        if (flag == "--runs") {
            runs = std::max(1, std::atoi(argv[i + 1]));
        } else if (flag == "--postgres") {
            postgres = argv[i + 1];
        } else {
            std::fprintf(stderr, "usage: %s [--runs N] [--postgres CONNECTION]\n", argv[0]);
            return 2;
        }
    }
    const auto dir = std::filesystem::temp_directory_path() /
                     ("orgdesk-sandbox-bench-" + std::to_string(now_ms()));
    std::filesystem::create_directories(dir);
    std::unique_ptr<platform::Store> store;
    if (postgres.empty())
        store = std::make_unique<platform::SqliteStore>((dir / "bench.db").string());
    else
        store = std::make_unique<platform::PgStore>(postgres);

    server::SandboxOptions options;
    options.limits.maxLive = runs + 1;
    options.limits.maxPerAddress = runs + 1;
    server::SandboxService sandboxes(*store, now_ms, options);
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto started = std::chrono::steady_clock::now();
        const auto session = sandboxes.create("192.0.2.1");
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
                .count());
        if (!session) {
            std::fprintf(stderr, "creation failed: %s\n", session.error().message.c_str());
            return 1;
        }
    }
    std::sort(ms.begin(), ms.end());
    std::printf(
        "sandbox creation on %s (%d customers, %d orders): %d runs, min %.1f ms, median %.1f ms, "
        "max %.1f ms\n",
        postgres.empty() ? "SQLite" : "PostgreSQL", options.size.customers, options.size.orders,
        runs, ms.front(), ms[ms.size() / 2], ms.back());
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
    return 0;
}

// orgdesk-server: reads the flags, opens the database (a SQLite file, or PostgreSQL shared with
// other instances), optionally seeds the demo, and serves until SIGINT or SIGTERM; or, as
// `backup` / `restore`, copies a SQLite database. Only wiring: the behaviour lives in
// orgdesk_server_lib.
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <fmt/core.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include "platform/demo_data.hpp"
#include "platform/pg_change_relay.hpp"
#include "platform/pg_store.hpp"
#include "platform/sqlite_store.hpp"
#include "server/backup_commands.hpp"
#include "server/json_log_formatter.hpp"
#include "server/line_sink.hpp"
#include "server/password_hasher.hpp"
#include "server/public_url.hpp"
#include "server/request_log.hpp"
#include "server/server.hpp"
#include "server/termination_signals.hpp"

namespace {

using namespace orgdesk;

struct Flags {
    server::ServerOptions options;
    std::string databasePath = "data/orgdesk.db";
    std::string webRoot;
    std::string publicUrl;
    std::string logFormat = "text";
    std::string metricsAddress;
    bool demo = false;
    std::string demoPassword = std::string(platform::kDemoPassword);
    int sessionIdleMinutes = 30;
    int provisioningDelayMs = 1500;
    int headerTimeoutSeconds = 10;
    bool noSandboxes = false;
    int sandboxMinutes = 60;
    int sandboxesPerAddressPerHour = 10;
};

// Each connection is a file descriptor, and the usual soft limit (1024) is far below what a
// server holding thousands of idle keep-alive connections needs: raise it to the hard limit.
rlim_t raise_open_file_limit() {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &limit) != 0)
            ::getrlimit(RLIMIT_NOFILE, &limit);
    }
    return limit.rlim_cur;
}

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string url_host(const std::string& host) {
    return host.find(':') == std::string::npos ? host : "[" + host + "]";
}

// Where the start's banner (the URL, the demo sign-ins) is printed for a person: standard
// output, unless that is a JSON log, which a collector reads line by line as JSON.
std::FILE* banner_stream(const Flags& flags) {
    return flags.logFormat == "json" ? stderr : stdout;
}

void print_demo_sign_ins(std::FILE* out, const std::vector<platform::DemoSignIn>& signIns,
                         const std::string& password) {
    fmt::print(out, "Demo sign-ins (password: {}):\n", password);
    for (const auto& signIn : signIns)
        fmt::print(out, "  {:<24} {}\n", signIn.username, signIn.role);
}

// --log-format json: every line one JSON object (json_log_formatter.hpp), the requests' with
// their fields. Each logger has a sink of its own: the formatter belongs to the sink.
void use_json_log() {
    auto sink = std::make_shared<server::LineSink>(STDOUT_FILENO);
    sink->set_formatter(std::make_unique<server::JsonLogFormatter>(false));
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("", std::move(sink)));
    auto requestSink = std::make_shared<server::LineSink>(STDOUT_FILENO);
    requestSink->set_formatter(std::make_unique<server::JsonLogFormatter>(true));
    server::send_request_log_as_json(
        std::make_shared<spdlog::logger>("request", std::move(requestSink)));
}

// `--db`: a PostgreSQL connection string (postgresql://... or "host=... dbname=...") or the path
// of a SQLite file, created if missing.
std::unique_ptr<platform::Store> open_store(const std::string& target, bool postgres) {
    if (postgres)
        return std::make_unique<platform::PgStore>(target);
    const std::filesystem::path database(target);
    if (database.has_parent_path())
        std::filesystem::create_directories(database.parent_path());
    return std::make_unique<platform::SqliteStore>(target);
}

std::vector<platform::DemoSignIn> seed_demo(platform::Store& store, const Flags& flags) {
    server::PasswordHasher hasher;
    // Instances started together on one database seed one at a time; the later ones find the
    // demo there and write nothing.
    return platform::seed_demo_data(store, now_ms(), hasher.hash(flags.demoPassword));
}

int serve(Flags flags, std::chrono::steady_clock::time_point launched) {
    server::TerminationSignals signals;

    const bool postgres = platform::is_postgres_connection_string(flags.databasePath);
    const auto store = open_store(flags.databasePath, postgres);

    std::vector<platform::DemoSignIn> signIns;
    if (flags.demo)
        signIns = seed_demo(*store, flags);

    if (!flags.webRoot.empty())
        flags.options.webRoot = flags.webRoot;
    if (!flags.publicUrl.empty())
        flags.options.publicUrl = server::parse_public_url(flags.publicUrl).value();  // checked
    flags.options.sessionIdleTimeout = std::chrono::minutes(flags.sessionIdleMinutes);
    if (!flags.metricsAddress.empty())
        flags.options.metricsAddress = flags.metricsAddress;
    flags.options.cacheSessions = !postgres;
    flags.options.headerTimeout = std::chrono::seconds(flags.headerTimeoutSeconds);
    const auto openFiles = raise_open_file_limit();
    if (openFiles != 0 && openFiles < static_cast<rlim_t>(flags.options.maxConnections) + 64) {
        spdlog::warn("only {} open files are allowed: fewer than --max-connections {}", openFiles,
                     flags.options.maxConnections);
    }
    auto& sandboxes = flags.options.sandboxes;
    sandboxes.enabled = !flags.noSandboxes;
    sandboxes.lifetime = std::chrono::minutes(flags.sandboxMinutes);
    sandboxes.limits.maxPerAddress = flags.sandboxesPerAddressPerHour;
    flags.options.provisioningOptions.stepDelay =
        std::chrono::milliseconds(flags.provisioningDelayMs);
    server::Server server(*store, flags.options);
    // With PostgreSQL, changes made on other instances wake this one's long polls too.
    std::optional<platform::PgChangeRelay> relay;
    if (postgres)
        relay.emplace(flags.databasePath, server.changes());
    const auto port = server.start();
    const auto metricsPort = server.metrics_port();

    const auto startup = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - launched);
    // A connection string may carry a password: it is not printed.
    std::FILE* out = banner_stream(flags);
    fmt::print(out, "Orgdesk is serving on http://{}:{}/ (database: {})\n",
               url_host(flags.options.host), port,
               postgres ? "PostgreSQL, shared with other instances" : flags.databasePath);
    fmt::print(out, "started in {} ms\n", startup.count());
    if (metricsPort)
        fmt::print(out, "Prometheus metrics on port {} (GET /metrics)\n", *metricsPort);
    if (flags.demo)
        print_demo_sign_ins(out, signIns, flags.demoPassword);
    if (flags.noSandboxes)
        fmt::print(out, "Demo sandboxes are switched off.\n");
    else
        fmt::print(out,
                   "Demo sandboxes: {} minutes each, at most {} at once, {} per address an hour\n",
                   flags.sandboxMinutes, flags.options.sandboxes.limits.maxLive,
                   flags.sandboxesPerAddressPerHour);
    std::fflush(out);  // a supervising script waits for these lines

    signals.wait();
    spdlog::info("stopping: finishing the requests in progress");
    server.stop();
    spdlog::info("stopped");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const auto launched = std::chrono::steady_clock::now();
    // glibc hands a thread's free heap top back to the kernel once it passes 128 KiB. A page of
    // 50 organizations (a 43 KB answer, its rows, SQLite's pages) grew and shrank the heap at
    // every request, faulting its pages in again each time: keeping up to 64 MiB free made the
    // list at 1,000,000 organizations 40% faster, with the same peak memory.
    mallopt(M_TRIM_THRESHOLD, 64 << 20);
    Flags flags;
    CLI::App app{"Orgdesk platform server: the REST API and the web app."};
    app.add_option("--port", flags.options.port, "TCP port; 0 picks a free one")
        ->capture_default_str();
    app.add_option("--host", flags.options.host, "IP address to listen on")->capture_default_str();
    app.add_option("--db", flags.databasePath,
                   "SQLite database file (created if missing), or a PostgreSQL connection string "
                   "(postgresql://... or \"host=... dbname=...\") shared by several instances")
        ->capture_default_str();
    app.add_option("--web-root", flags.webRoot, "Directory of the web app's files")
        ->check(CLI::ExistingDirectory);
    app.add_option("--public-url", flags.publicUrl,
                   "The address people reach the server at, e.g. https://portal.example.com: "
                   "absolute links in answers use it (not the request's Host), and an https one "
                   "turns Strict-Transport-Security on")
        ->check(CLI::Validator(
            [](const std::string& value) {
                const auto url = server::parse_public_url(value);
                return url ? std::string() : url.error().message;
            },
            "URL"));
    app.add_option("--log-format", flags.logFormat,
                   "text: a line a person reads; json: one JSON object a line, for a log "
                   "collector (the start's banner then goes to standard error)")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    app.add_option("--metrics-address", flags.metricsAddress,
                   "Serve GET /metrics (Prometheus) at this address and port only, e.g. "
                   "127.0.0.1:9100, to anyone who reaches it; without it, /metrics is on the "
                   "main port for loopback clients only");
    app.add_flag("--metrics-public", flags.options.metricsPublic,
                 "Serve /metrics on the main port to every client, not only loopback (use "
                 "behind a firewall; a proxy on this machine makes every client loopback)");
    auto* demo = app.add_flag("--demo", flags.demo, "Seed the demo data (once) and print sign-ins");
    app.add_option("--demo-password", flags.demoPassword, "Password of every demo user")
        ->needs(demo)
        ->capture_default_str();
    app.add_option("--session-idle-minutes", flags.sessionIdleMinutes,
                   "Minutes without a request after which a session ends")
        ->check(CLI::Range(1, 24 * 60))
        ->capture_default_str();
    app.add_option("--max-body-bytes", flags.options.maxBodyBytes, "Largest request body accepted")
        ->check(CLI::Range(std::uint64_t{1024}, std::uint64_t{1} << 30))
        ->capture_default_str();
    app.add_option("--header-timeout-seconds", flags.headerTimeoutSeconds,
                   "Seconds a request's header may take to arrive, from its first byte")
        ->check(CLI::Range(1, 600))
        ->capture_default_str();
    app.add_option("--max-connections", flags.options.maxConnections,
                   "Connections open at once; at the cap the longest idle one is closed, or a "
                   "new one gets 503 when none is idle")
        ->check(CLI::Range(1, 1'000'000))
        ->capture_default_str();
    app.add_option("--provisioning-delay-ms", flags.provisioningDelayMs,
                   "How long each provisioning step of an approved order takes")
        ->check(CLI::Range(0, 10 * 60 * 1000))
        ->capture_default_str();
    app.add_option("--threads", flags.options.threads,
                   "Server threads; 0: one per core, at least 2")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    app.add_flag("--no-sandboxes", flags.noSandboxes,
                 "Switch demo sandboxes off (POST /api/v1/sandbox/sessions answers 404)");
    app.add_option("--sandbox-minutes", flags.sandboxMinutes,
                   "How long a demo sandbox lives before it and all its data are purged")
        ->check(CLI::Range(1, 24 * 60))
        ->capture_default_str();
    app.add_option("--max-sandboxes", flags.options.sandboxes.limits.maxLive,
                   "Demo sandboxes live at once, across all visitors")
        ->check(CLI::Range(1, 100'000))
        ->capture_default_str();
    app.add_option("--sandboxes-per-address", flags.sandboxesPerAddressPerHour,
                   "Demo sandboxes one client address may start per hour")
        ->check(CLI::Range(1, 10'000))
        ->capture_default_str();
    const server::BackupCommands backupCommands(app);
    CLI11_PARSE(app, argc, argv);
    if (const auto status = backupCommands.run())
        return *status;

    if (flags.logFormat == "json") {
        use_json_log();
    } else {
        // A terminal keeps spdlog's colored console sink; a file or a pipe (a service's log)
        // gets a line per write, without a lock across the write.
        if (isatty(STDOUT_FILENO) == 0) {
            spdlog::set_default_logger(std::make_shared<spdlog::logger>(
                "", std::make_shared<server::LineSink>(STDOUT_FILENO)));
        }
        spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
    }
    try {
        return serve(std::move(flags), launched);
    } catch (const std::exception& e) {
        fmt::print(stderr, "orgdesk-server: {}\n", e.what());
        return 1;
    }
}

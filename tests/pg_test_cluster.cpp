#include "pg_test_cluster.hpp"

#include <gtest/gtest.h>
#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>
#include <vector>

#include <pqxx/pqxx>

namespace orgdesk::testing {
namespace {

namespace fs = std::filesystem;

// Where Debian installs the server programs (the postgresql package; emsdk-setup.sh installs it).
fs::path server_bin_dir() {
    const auto usable = [](const fs::path& bin) {
        return fs::exists(bin / "initdb") && fs::exists(bin / "pg_ctl");
    };
    if (const char* bin = std::getenv("ORGDESK_POSTGRES_BIN"); bin != nullptr && usable(bin))
        return bin;
    std::vector<fs::path> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
        if (usable(entry.path() / "bin"))
            found.push_back(entry.path() / "bin");
    }
    if (found.empty()) {
        throw std::runtime_error(
            "PostgreSQL's server programs (initdb, pg_ctl) were not found in "
            "/usr/lib/postgresql/*/bin. Install Debian's postgresql package (./emsdk-setup.sh "
            "does) or point ORGDESK_POSTGRES_BIN at them; the PostgreSQL tests cannot run "
            "without a real server.");
    }
    std::sort(found.begin(), found.end(), [](const fs::path& a, const fs::path& b) {
        return std::atoi(a.parent_path().filename().c_str()) <
               std::atoi(b.parent_path().filename().c_str());
    });
    return found.back();
}

std::string quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// initdb and postgres refuse to run as root: as root, they run as the postgres system user.
std::string as_server_user(const std::string& command) {
    return geteuid() == 0 ? "runuser -u postgres -- " + command : command;
}

void run(const std::string& command, const fs::path& log) {
    const auto full = as_server_user(command) + " >>" + quoted(log.string()) + " 2>&1";
    if (std::system(full.c_str()) != 0) {
        std::ifstream in(log);
        std::stringstream text;
        text << in.rdbuf();
        throw std::runtime_error("PostgreSQL test cluster: `" + command + "` failed:\n" +
                                 text.str());
    }
}

void hand_to_server_user(const fs::path& dir) {
    if (geteuid() != 0)
        return;
    const passwd* user = getpwnam("postgres");
    if (user == nullptr) {
        throw std::runtime_error(
            "PostgreSQL test cluster: running as root but there is no `postgres` user to run "
            "the server as (Debian's postgresql package creates it).");
    }
    if (chown(dir.c_str(), user->pw_uid, user->pw_gid) != 0)
        throw std::runtime_error("PostgreSQL test cluster: cannot chown " + dir.string());
}

// Where create_schema() makes its schemas (made when the cluster starts).
constexpr const char* kSchemasDatabase = "orgdesk_tests";

fs::path port_file(const fs::path& dir) {
    return dir / "cluster.port";
}

// Stops a cluster this process started itself, when the tests are over.
class PrivateClusterEnvironment : public ::testing::Environment {
  public:
    void TearDown() override {
        if (!dir_.empty())
            PgTestCluster::stop(dir_);
        dir_.clear();
    }
    fs::path dir_;
};

PrivateClusterEnvironment* const privateCluster = static_cast<PrivateClusterEnvironment*>(
    ::testing::AddGlobalTestEnvironment(new PrivateClusterEnvironment));

}  // namespace

PgTestCluster PgTestCluster::start(const fs::path& dir) {
    const auto bin = server_bin_dir();
    fs::create_directories(dir);
    hand_to_server_user(dir);
    const auto log = dir / "postgres.log";
    std::random_device random;
    const int port = 20000 + static_cast<int>(random() % 40000);
    run(quoted((bin / "initdb").string()) + " -D " + quoted((dir / "data").string()) +
            " -U orgdesk --auth=trust -E UTF8 --locale=C -N",
        log);
    // Only a Unix socket in `dir`: nothing listens on TCP, so no port can clash with another.
    const std::string options = "-k " + dir.string() + " -p " + std::to_string(port) +
                                " -c listen_addresses= -c fsync=off -c synchronous_commit=off "
                                "-c full_page_writes=off -c max_connections=400";
    run(quoted((bin / "pg_ctl").string()) + " -D " + quoted((dir / "data").string()) + " -l " +
            quoted((dir / "server.log").string()) + " -w -t 120 -o " + quoted(options) + " start",
        log);
    PgTestCluster cluster(dir, port);
    pqxx::connection admin(cluster.connection_string("postgres"));
    pqxx::nontransaction(admin).exec(std::string("CREATE DATABASE ") + kSchemasDatabase);
    std::ofstream(port_file(dir)) << port << "\n";
    return cluster;
}

bool PgTestCluster::running_in(const fs::path& dir) {
    return fs::exists(port_file(dir));
}

PgTestCluster PgTestCluster::attach(const fs::path& dir) {
    int port = 0;
    std::ifstream(port_file(dir)) >> port;
    return PgTestCluster(dir, port);
}

// Immediate: no shutdown checkpoint, since the data is thrown away with the directory.
void PgTestCluster::stop(const fs::path& dir) {
    if (fs::exists(dir / "data")) {
        const auto command = quoted((server_bin_dir() / "pg_ctl").string()) + " -D " +
                             quoted((dir / "data").string()) + " -m immediate -w stop";
        std::system((as_server_user(command) + " >/dev/null 2>&1").c_str());
    }
    std::error_code ignored;
    fs::remove_all(dir, ignored);
}

PgTestCluster& PgTestCluster::shared() {
    static std::unique_ptr<PgTestCluster> cluster = [] {
        const char* ctestDir = std::getenv("ORGDESK_TEST_POSTGRES_DIR");
        if (ctestDir != nullptr && running_in(ctestDir))
            return std::make_unique<PgTestCluster>(attach(ctestDir));
        std::string pattern = (fs::temp_directory_path() / "orgdesk-pg-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr)
            throw std::runtime_error("PostgreSQL test cluster: cannot make a temporary directory");
        privateCluster->dir_ = pattern;
        return std::make_unique<PgTestCluster>(start(pattern));
    }();
    return *cluster;
}

std::string PgTestCluster::connection_string(const std::string& name) const {
    return "host=" + dir_.string() + " port=" + std::to_string(port_) +
           " user=orgdesk dbname=" + name;
}

namespace {

std::string unique_name(const std::string& prefix) {
    static std::atomic<int> counter{0};
    return prefix + "_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
}

}  // namespace

std::string PgTestCluster::create_database(const std::string& prefix) const {
    const auto name = unique_name(prefix);
    pqxx::connection admin(connection_string("postgres"));
    pqxx::nontransaction(admin).exec("CREATE DATABASE " + name);
    return connection_string(name);
}

std::string PgTestCluster::create_schema(const std::string& prefix) const {
    const auto name = unique_name(prefix);
    pqxx::connection admin(connection_string(kSchemasDatabase));
    pqxx::nontransaction(admin).exec("CREATE SCHEMA " + name);
    return connection_string(kSchemasDatabase) + " options=-csearch_path=" + name;
}

}  // namespace orgdesk::testing

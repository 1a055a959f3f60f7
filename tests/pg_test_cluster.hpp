#pragma once
// A private PostgreSQL server for tests: initdb into a temporary directory owned by an unprivileged
// user (the `postgres` system user when run as root: initdb and postgres refuse root), started on
// a Unix socket in that directory only (no TCP), with durability off for speed.
//
// Under CTest one cluster serves the whole run: the `postgres_start` fixture starts it in
// ORGDESK_TEST_POSTGRES_DIR and `postgres_stop` stops it. A test binary run by hand (that variable
// unset, or no cluster there) starts its own, once, and stops it at exit. If PostgreSQL's server
// binaries are missing, this throws saying so: the tests fail, they are never skipped.
#include <cstdint>
#include <filesystem>
#include <string>

namespace orgdesk::testing {

class PgTestCluster {
  public:
    // Starts a new cluster in `dir` (created; must not hold one yet).
    static PgTestCluster start(const std::filesystem::path& dir);
    // The cluster already running in `dir`, if its description file is there.
    static bool running_in(const std::filesystem::path& dir);
    static PgTestCluster attach(const std::filesystem::path& dir);
    // Stops the cluster in `dir` and removes the directory.
    static void stop(const std::filesystem::path& dir);

    // The cluster this test process uses (see above); started on first use.
    static PgTestCluster& shared();

    // A new, empty database; returns its libpq connection string.
    std::string create_database(const std::string& prefix = "orgdesk_test") const;
    // A new, empty schema in the shared test database, which the returned connection string
    // puts first on the search path: to a store, an empty database of its own, made in
    // milliseconds and small on disk (the store suites make one per test). Not for tests of
    // LISTEN/NOTIFY, whose channels are per database: those take create_database().
    std::string create_schema(const std::string& prefix = "orgdesk_test") const;
    // The keyword/value connection string of database `name`.
    std::string connection_string(const std::string& name) const;

  private:
    PgTestCluster(std::filesystem::path dir, int port) : dir_(std::move(dir)), port_(port) {}
    std::filesystem::path dir_;
    int port_ = 0;
};

}  // namespace orgdesk::testing

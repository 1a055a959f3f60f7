#pragma once
// The store tests run against every Store backend: SQLite on a temporary file and PostgreSQL on a
// fresh schema of the private test cluster (pg_test_cluster.hpp). A suite parameterized on
// Backend gets one fresh, empty database per test.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "pg_test_cluster.hpp"
#include "platform/pg_store.hpp"
#include "platform/sqlite_store.hpp"
#include "temp_database.hpp"

namespace orgdesk::platform::store_testing {

enum class Backend { Sqlite, Postgres };

inline std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
    return info.param == Backend::Sqlite ? "SQLite" : "PostgreSQL";
}

inline auto every_backend() {
    return ::testing::Values(Backend::Sqlite, Backend::Postgres);
}

// One fresh, empty database of a backend; open() may be called again for a second Store on the
// same data (as a second server instance, or a second connection, would have).
class TestDatabase {
  public:
    explicit TestDatabase(Backend backend) : backend_(backend) {
        if (backend_ == Backend::Postgres)
            connection_ = orgdesk::testing::PgTestCluster::shared().create_schema();
    }

    std::unique_ptr<Store> open() const {
        if (backend_ == Backend::Sqlite)
            return std::make_unique<SqliteStore>(file_.path());
        return std::make_unique<PgStore>(connection_);
    }

    Backend backend() const { return backend_; }
    std::string sqlite_path() const { return file_.path(); }
    std::string pg_connection() const { return connection_; }

  private:
    Backend backend_;
    orgdesk::testing::TempDatabase file_;
    std::string connection_;
};

// A test with a fresh store of the backend it is parameterized on.
class BackendTest : public ::testing::TestWithParam<Backend> {
  protected:
    TestDatabase database{GetParam()};
    std::unique_ptr<Store> opened = database.open();
    Store& store = *opened;
};

}  // namespace orgdesk::platform::store_testing

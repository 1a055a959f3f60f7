// pg_test_cluster start|stop DIR: the CTest fixtures that start one private PostgreSQL cluster for
// the whole test run and stop it afterwards (see pg_test_cluster.hpp).
#include <cstdio>
#include <exception>
#include <string>

#include "pg_test_cluster.hpp"

int main(int argc, char** argv) {
    using orgdesk::testing::PgTestCluster;
    if (argc != 3 || (std::string(argv[1]) != "start" && std::string(argv[1]) != "stop")) {
        std::fprintf(stderr, "usage: %s start|stop DIR\n", argv[0]);
        return 2;
    }
    try {
        if (std::string(argv[1]) == "stop") {
            PgTestCluster::stop(argv[2]);
            return 0;
        }
        PgTestCluster::stop(argv[2]);  // one left behind by an interrupted run
        const auto cluster = PgTestCluster::start(argv[2]);
        std::printf("PostgreSQL test cluster: %s\n", cluster.connection_string("postgres").c_str());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
}

// GET /metrics over real HTTP (issue 28): the text parses with a strict reader of the Prometheus
// format, the request counters move by exactly the requests sent, histogram buckets are
// cumulative, the database's figures follow what it holds, and /metrics is served only where
// the operator said (loopback by default, or a port of its own).
#include <gtest/gtest.h>

#include <string>

#include "server/http_application.hpp"
#include "server/order_test_support.hpp"
#include "server/prometheus_text_parser.hpp"

namespace orgdesk::server::testing {
namespace {

const std::string kCustomerRoute = "/api/v1/customers/{customerId}";

class Metrics : public OrderApiTest {
  protected:
    // Approved orders stay in the provisioning backlog until a test looks.
    void configure(ServerOptions& options) override { options.provisioning = false; }

    PrometheusExposition scrape() const {
        const auto answer = client().get("/metrics");
        EXPECT_EQ(answer.status, 200) << answer.body;
        EXPECT_EQ(answer.header("Content-Type"), "text/plain; version=0.0.4; charset=utf-8");
        return parse_prometheus_text(answer.body);
    }

    static double requests(const PrometheusExposition& metrics, const std::string& route,
                           const std::string& method, const std::string& status) {
        return metrics
            .value("orgdesk_http_requests_total",
                   {{"route", route}, {"method", method}, {"status", status}})
            .value_or(0);
    }

    static double gauge(const PrometheusExposition& metrics, const std::string& name) {
        const auto value = metrics.value(name);
        EXPECT_TRUE(value) << name << " is missing";
        return value.value_or(-1);
    }
};

TEST_F(Metrics, TheTextParsesStrictlyAndHasEveryFigure) {
    const auto metrics = scrape();
    for (const char* name :
         {"orgdesk_build_info", "orgdesk_http_requests_total",
          "orgdesk_http_request_duration_seconds", "orgdesk_http_connections_open",
          "orgdesk_sign_in_failures_total", "orgdesk_sign_in_lockouts_total",
          "orgdesk_password_hash_queue_depth", "orgdesk_database_up", "orgdesk_sessions_live",
          "orgdesk_orders_pending_approval", "orgdesk_orders_pending_approval_oldest_age_seconds",
          "orgdesk_provisioning_backlog", "orgdesk_sandboxes_live",
          "orgdesk_database_connections_open", "orgdesk_database_connections_in_use",
          "orgdesk_sqlite_wal_bytes"}) {
        const auto* family = metrics.family(name);
        ASSERT_NE(family, nullptr) << name;
        EXPECT_FALSE(family->help.empty()) << name;
        EXPECT_NE(family->type, "untyped") << name;
    }
    EXPECT_EQ(metrics.family("orgdesk_http_requests_total")->type, "counter");
    EXPECT_EQ(metrics.family("orgdesk_http_request_duration_seconds")->type, "histogram");
    const auto& build = metrics.family("orgdesk_build_info")->samples.at(0);
    EXPECT_EQ(build.value, 1);
    EXPECT_EQ(build.labels.at("version"), "0.1.0");
    EXPECT_FALSE(build.labels.at("commit").empty());
    EXPECT_EQ(gauge(metrics, "orgdesk_database_up"), 1);
    // This scrape's own connection is open.
    EXPECT_GE(gauge(metrics, "orgdesk_http_connections_open"), 1);
}

TEST_F(Metrics, CountersMoveByExactlyTheRequestsSent) {
    const auto token = sign_in(kSeller);
    const auto customer = customer_in_status(token, "Active");
    const auto before = scrape();

    for (int i = 0; i < 7; ++i)
        ASSERT_EQ(client().get("/api/v1/customers/" + customer, token).status, 200);
    for (int i = 0; i < 3; ++i)
        ASSERT_EQ(client().get("/api/v1/customers/no-such-customer", token).status, 404);
    for (int i = 0; i < 2; ++i) {
        const auto wrong = client().post_json(
            "/api/v1/auth/login",
            nlohmann::json{{"username", kManager}, {"password", "not-the-password"}}.dump());
        ASSERT_EQ(wrong.status, 401);
        advance_clock(std::chrono::seconds(5));  // past the delay a failure sets
    }
    ASSERT_EQ(client().get("/api/v1/no/such/route", token).status, 404);
    const auto after = scrape();

    const auto moved = [&](const std::string& route, const std::string& method,
                           const std::string& status) {
        return requests(after, route, method, status) - requests(before, route, method, status);
    };
    EXPECT_EQ(moved(kCustomerRoute, "GET", "200"), 7);
    EXPECT_EQ(moved(kCustomerRoute, "GET", "404"), 3);
    EXPECT_EQ(moved("/api/v1/auth/login", "POST", "401"), 2);
    EXPECT_EQ(moved("unmatched", "GET", "404"), 1);
    EXPECT_EQ(moved("/metrics", "GET", "200"), 1);  // the first scrape, counted once answered
    EXPECT_EQ(after.value("orgdesk_sign_in_failures_total").value_or(0) -
                  before.value("orgdesk_sign_in_failures_total").value_or(0),
              2);

    const PrometheusLabelSet route{{"route", kCustomerRoute}, {"method", "GET"}};
    EXPECT_EQ(after.value("orgdesk_http_request_duration_seconds_count", route).value_or(0) -
                  before.value("orgdesk_http_request_duration_seconds_count", route).value_or(0),
              10);
    // The histogram's sum grew by the time those ten took: more than nothing.
    EXPECT_GT(after.value("orgdesk_http_request_duration_seconds_sum", route).value_or(0),
              before.value("orgdesk_http_request_duration_seconds_sum", route).value_or(0));
}

TEST_F(Metrics, HistogramBucketsAreCumulativeAndEndAtTheCount) {
    const auto token = sign_in(kSeller);
    for (int i = 0; i < 5; ++i)
        ASSERT_EQ(client().get("/api/v1/customers", token).status, 200);
    const auto metrics = scrape();  // the parser refuses buckets that are not cumulative
    const auto* histogram = metrics.family("orgdesk_http_request_duration_seconds");
    ASSERT_NE(histogram, nullptr);
    double previous = -1;
    double inf = -1;
    for (const auto& sample : histogram->samples) {
        if (sample.name != "orgdesk_http_request_duration_seconds_bucket" ||
            sample.labels.at("route") != "/api/v1/customers")
            continue;
        EXPECT_GE(sample.value, previous) << sample.labels.at("le");
        previous = sample.value;
        if (sample.labels.at("le") == "+Inf")
            inf = sample.value;
    }
    EXPECT_EQ(inf, 5);
    EXPECT_EQ(metrics.value("orgdesk_http_request_duration_seconds_count",
                            {{"route", "/api/v1/customers"}, {"method", "GET"}}),
              5);
}

TEST_F(Metrics, TheDatabaseFiguresFollowWhatItHolds) {
    const auto pending = scrape();
    const double waiting = gauge(pending, "orgdesk_orders_pending_approval");
    const auto placed = place_northwind_order();
    ASSERT_FALSE(placed.empty());
    advance_clock(std::chrono::hours(2));
    const auto later = scrape();
    EXPECT_EQ(gauge(later, "orgdesk_orders_pending_approval"), waiting + 1);
    // The oldest waits at least the two hours the clock moved.
    EXPECT_GE(gauge(later, "orgdesk_orders_pending_approval_oldest_age_seconds"), 7200);

    const double backlog = gauge(later, "orgdesk_provisioning_backlog");
    const auto seller = sign_in(kSeller);  // after the two hours, in which a session would end
    ASSERT_EQ(approve(placed, seller).status, 200);
    const auto approved = scrape();
    EXPECT_EQ(gauge(approved, "orgdesk_orders_pending_approval"), waiting);
    // Provisioning is driven by hand in these tests: the approved order waits for it.
    EXPECT_EQ(gauge(approved, "orgdesk_provisioning_backlog"), backlog + 1);
    // The seller's session at least (the owner's ended in the two idle hours).
    EXPECT_GE(gauge(approved, "orgdesk_sessions_live"), 1);
    EXPECT_EQ(gauge(approved, "orgdesk_sessions_live"), gauge(later, "orgdesk_sessions_live") + 1);
    EXPECT_GE(gauge(approved, "orgdesk_database_connections_open"), 1);
}

TEST_F(Metrics, ALockOutIsCounted) {
    const auto before = scrape();
    const auto guess = [&](int i) {
        return client().post_json(
            "/api/v1/auth/login",
            nlohmann::json{{"username", kManager}, {"password", "guess-" + std::to_string(i)}}
                .dump());
    };
    // Five wrong passwords within 15 minutes lock the account (core's kAccountSignInLimit); the
    // clock moves past each delay between them.
    for (int i = 0; i < 5; ++i) {
        ASSERT_EQ(guess(i).status, 401) << i;
        advance_clock(std::chrono::seconds(20));
    }
    EXPECT_EQ(guess(5).status, 429);  // locked
    const auto after = scrape();
    EXPECT_EQ(after.value("orgdesk_sign_in_lockouts_total").value_or(0) -
                  before.value("orgdesk_sign_in_lockouts_total").value_or(0),
              1);
    EXPECT_EQ(after.value("orgdesk_sign_in_failures_total").value_or(0) -
                  before.value("orgdesk_sign_in_failures_total").value_or(0),
              5);
}

Request metrics_request() {
    Request request{http::verb::get, "/metrics", 11};
    request.set(http::field::host, "localhost");
    return request;
}

unsigned status_of(Answer answer) {
    return header_of(std::get<Response>(answer)).result_int();
}

TEST_F(Metrics, AreRefusedToAClientThatIsNotLoopback) {
    const auto& application = server().application();
    EXPECT_EQ(status_of(application.handle(metrics_request(), "127.0.0.1")), 200);
    EXPECT_EQ(status_of(application.handle(metrics_request(), "::1")), 200);
    EXPECT_EQ(status_of(application.handle(metrics_request(), "::ffff:127.0.0.1")), 200);
    auto refused = application.handle(metrics_request(), "203.0.113.9");
    EXPECT_EQ(header_of(std::get<Response>(refused)).result_int(), 403);
    const auto& body = std::get<StringResponse>(std::get<Response>(refused)).body();
    EXPECT_NE(body.find("--metrics-address"), std::string::npos) << body;
    EXPECT_EQ(body.find("orgdesk_"), std::string::npos) << body;
}

class PublicMetrics : public Metrics {
  protected:
    void configure(ServerOptions& options) override {
        Metrics::configure(options);
        options.metricsPublic = true;
    }
};

TEST_F(PublicMetrics, AreServedToEveryClient) {
    EXPECT_EQ(status_of(server().application().handle(metrics_request(), "203.0.113.9")), 200);
}

class MetricsOnTheirOwnPort : public Metrics {
  protected:
    void configure(ServerOptions& options) override {
        Metrics::configure(options);
        options.metricsAddress = "127.0.0.1:0";
    }
};

TEST_F(MetricsOnTheirOwnPort, AreServedThereAndNotOnThePublicPort) {
    EXPECT_EQ(client().get("/metrics").status, 404);
    const auto port = server().metrics_port();
    ASSERT_TRUE(port);
    const HttpClient metricsClient(*port);
    EXPECT_EQ(metricsClient.get("/api/v1/customers").status, 404);  // only /metrics there
    const auto answer = metricsClient.get("/metrics");
    ASSERT_EQ(answer.status, 200) << answer.body;
    const auto metrics = parse_prometheus_text(answer.body);
    // The public port's requests are counted there: the refused /metrics among them.
    EXPECT_EQ(metrics.value("orgdesk_http_requests_total",
                            {{"route", "unmatched"}, {"method", "GET"}, {"status", "404"}}),
              2);
}

}  // namespace
}  // namespace orgdesk::server::testing

// Crash safety: several clients write at once (organizations created, edited with If-Match,
// approved and rejected; orders placed with an Idempotency-Key, approved and rejected) against
// the real orgdesk-server binary, which is killed with SIGKILL at a random moment and started
// again on the same database, cycle after cycle. After each kill the database file is whole and
// agrees with its audit trail, and every write a client saw acknowledged is in it; after each
// restart the server serves those values, and a create retried with its Idempotency-Key is not
// done twice.
//
// ORGDESK_CRASH_CYCLES sets the number of kills: 15 by default (CI), 200 for the full run.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "platform/demo_data.hpp"
#include "server/database_invariants.hpp"
#include "server/http_client.hpp"
#include "server/process_test_support.hpp"
#include "server/server_fixture.hpp"
#include "server/server_process.hpp"

namespace orgdesk::server::testing {
namespace {

using nlohmann::json;
using Headers = std::vector<std::pair<std::string, std::string>>;
using SteadyClock = std::chrono::steady_clock;

const std::string kNorthwind(platform::kDemoOwnerCustomerId);

int crash_cycles() {
    const char* text = std::getenv("ORGDESK_CRASH_CYCLES");
    const int cycles = text ? std::atoi(text) : 0;
    return cycles > 0 ? cycles : 15;
}

std::string quoted(std::int64_t version) {
    return "\"" + std::to_string(version) + "\"";
}

// What a client can tell about an entity, in one shape whether read from an answer or from the
// database. An approved order moves on by itself (Approved, Provisioning, Provisioned): what the
// client decided is "approved".
json organization_view(const json& org) {
    return {{"status", org.at("status")},
            {"version", org.at("version")},
            {"customerReference", org.at("customerReference")}};
}

json order_view(const json& order) {
    const auto status = order.at("status").get<std::string>();
    std::string decision = "pending";
    if (status == "Approved" || status == "Provisioning" || status == "Provisioned")
        decision = "approved";
    else if (status != "PendingApproval")
        decision = status;  // Rejected, or Failed, which nothing here should cause
    return {{"decision", decision}, {"rejectionReason", order.at("rejectionReason")}};
}

// One organization or order a writer created.
struct Tracked {
    std::string key;  // the Idempotency-Key of its creation
    json createBody;
    std::string id;  // empty until its creation is acknowledged or found in the database
    std::optional<json> acknowledged;  // what the last acknowledged write left
    std::optional<json> inDoubt;       // what the write in flight at the crash would leave
    bool touched = false;              // written since the last restart
    bool foundAfterCrash = false;      // its creation's answer was lost, but it was committed
};

enum class Kind { Organizations, Orders };

// One client thread's writes, all on entities it created itself, so that every answer but a
// success is a bug and every entity's expected state is known.
class Writer {
  public:
    Writer(int number, Kind kind, SignedIn creator, SignedIn decider)
        : number_(number),
          kind_(kind),
          creator_(std::move(creator)),
          decider_(std::move(decider)),
          random_(static_cast<unsigned>(number) * 7919U + 1U) {}

    // Writes until the server stops answering (it was killed).
    void run(std::uint16_t port) {
        const HttpClient client(port);
        while (step(client)) {
        }
    }

    Kind kind() const { return kind_; }
    const SignedIn& creator() const { return creator_; }
    std::vector<Tracked>& entities() { return entities_; }
    long acknowledged() const { return acknowledged_; }
    const std::vector<std::string>& unexpected() const { return unexpected_; }

    // The view an entity has right after its creation, from the body that created it.
    json created_view(const Tracked& t) const {
        if (kind_ == Kind::Organizations) {
            return {{"status", "New"},
                    {"version", 1},
                    {"customerReference", t.createBody.at("customerReference")}};
        }
        return {{"decision", "pending"}, {"rejectionReason", ""}};
    }

    json view_of(const json& answer) const {
        return kind_ == Kind::Organizations ? organization_view(answer) : order_view(answer);
    }

    std::string path_of(const std::string& id) const {
        return (kind_ == Kind::Organizations ? "/api/v1/customers/" : "/api/v1/orders/") + id;
    }

    // Sends the creation of `t` with its Idempotency-Key; nothing when the server went away.
    std::optional<HttpResponse> create(const HttpClient& client, Tracked& t) {
        return write(t, created_view(t), [&] { return send_create(client, t); });
    }

    // The same creation sent once more, changing nothing here: a retry of one already
    // committed must answer as the first time, with the same id.
    HttpResponse send_create(const HttpClient& client, const Tracked& t) const {
        const char* path = kind_ == Kind::Organizations ? "/api/v1/customers" : "/api/v1/orders";
        return client.send_json("POST", path, t.createBody, creator_.token,
                                {{"Idempotency-Key", t.key}});
    }

  private:
    // Sends one write on `t`; nothing when the server went away before answering (the write is
    // then in doubt: `expected` if it took effect, the acknowledged state if not).
    std::optional<HttpResponse> write(Tracked& t, json expected,
                                      const std::function<HttpResponse()>& send) {
        t.inDoubt = std::move(expected);
        t.touched = true;
        HttpResponse answer;
        try {
            answer = send();
        } catch (const std::exception&) {
            return std::nullopt;
        }
        if (answer.status < 200 || answer.status > 299) {
            unexpected_.push_back(std::to_string(answer.status) + " " + answer.body);
            t.inDoubt.reset();  // refused: nothing changed
            return answer;
        }
        const auto body = answer.json();
        if (t.id.empty())
            t.id = body.at("id").get<std::string>();
        t.acknowledged = view_of(body);
        if (*t.acknowledged != *t.inDoubt)
            unexpected_.push_back("answered " + t.acknowledged->dump() + ", expected " +
                                  t.inDoubt->dump());
        t.inDoubt.reset();
        ++acknowledged_;
        return answer;
    }

    bool step(const HttpClient& client) {
        // Some entities settled (acknowledged, nothing in doubt) to work on, else a new one.
        std::vector<Tracked*> open;
        for (auto& t : entities_) {
            if (t.acknowledged && !t.inDoubt && !t.id.empty() && actionable(*t.acknowledged))
                open.push_back(&t);
        }
        if (open.empty() || random_() % 3 == 0)
            return create(client, new_entity()).has_value();
        Tracked& t = *open[random_() % open.size()];
        return kind_ == Kind::Organizations ? organization_step(client, t) : order_step(client, t);
    }

    bool actionable(const json& view) const {
        if (kind_ == Kind::Organizations)
            return view.at("status") == "New" || view.at("status") == "Active";
        return view.at("decision") == "pending";
    }

    Tracked& new_entity() {
        Tracked t;
        const auto n = entities_.size();
        t.key = "crash-" + std::to_string(number_) + "-" + std::to_string(n);
        if (kind_ == Kind::Organizations) {
            const auto name = "Crash Test " + std::to_string(number_) + "-" + std::to_string(n);
            t.createBody = new_customer_body(name, t.key + "@crash.example");
            t.createBody["customerReference"] = "CR-" + t.key;
        } else {
            t.createBody = {{"customerId", kNorthwind},
                            {"lines",
                             {{{"sku", "ZOOM-PRO"}, {"quantity", 1 + n % 5}},
                              {{"sku", "ACR-CYBER"}, {"quantity", 1}}}}};
        }
        entities_.push_back(std::move(t));
        return entities_.back();
    }

    bool organization_step(const HttpClient& client, Tracked& t) {
        json next = *t.acknowledged;
        next["version"] = next.at("version").get<std::int64_t>() + 1;
        const Headers ifMatch{
            {"If-Match", quoted(t.acknowledged->at("version").get<std::int64_t>())}};
        const auto path = path_of(t.id);
        const int choice = static_cast<int>(random_() % 4);
        if (t.acknowledged->at("status") == "New" && choice < 2) {
            const bool approve = choice == 0;
            next["status"] = approve ? "Active" : "Rejected";
            return write(t, next,
                         [&] {
                             return approve
                                        ? client.send_json("PUT", path + "/approve", json::object(),
                                                           decider_.token, ifMatch)
                                        : client.send_json("PUT", path + "/reject",
                                                           {{"reason", "crash test"}},
                                                           decider_.token, ifMatch);
                         })
                .has_value();
        }
        next["customerReference"] = "CR-" + t.key + "-v" + next.at("version").dump();
        return write(t, next,
                     [&] {
                         return client.send_json(
                             "PATCH", path, {{"customerReference", next.at("customerReference")}},
                             creator_.token, ifMatch);
                     })
            .has_value();
    }

    bool order_step(const HttpClient& client, Tracked& t) {
        const bool approve = random_() % 2 == 0;
        const std::string reason = "crash test " + t.key;
        const json next = {{"decision", approve ? "approved" : "Rejected"},
                           {"rejectionReason", approve ? "" : reason}};
        return write(t, next,
                     [&] {
                         return client.send_json(
                             "POST", path_of(t.id) + (approve ? "/approve" : "/reject"),
                             approve ? json::object() : json{{"reason", reason}}, decider_.token);
                     })
            .has_value();
    }

    int number_;
    Kind kind_;
    SignedIn creator_;
    SignedIn decider_;
    std::mt19937 random_;
    std::vector<Tracked> entities_;
    long acknowledged_ = 0;
    std::vector<std::string> unexpected_;
};

std::vector<std::string> server_arguments(const std::filesystem::path& database) {
    return {"--db", database.string(), "--demo", "--threads", "2", "--provisioning-delay-ms", "20"};
}

struct Figures {
    int cycles = 0;
    long verifiedInDatabase = 0;
    long verifiedOverHttp = 0;
    long inDoubtLanded = 0;
    long inDoubtLost = 0;
    long replays = 0;
    long retriedCreations = 0;
};

class CrashRecovery : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = make_temp_dir();
        database_ = dir_ / "orgdesk.db";
        log_ = (dir_ / "server.log").string();
    }
    void TearDown() override {
        if (!HasFailure())
            std::filesystem::remove_all(dir_);
        else
            std::printf("[crash] kept %s for inspection\n", dir_.string().c_str());
    }

    // After a kill: the file is whole and consistent, holds every acknowledged write, and the
    // write in flight at the crash either took effect whole or not at all.
    void verify_database(std::vector<Writer>& writers) {
        const auto check = check_database(database_);
        ASSERT_EQ(check.integrity, "ok");
        for (const auto& violation : check.violations)
            ADD_FAILURE() << violation;
        const auto organizations = organization_states(database_);
        const auto orders = order_states(database_);
        std::size_t trackedOrganizations = 0;
        std::size_t trackedOrders = 0;
        for (auto& writer : writers) {
            const bool orgs = writer.kind() == Kind::Organizations;
            const auto& states = orgs ? organizations : orders;
            for (auto& t : writer.entities()) {
                if (t.id.empty()) {
                    // The creation's answer was lost: if it was committed, its answer was too.
                    t.id = idempotent_answer_id(database_, writer.creator().userId, t.key);
                    if (t.id.empty()) {
                        ++figures_.inDoubtLost;  // not committed: created again after the restart
                        continue;
                    }
                    t.foundAfterCrash = true;
                }
                ++(orgs ? trackedOrganizations : trackedOrders);
                const auto found = states.find(t.id);
                if (found == states.end()) {
                    ADD_FAILURE() << "acknowledged " << t.id << " is missing";
                    continue;
                }
                const json actual =
                    orgs ? organization_view(found->second) : order_view(found->second);
                if (t.acknowledged && actual == *t.acknowledged) {
                    figures_.inDoubtLost += t.inDoubt ? 1 : 0;
                } else if (t.inDoubt && actual == *t.inDoubt) {
                    ++figures_.inDoubtLanded;
                } else {
                    ADD_FAILURE() << t.id << " is " << actual.dump() << "; acknowledged "
                                  << (t.acknowledged ? t.acknowledged->dump() : "nothing")
                                  << (t.inDoubt ? ", in doubt " + t.inDoubt->dump() : "");
                }
                t.acknowledged = actual;
                t.inDoubt.reset();
                ++figures_.verifiedInDatabase;
            }
        }
        // Nothing created but what the clients created (and the demo data).
        EXPECT_EQ(organizations.size(), baselineOrganizations_ + trackedOrganizations);
        EXPECT_EQ(orders.size(), baselineOrders_ + trackedOrders);
    }

    // After a restart: creations whose answer was lost are sent again with their key (those
    // committed answer as the first time, with the same id; the others are created now), and
    // everything written in the last cycle reads back over HTTP as verified in the file.
    void verify_over_http(std::vector<Writer>& writers, const HttpClient& client) {
        for (auto& writer : writers) {
            for (auto& t : writer.entities()) {
                if (t.foundAfterCrash) {
                    t.foundAfterCrash = false;
                    const auto again = writer.send_create(client, t);
                    ASSERT_TRUE(again.status == 200 || again.status == 201) << again.body;
                    EXPECT_EQ(again.json().at("id"), t.id)
                        << "a retry created " << t.key << " twice";
                    ++figures_.replays;
                } else if (t.id.empty()) {
                    const auto created = writer.create(client, t);
                    ASSERT_TRUE(created.has_value()) << "the restarted server did not answer";
                    ASSERT_EQ(created->status, 201) << created->body;
                    ++figures_.retriedCreations;
                }
                if (!t.touched)
                    continue;
                t.touched = false;
                const auto answer = client.get(writer.path_of(t.id), writer.creator().token);
                ASSERT_EQ(answer.status, 200) << answer.body;
                EXPECT_EQ(writer.view_of(answer.json()), *t.acknowledged) << t.id;
                ++figures_.verifiedOverHttp;
            }
        }
    }

    std::filesystem::path dir_;
    std::filesystem::path database_;
    std::string log_;
    std::size_t baselineOrganizations_ = 0;
    std::size_t baselineOrders_ = 0;
    Figures figures_;
};

TEST_F(CrashRecovery, AcknowledgedWritesSurviveSigkillAtRandomMoments) {
    const int cycles = crash_cycles();
    const auto started = SteadyClock::now();
    std::vector<Writer> writers;
    {
        ServerProcess server(ORGDESK_SERVER_BINARY, server_arguments(database_), log_);
        const HttpClient client(server.port());
        const auto seller = sign_in_to(client, kSeller);
        const auto manager = sign_in_to(client, kManager);
        const auto owner = sign_in_to(client, kOwner);
        writers.emplace_back(0, Kind::Organizations, seller, seller);
        writers.emplace_back(1, Kind::Organizations, seller, manager);
        writers.emplace_back(2, Kind::Orders, owner, seller);
        writers.emplace_back(3, Kind::Orders, owner, manager);
        ASSERT_EQ(server.stop(), 0);
    }
    baselineOrganizations_ = organization_states(database_).size();
    baselineOrders_ = order_states(database_).size();

    std::mt19937 random(20240607U);
    std::uniform_int_distribution<int> killAfterMs(30, 600);
    for (int cycle = 0; cycle < cycles; ++cycle) {
        ServerProcess server(ORGDESK_SERVER_BINARY, server_arguments(database_), log_);
        if (cycle > 0) {
            verify_over_http(writers, HttpClient(server.port()));
            if (HasFatalFailure())
                return;
        }
        std::vector<std::thread> threads;
        for (auto& writer : writers)
            threads.emplace_back([&writer, port = server.port()] { writer.run(port); });
        std::this_thread::sleep_for(std::chrono::milliseconds(killAfterMs(random)));
        server.kill_now();
        for (auto& thread : threads)
            thread.join();
        verify_database(writers);
        if (HasFatalFailure())
            return;
        ++figures_.cycles;
    }

    // A last start: everything approved gets provisioned, and a SIGTERM leaves a clean file.
    {
        ServerProcess server(ORGDESK_SERVER_BINARY, server_arguments(database_), log_);
        verify_over_http(writers, HttpClient(server.port()));
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        EXPECT_EQ(server.stop(), 0);
    }
    verify_database(writers);

    long acknowledged = 0;
    std::size_t entities = 0;
    for (auto& writer : writers) {
        acknowledged += writer.acknowledged();
        entities += writer.entities().size();
        for (const auto& answer : writer.unexpected())
            ADD_FAILURE() << "unexpected answer: " << answer;
    }
    const auto check = check_database(database_);
    const auto tookMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(SteadyClock::now() - started);
    std::printf(
        "[crash] %d SIGKILL cycles survived; %ld writes acknowledged on %zu entities; %ld entity "
        "states verified in the file after the kills, %ld over HTTP after the restarts; writes "
        "in flight at a kill: %ld took effect, %ld did not; lost creation answers: %ld replayed "
        "by Idempotency-Key (same id), %ld created on retry; final file: %lld organizations, %lld "
        "orders, %lld subscriptions, %lld audit "
        "events, integrity %s; %lld ms\n",
        figures_.cycles, acknowledged, entities, figures_.verifiedInDatabase,
        figures_.verifiedOverHttp, figures_.inDoubtLanded, figures_.inDoubtLost, figures_.replays,
        figures_.retriedCreations, check.counts.at("organizations"), check.counts.at("orders"),
        check.counts.at("subscriptions"), check.counts.at("audit_events"), check.integrity.c_str(),
        static_cast<long long>(tookMs.count()));
}

}  // namespace
}  // namespace orgdesk::server::testing

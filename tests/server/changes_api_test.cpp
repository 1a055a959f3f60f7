// GET /api/v1/changes, the live-update long poll, over real HTTP: it answers at once without a
// cursor, wakes early for a change in the caller's tenant, sleeps through changes in other
// tenants, and refuses what is not a cursor.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <regex>
#include <set>
#include <thread>

#include "server/order_test_support.hpp"

namespace orgdesk::server::testing {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr const char* kChanges = "/api/v1/changes";

struct Poll {
    HttpResponse response;
    std::chrono::milliseconds took{0};
};

class ChangesApi : public OrderApiTest {
  protected:
    std::string current_cursor(const std::string& token) {
        const auto response = client().get(kChanges, token);
        EXPECT_EQ(response.status, 200) << response.body;
        return response.json().at("cursor").get<std::string>();
    }

    Poll poll(const std::string& token, const std::string& cursor, int waitSeconds) const {
        const auto start = Clock::now();
        auto response = client().get(std::string(kChanges) + "?after=" + url_encode(cursor) +
                                         "&wait=" + std::to_string(waitSeconds),
                                     token);
        return {std::move(response),
                std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start)};
    }

    // A poll in another thread, with `change` made from this one while it waits.
    template <class Change>
    Poll poll_during(const std::string& token, const std::string& cursor, int waitSeconds,
                     Change change) {
        auto waiting =
            std::async(std::launch::async, [&] { return poll(token, cursor, waitSeconds); });
        // Whether the poll is already waiting or not, the answer is the same (a change after the
        // cursor answers at once); the pause only makes the early wake-up the usual path.
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        change();
        return waiting.get();
    }

    // A change in seller two's tenant: an order for one of its Active customers.
    void change_in_seller_two() {
        const auto sellerTwo = sign_in(kSellerTwo);
        const auto customer = customer_in_status(sellerTwo, "Active");
        const auto placed = place(order_body(customer, {{"ZOOM-PRO", 1}}), sellerTwo);
        EXPECT_EQ(placed.status, 201) << placed.body;
    }
};

TEST_F(ChangesApi, WithoutACursorItAnswersAtOnce) {
    const auto start = Clock::now();
    const auto response = client().get(kChanges, sign_in(kSeller));
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_LT(Clock::now() - start, std::chrono::seconds(2));
    const auto body = response.json();
    EXPECT_EQ(body.at("changed"), false);
    EXPECT_TRUE(body.at("cursor").is_string());
    // Nothing happened since: a poll from it waits and answers that nothing changed.
    EXPECT_EQ(poll(sign_in(kSeller), body.at("cursor"), 1).response.json().at("changed"), false);
}

TEST_F(ChangesApi, AChangeInTheTenantWakesTheWaitingPoll) {
    const auto seller = sign_in(kSeller);
    const auto cursor = current_cursor(seller);
    const auto poll = poll_during(seller, cursor, 5, [&] { place_northwind_order(); });
    ASSERT_EQ(poll.response.status, 200) << poll.response.body;
    const auto body = poll.response.json();
    EXPECT_EQ(body.at("changed"), true);
    EXPECT_NE(body.at("cursor"), cursor);
    EXPECT_LT(poll.took, std::chrono::seconds(3)) << "the poll was not woken by the change";

    // With the new cursor, nothing more has changed, and the quiet answer's cursor is that
    // position again (sealed afresh: cursors are never compared, see below).
    const auto quiet = this->poll(seller, body.at("cursor"), 1);
    EXPECT_EQ(quiet.response.json().at("changed"), false);
    EXPECT_EQ(
        this->poll(seller, quiet.response.json().at("cursor"), 1).response.json().at("changed"),
        false);
}

TEST_F(ChangesApi, ADecisionWakesTheCustomersPoll) {
    const auto id = place_northwind_order();
    const auto owner = sign_in(kOwner);
    const auto cursor = current_cursor(owner);
    const auto poll = poll_during(owner, cursor, 5,
                                  [&] { EXPECT_EQ(approve(id, sign_in(kSeller)).status, 200); });
    EXPECT_EQ(poll.response.json().at("changed"), true);
    EXPECT_LT(poll.took, std::chrono::seconds(3));
}

TEST_F(ChangesApi, AChangeMadeBeforeThePollAnswersAtOnce) {
    const auto seller = sign_in(kSeller);
    const auto cursor = current_cursor(seller);
    place_northwind_order();
    const auto poll = this->poll(seller, cursor, 5);
    EXPECT_EQ(poll.response.json().at("changed"), true);
    EXPECT_LT(poll.took, std::chrono::seconds(2));
}

TEST_F(ChangesApi, AChangeInAnotherTenantDoesNotWakeThePoll) {
    const auto seller = sign_in(kSeller);
    const auto cursor = current_cursor(seller);
    change_in_seller_two();  // before the poll...
    const auto poll =
        poll_during(seller, cursor, 1, [&] { change_in_seller_two(); });  // ...and during
    ASSERT_EQ(poll.response.status, 200) << poll.response.body;
    EXPECT_EQ(poll.response.json().at("changed"), false);
    EXPECT_GE(poll.took, std::chrono::milliseconds(900));
    // Seller two's own poll from the same cursor sees them; so from the quiet answer's cursor,
    // which is the same position.
    EXPECT_EQ(this->poll(sign_in(kSellerTwo), cursor, 1).response.json().at("changed"), true);
    EXPECT_EQ(this->poll(sign_in(kSellerTwo), poll.response.json().at("cursor"), 1)
                  .response.json()
                  .at("changed"),
              true);
    // As does the distributor's, over both sellers.
    EXPECT_EQ(this->poll(sign_in(kDistributor), cursor, 1).response.json().at("changed"), true);
}

TEST_F(ChangesApi, AnotherCustomersChangeDoesNotWakeTheOwner) {
    const auto owner = sign_in(kOwner);
    const auto cursor = current_cursor(owner);
    const auto seller = sign_in(kSeller);
    const std::string other = other_active_customer().value("id", "");
    ASSERT_EQ(place(order_body(other, {{"ZOOM-PRO", 1}}), seller).status, 201);
    EXPECT_EQ(this->poll(owner, cursor, 1).response.json().at("changed"), false);
}

// A cursor this run did not seal: from another server (a run before a restart, or another
// instance on a shared database, each with a key of its own), from before cursors were sealed
// ("<epoch>.<sequence>", still held by a tab open across the upgrade), or altered.
TEST_F(ChangesApi, ACursorFromAnotherRunAnswersAtOnceThatAllMayHaveChanged) {
    const auto seller = sign_in(kSeller);
    const auto cursor = current_cursor(seller);

    ServerOptions otherOptions;
    otherOptions.port = 0;
    otherOptions.provisioning = false;
    Server otherServer(store(), otherOptions);
    const HttpClient other(otherServer.start());
    const auto fromOtherServer = other.get(kChanges, seller).json().at("cursor").get<std::string>();
    otherServer.stop();

    auto altered = cursor;
    altered[altered.size() / 2] = altered[altered.size() / 2] == 'A' ? 'B' : 'A';
    for (const auto& foreign :
         {fromOtherServer, std::to_string(now_ms()) + ".0", std::string("1.2"), altered}) {
        const auto poll = this->poll(seller, foreign, 5);
        ASSERT_EQ(poll.response.status, 200) << foreign << ": " << poll.response.body;
        EXPECT_EQ(poll.response.json().at("changed"), true) << foreign;
        EXPECT_LT(poll.took, std::chrono::seconds(2)) << foreign;
        // The answer's cursor is this run's own: from it, the poll waits.
        const auto fresh = poll.response.json().at("cursor").get<std::string>();
        EXPECT_EQ(this->poll(seller, fresh, 1).response.json().at("changed"), false) << foreign;
    }
}

// Issue 21, finding 3: the cursor was "<epoch>.<sequence>", the server's start time and its count
// of changes in every tenant, so any tenant (a sandbox, say) could read how busy the others were.
// An idle tenant's cursors must look the same whether another tenant is busy or not: each answer
// is a fresh opaque token, of one length, holding neither number. What is left to see: a cursor
// older than the feed's history (1024 changes server-wide) answers `changed: true` at once, so a
// tenant can tell that at least that many changes happened somewhere since it got the cursor.
TEST_F(ChangesApi, CursorsRevealNeitherTheServerStartNorOtherTenantsActivity) {
    const auto idle = sign_in(kSellerTwo);  // seller two's tenant changes nothing below
    std::vector<std::string> cursors;
    cursors.push_back(current_cursor(idle));
    cursors.push_back(current_cursor(idle));  // nothing happened anywhere in between
    place_northwind_order();                  // seller one's tenant is busy
    place_northwind_order();
    cursors.push_back(current_cursor(idle));
    const auto quiet = poll(idle, cursors.front(), 1);
    ASSERT_EQ(quiet.response.status, 200) << quiet.response.body;
    EXPECT_EQ(quiet.response.json().at("changed"), false);
    cursors.push_back(quiet.response.json().at("cursor").get<std::string>());

    const std::regex epochDotSequence("[0-9]+\\.[0-9]+");
    const std::regex base64url("[A-Za-z0-9_-]+");
    // The server took its epoch from the test's clock, which has not moved since.
    const auto serverStart = std::to_string(now_ms());
    for (const auto& cursor : cursors) {
        EXPECT_FALSE(std::regex_match(cursor, epochDotSequence)) << cursor;
        EXPECT_TRUE(std::regex_match(cursor, base64url)) << cursor;
        EXPECT_EQ(cursor.find(serverStart), std::string::npos) << cursor;
        EXPECT_EQ(cursor.size(), cursors.front().size()) << cursor;
    }
    // Quiet or busy, every answer is a new token: comparing them tells the idle tenant nothing.
    EXPECT_EQ(std::set<std::string>(cursors.begin(), cursors.end()).size(), cursors.size());
}

TEST_F(ChangesApi, MalformedCursorOrWaitIs400) {
    const auto seller = sign_in(kSeller);
    const auto cursor = current_cursor(seller);
    // Not shaped like a cursor at all, old or sealed: a sealed one's length of the wrong
    // characters, a sealed one with a character more or less.
    for (const std::string& bad :
         {std::string("abc"), std::string("12"), std::string("1."), std::string(".1"),
          std::string("1.x"), std::string("1.2.3"), std::string("-1.-1"),
          std::string(cursor.size(), '*'), cursor + "A", cursor.substr(1)}) {
        const auto response =
            client().get(std::string(kChanges) + "?after=" + url_encode(bad), seller);
        EXPECT_EQ(response.status, 400) << bad << ": " << response.body;
        EXPECT_EQ(fields_of(response.json()), std::vector<std::string>{"after"}) << bad;
    }
    for (const char* wait : {"0", "26", "soon", "1.5"}) {
        const auto response = client().get(
            std::string(kChanges) + "?after=" + url_encode(cursor) + "&wait=" + wait, seller);
        EXPECT_EQ(response.status, 400) << wait;
        EXPECT_EQ(fields_of(response.json()), std::vector<std::string>{"wait"}) << wait;
    }
}

TEST_F(ChangesApi, PollingNeedsASignIn) {
    EXPECT_EQ(client().get(kChanges).status, 401);
    EXPECT_EQ(client().get(std::string(kChanges) + "?after=1.0&wait=1").status, 401);
}

}  // namespace
}  // namespace orgdesk::server::testing

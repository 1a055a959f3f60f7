// Typing on in the search box narrows the loaded list at once, by the core's search rule; the
// server's first page for the new search replaces it when it comes.
#include <gtest/gtest.h>

#include "app_test_support.hpp"

namespace orgdesk::app {
namespace {

using namespace orgdesk::app::testing;
using core::OrgStatus;

core::CustomerView named(std::string id, std::string name, std::string reference) {
    auto view = customer(std::move(id), OrgStatus::Active, {});
    view.org.name = std::move(name);
    view.org.customerReference = std::move(reference);
    return view;
}

std::vector<std::string> ids(const State& s) {
    std::vector<std::string> out;
    for (const auto& item : s.list.items)
        out.push_back(item.org.id);
    return out;
}

// Signed in, with four organizations loaded and a next page to come.
State with_four_loaded() {
    State s = signed_in_with_list();
    auto t = update(s, SearchEdited{""});  // nothing changes: the search is empty already
    EXPECT_TRUE(t.effects.empty());
    t = update(t.state, ListEndReached{});
    const auto more = only_request(t);
    return update(t.state, HttpAnswered{more.id, Purpose::MoreCustomers, 200,
                                        page_body({named("c2", "Bäckerei Müller GmbH", "CR-10001"),
                                                   named("c3", "Müller Logistik", "CR-10002"),
                                                   named("c4", "Contoso", "CR-20001")},
                                                  "c4.9.c4")})
        .state;
}

TEST(SearchNarrowing, ALongerSearchShowsTheMatchingLoadedRowsBeforeTheServerAnswers) {
    State s = with_four_loaded();
    ASSERT_EQ(ids(s), (std::vector<std::string>{"c1", "c2", "c3", "c4"}));
    auto t = update(s, SearchEdited{"M"});
    EXPECT_EQ(ids(t.state), (std::vector<std::string>{"c2", "c3"}));  // "Müller" in both names
    EXPECT_EQ(only_request(t).path, "/api/v1/customers?limit=50&q=M");
    t = update(t.state, SearchEdited{"Müller L"});
    EXPECT_EQ(ids(t.state), (std::vector<std::string>{"c3"}));
    // The server's page replaces the narrowed rows: it may know organizations not loaded here.
    t = update(t.state, HttpAnswered{only_request(t).id, Purpose::ListCustomers, 200,
                                     page_body({named("c3", "Müller Logistik", "CR-10002"),
                                                named("c8", "Müller Lager", "CR-30001")},
                                               {})});
    EXPECT_EQ(ids(t.state), (std::vector<std::string>{"c3", "c8"}));
    EXPECT_FALSE(t.state.list.pending);
}

TEST(SearchNarrowing, TheRuleIsTheCoresCaseAndSpacesIncluded) {
    const State s = with_four_loaded();
    // A customer reference, upper or lower case, with the spaces people paste around it.
    EXPECT_EQ(ids(update(s, SearchEdited{"  cr-1000"}).state),
              (std::vector<std::string>{"c2", "c3"}));
    EXPECT_EQ(ids(update(s, SearchEdited{"CR-2"}).state), (std::vector<std::string>{"c4"}));
    EXPECT_EQ(ids(update(s, SearchEdited{"gmbh"}).state), (std::vector<std::string>{"c2"}));
    EXPECT_TRUE(update(s, SearchEdited{"nothing like it"}).state.list.items.empty());
}

TEST(SearchNarrowing, ANarrowedListAsksForNoPageOfTheOldSearch) {
    State s = with_four_loaded();
    auto t = update(s, SearchEdited{"müller"});
    EXPECT_FALSE(t.state.list.nextCursor);  // the old search's cursor would mix two searches
    // While the new search's first page is on its way, reaching the end asks for nothing.
    EXPECT_TRUE(update(t.state, ListEndReached{}).effects.empty());
}

TEST(SearchNarrowing, AShorterOrDifferentSearchKeepsTheRowsUntilTheServerAnswers) {
    State s = with_four_loaded();
    s = update(s, SearchEdited{"müller"}).state;
    ASSERT_EQ(ids(s), (std::vector<std::string>{"c2", "c3"}));
    // Fewer letters may match organizations that are not loaded: only the server knows them.
    auto shorter = update(s, SearchEdited{"mül"});
    EXPECT_EQ(ids(shorter.state), (std::vector<std::string>{"c2", "c3"}));
    EXPECT_EQ(only_request(shorter).path, "/api/v1/customers?limit=50&q=m%C3%BCl");
    auto other = update(s, SearchEdited{"contoso"});
    EXPECT_EQ(ids(other.state), (std::vector<std::string>{"c2", "c3"}));
    EXPECT_EQ(only_request(other).path, "/api/v1/customers?limit=50&q=contoso");
}

TEST(SearchNarrowing, TheRowCursorDoesNotPointPastTheNarrowedList) {
    State s = with_four_loaded();
    s = apply(s, {KeyPressed{Key::Down}, KeyPressed{Key::Down}, KeyPressed{Key::Down}});
    ASSERT_EQ(s.list.cursor, 2);
    s = update(s, SearchEdited{"contoso"}).state;
    ASSERT_EQ(ids(s), (std::vector<std::string>{"c4"}));
    EXPECT_EQ(s.list.cursor, -1);
    // Enter opens nothing rather than a row that is no longer shown.
    EXPECT_TRUE(update(s, KeyPressed{Key::Enter}).effects.empty());
}

}  // namespace
}  // namespace orgdesk::app

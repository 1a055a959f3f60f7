// Remembered choices: each user's filters survive signing out and in (and, through the
// browser's storage, a reload); a damaged stored text is ignored; a link still wins.
#include <limits>

#include "app/navigation.hpp"
#include "app_test_support.hpp"

namespace orgdesk::app {
namespace {

using namespace testing;

Transition sign_in(State s) {
    s = update(s, SignInEdited{SignInField::Username, "seller@demo.test"}).state;
    s = update(s, SignInEdited{SignInField::Password, "orgdesk-demo"}).state;
    auto t = update(s, SignInSubmitted{});
    return update(t.state, HttpAnswered{only_request(t).id, Purpose::SignIn, 200, login_body()});
}

TEST(Preferences, TheLastFiltersComeBackAtTheNextSignIn) {
    State s = signed_in_with_list();
    s = apply(s, {StatusFilterChosen{core::OrgStatus::Blocked}, SearchEdited{"Ωmega"},
                  OrderStatusFilterChosen{core::OrderStatus::Rejected}});
    const std::string stored = to_text(remembered_preferences(s));
    s = apply(s, {SignOutClicked{}});

    // The same browser, reloaded: the stored text is all that is left.
    State fresh = update(State{}, PreferencesRead{stored}).state;
    auto t = sign_in(fresh);
    EXPECT_EQ(t.state.list.statusFilter, core::OrgStatus::Blocked);
    EXPECT_EQ(request_for(t, Purpose::ListCustomers).path,
              "/api/v1/customers?limit=50&q=%CE%A9mega&status=Blocked");
    EXPECT_EQ(request_for(t, Purpose::ListOrders).path, "/api/v1/orders?limit=50&status=Rejected");

    // Without a reload too: signing out keeps them.
    t = sign_in(s);
    EXPECT_EQ(t.state.orders.statusFilter, core::OrderStatus::Rejected);
}

TEST(Preferences, EachUserHasTheirOwnAndALinkWins) {
    StoredPreferences stored;
    stored["someone@else.test"].organizationStatus = core::OrgStatus::Rejected;
    stored["seller@demo.test"].orderStatus = std::nullopt;
    stored["seller@demo.test"].hasOrderStatus = true;  // chose All
    State s = update(State{}, PreferencesRead{to_text(stored)}).state;
    auto t = sign_in(s);
    EXPECT_FALSE(t.state.list.statusFilter);
    EXPECT_FALSE(t.state.orders.statusFilter);

    s = update(s, RouteChanged{"#/customers?status=New"}).state;
    t = sign_in(s);
    EXPECT_EQ(t.state.list.statusFilter, core::OrgStatus::New);
}

TEST(Preferences, ADamagedStoredTextIsIgnored) {
    EXPECT_TRUE(parse_preferences("").empty());
    EXPECT_TRUE(parse_preferences("{not json").empty());
    EXPECT_TRUE(parse_preferences("[1,2]").empty());
    const auto stored = parse_preferences(R"({"a":{"organizationStatus":"Bogus"},"b":7})");
    ASSERT_EQ(stored.size(), 1U);
    EXPECT_FALSE(stored.at("a").organizationStatus);
}

TEST(Preferences, TheChosenThemeIsEachUsersAndOutlivesAReload) {
    State s = signed_in_with_list();
    EXPECT_EQ(s.theme, ThemeChoice::System);
    s = update(s, ThemeChosen{ThemeChoice::Dark}).state;
    EXPECT_EQ(s.theme, ThemeChoice::Dark);
    const std::string stored = to_text(remembered_preferences(s));
    s = apply(s, {SignOutClicked{}});
    EXPECT_EQ(s.theme, ThemeChoice::Dark) << "the sign-in screen stays as the person left it";

    // Reloaded: the stored text brings it back at the sign-in.
    State fresh = update(State{}, PreferencesRead{stored}).state;
    EXPECT_EQ(sign_in(fresh).state.theme, ThemeChoice::Dark);

    // Someone else signing in on the same browser gets their own (here: none, the system's).
    StoredPreferences other = parse_preferences(stored);
    other["someone@else.test"] = other.at("seller@demo.test");
    other.erase("seller@demo.test");
    fresh = update(State{}, PreferencesRead{to_text(other)}).state;
    fresh.theme = ThemeChoice::Dark;  // as the previous person left it
    EXPECT_EQ(sign_in(fresh).state.theme, ThemeChoice::System);
}

TEST(Preferences, ThemeChoiceAgainstTheSystemsWish) {
    EXPECT_TRUE(is_dark(ThemeChoice::Dark, false));
    EXPECT_FALSE(is_dark(ThemeChoice::Light, true));
    EXPECT_TRUE(is_dark(ThemeChoice::System, true));
    EXPECT_FALSE(is_dark(ThemeChoice::System, false));
    const auto stored = parse_preferences(R"({"a":{"theme":"dark"},"b":{"theme":"purple"}})");
    EXPECT_EQ(stored.at("a").theme, ThemeChoice::Dark);
    EXPECT_EQ(stored.at("b").theme, ThemeChoice::System) << "an unknown theme follows the system";
}

TEST(Preferences, TheTableSortOrdersTheLoadedRowsAndIsRemembered) {
    State s = signed_in_with_list();
    s.list.items = {customer("c1", core::OrgStatus::New, {}),
                    customer("c2", core::OrgStatus::Active, {}),
                    customer("c3", core::OrgStatus::Blocked, {})};
    s.list.items[0].org.name = "Zeta";
    s.list.items[1].org.name = "Alpha";
    s.list.items[2].org.name = "Mu";
    s.list.cursor = 1;
    auto t = update(s, OrganizationSortChosen{OrgSort{OrgSortColumn::Name, false}});
    EXPECT_TRUE(t.effects.empty()) << "the loaded rows are sorted where they are";
    const auto names = [](const State& state) {
        std::vector<std::string> out;
        for (const auto& row : state.list.items)
            out.push_back(row.org.name);
        return out;
    };
    EXPECT_EQ(names(t.state), (std::vector<std::string>{"Alpha", "Mu", "Zeta"}));
    EXPECT_EQ(t.state.list.cursor, -1) << "the row it pointed at moved";
    s = update(t.state, OrganizationSortChosen{OrgSort{OrgSortColumn::Status, true}}).state;
    // By the status as shown, descending: New, Blocked, Active.
    EXPECT_EQ(names(s), (std::vector<std::string>{"Zeta", "Mu", "Alpha"}));

    // Kept for the person, as text: back at the next sign-in, after a reload.
    const std::string stored = to_text(remembered_preferences(s));
    EXPECT_NE(stored.find(R"("organizationSort":"-status")"), std::string::npos) << stored;
    State fresh = update(State{}, PreferencesRead{stored}).state;
    EXPECT_EQ(sign_in(fresh).state.list.sort, (OrgSort{OrgSortColumn::Status, true}));

    // Back to the server's order: the list is asked for again.
    t = update(s, OrganizationSortChosen{std::nullopt});
    EXPECT_FALSE(t.state.list.sort);
    EXPECT_EQ(request_for(t, Purpose::ListCustomers).path, "/api/v1/customers?limit=50");
    EXPECT_FALSE(parse_org_sort("bogus"));
    EXPECT_EQ(parse_org_sort("-created"), (OrgSort{OrgSortColumn::Created, true}));
}

TEST(Preferences, DraggedColumnWidthsAreRememberedPerPerson) {
    State s = signed_in_with_list();
    s = update(s, OrganizationColumnsResized{{{OrgSortColumn::Name, 420.0F},
                                              {OrgSortColumn::Status, 96.5F}}})
            .state;
    s = update(s, OrganizationColumnsResized{{{OrgSortColumn::Status, 130.0F}}}).state;
    EXPECT_EQ(s.list.columnWidths,
              (OrgColumnWidths{{OrgSortColumn::Name, 420.0F}, {OrgSortColumn::Status, 130.0F}}));

    // A measurement out of range changes nothing, not even its sensible part.
    for (const float bad : {0.0F, -5.0F, 1e9F, std::numeric_limits<float>::quiet_NaN()}) {
        const auto t = update(s, OrganizationColumnsResized{{{OrgSortColumn::Name, 300.0F},
                                                             {OrgSortColumn::Created, bad}}});
        EXPECT_EQ(t.state.list.columnWidths, s.list.columnWidths) << bad;
    }

    // Kept as text, back after a reload and the next sign-in; another person has their own.
    const std::string stored = to_text(remembered_preferences(s));
    EXPECT_NE(stored.find(R"("organizationColumns":{"name":420.0,"status":130.0})"),
              std::string::npos)
        << stored;
    State fresh = update(State{}, PreferencesRead{stored}).state;
    EXPECT_EQ(sign_in(fresh).state.list.columnWidths, s.list.columnWidths);
    const auto others = parse_preferences(
        R"({"b":{"organizationColumns":{"name":"wide","status":5,"bogus":100,"created":150}}})");
    EXPECT_EQ(others.at("b").organizationColumns,
              (OrgColumnWidths{{OrgSortColumn::Created, 150.0F}}))
        << "what cannot be read is left out";
}

}  // namespace
}  // namespace orgdesk::app

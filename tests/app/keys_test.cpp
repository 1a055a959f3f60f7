// Keyboard shortcuts: rows chosen with the arrow keys and opened with Enter, approval that asks
// first, the "?" panel that holds the other keys while it is open.
#include "app_test_support.hpp"

namespace orgdesk::app {
namespace {

using namespace testing;
using core::OrgAction;
using core::OrgStatus;

TEST(Keys, ArrowsChooseARowAndEnterOpensIt) {
    State s = signed_in_with_list();
    EXPECT_EQ(s.list.cursor, -1);
    EXPECT_TRUE(update(s, KeyPressed{Key::Enter}).effects.empty()) << "no row chosen yet";
    s = apply(s, {KeyPressed{Key::Down}, KeyPressed{Key::Down}});
    EXPECT_EQ(s.list.cursor, 0) << "the list has one row: the cursor stays on it";
    s = apply(s, {KeyPressed{Key::Up}});
    EXPECT_EQ(s.list.cursor, 0);
    const auto t = update(s, KeyPressed{Key::Enter});
    EXPECT_EQ(t.state.screen, Screen::Profile);
    EXPECT_EQ(only_request(t).path, "/api/v1/customers/c1");
}

TEST(Keys, TheApproveShortcutAsksBeforeItApproves) {
    State s = profile_of(customer("c1", OrgStatus::New, {OrgAction::Approve, OrgAction::Reject}));
    auto t = update(s, KeyPressed{Key::Approve});
    EXPECT_EQ(t.state.profile.dialog, ProfileDialog::ConfirmApprove);
    EXPECT_TRUE(t.effects.empty()) << "nothing is sent before the confirmation";

    // Escape (the dialog's Cancel) leaves everything as it was.
    EXPECT_EQ(update(t.state, DialogClosed{}).state.profile.dialog, ProfileDialog::None);

    t = update(t.state, DialogConfirmed{});
    EXPECT_EQ(t.state.profile.dialog, ProfileDialog::None);
    const auto approve = only_request(t);
    EXPECT_EQ(approve.path, "/api/v1/customers/c1/approve");
    EXPECT_EQ(approve.ifMatch, "3");
}

TEST(Keys, TheApproveShortcutOnAnOrderAsksFirst) {
    const std::vector<core::OrderAction> decidable{core::OrderAction::Approve,
                                                   core::OrderAction::Reject};
    State s = signed_in_with_orders({order("o1", core::OrderStatus::PendingApproval, decidable)});
    s = update(s, OrderOpened{"o1"}).state;
    auto t = update(s, KeyPressed{Key::Approve});
    EXPECT_TRUE(t.state.order.confirmingApprove);
    EXPECT_TRUE(t.effects.empty()) << "nothing is sent before the confirmation";
    EXPECT_TRUE(update(t.state, KeyPressed{Key::Reject}).effects.empty())
        << "the confirmation holds the other shortcuts";

    // Escape (the dialog's Cancel) leaves everything as it was.
    const auto cancelled = update(t.state, OrderApproveCancelled{});
    EXPECT_FALSE(cancelled.state.order.confirmingApprove);
    EXPECT_TRUE(cancelled.effects.empty());

    t = update(t.state, OrderApproveConfirmed{});
    EXPECT_FALSE(t.state.order.confirmingApprove);
    EXPECT_EQ(only_request(t).path, "/api/v1/orders/o1/approve");
    EXPECT_TRUE(update(t.state, OrderApproveConfirmed{}).effects.empty()) << "sent once";

    // An order that cannot be approved (any more) does not ask.
    s = signed_in_with_orders({order("o2", core::OrderStatus::Provisioned, {})});
    s = update(s, OrderOpened{"o2"}).state;
    EXPECT_FALSE(update(s, KeyPressed{Key::Approve}).state.order.confirmingApprove);
}

TEST(Keys, ShortcutsOfActionsNotOfferedDoNothing) {
    State s = profile_of(customer("c1", OrgStatus::Active, {OrgAction::Suspend}));
    auto t = update(s, KeyPressed{Key::Approve});
    EXPECT_EQ(t.state.profile.dialog, ProfileDialog::None);
    t = update(t.state, KeyPressed{Key::Reject});
    EXPECT_EQ(t.state.profile.dialog, ProfileDialog::None);
    EXPECT_TRUE(t.effects.empty());

    s = profile_of(customer("c1", OrgStatus::New, {OrgAction::Reject}));
    EXPECT_EQ(update(s, KeyPressed{Key::Reject}).state.profile.dialog, ProfileDialog::Reject);
}

TEST(Keys, TheHelpPanelHoldsTheOtherKeysUntilClosed) {
    State s = signed_in_with_list();
    s = apply(s, {KeyPressed{Key::Help}});
    EXPECT_TRUE(s.shortcutsHelp);
    s = apply(s, {KeyPressed{Key::Down}});
    EXPECT_EQ(s.list.cursor, -1);
    s = apply(s, {KeyPressed{Key::Escape}});
    EXPECT_FALSE(s.shortcutsHelp);
    EXPECT_FALSE(update(State{}, KeyPressed{Key::Help}).state.shortcutsHelp)
        << "signed out: no shortcuts";
}

TEST(Clipboard, ACopyButtonPutsItsValueOnTheClipboardAndSaysSo) {
    State s = signed_in_with_list();
    auto t = update(s, CopyRequested{"c1-uuid", "the organization id"});
    ASSERT_EQ(t.effects.size(), 1U);
    EXPECT_EQ(std::get<CopyText>(t.effects[0]).text, "c1-uuid");
    EXPECT_EQ(t.state.toast->text, "Copied the organization id to the clipboard.");
    EXPECT_TRUE(update(s, CopyRequested{"", "the billing email"}).effects.empty());
}

TEST(Clipboard, TheCheckedOrdersAreCopiedAsTabSeparatedText) {
    auto first = order("o1", core::OrderStatus::PendingApproval, {core::OrderAction::Approve});
    auto second = order("o2", core::OrderStatus::PendingApproval, {core::OrderAction::Approve});
    second.customer.name = "Tab\tand\nbreak AB";
    State s =
        signed_in_with_orders({first, second, order("o3", core::OrderStatus::Provisioned, {})});
    s = apply(s, {OrdersClicked{}});
    EXPECT_TRUE(update(s, SelectionCopied{}).effects.empty()) << "nothing checked";
    s = apply(s, {OrderSelectionToggled{"o2"}, OrderSelectionToggled{"o1"}});
    const auto t = update(s, SelectionCopied{});
    ASSERT_EQ(t.effects.size(), 1U);
    EXPECT_EQ(std::get<CopyText>(t.effects[0]).text,
              "Order\tCustomer\tTotal\tCurrency\tStatus\tPlaced\n"
              "o1\tNorthwind Traders\t82.50\tEUR\tPendingApproval\t2026-11-18T11:06:40.000Z\n"
              "o2\tTab and break AB\t82.50\tEUR\tPendingApproval\t2026-11-18T11:06:40.000Z\n");
    EXPECT_EQ(t.state.toast->text, "Copied 2 orders to the clipboard as tab-separated text.");
}

}  // namespace
}  // namespace orgdesk::app

#pragma once
// Everything that can happen to the web app: a person's input from a view, or an answer from
// the network.
#include <optional>
#include <string>
#include <variant>

#include "app/effects.hpp"
#include "app/preferences.hpp"

namespace orgdesk::app {

enum class SignInField { Username, Password };

struct SignInEdited {
    SignInField field = SignInField::Username;
    std::string value;
};
struct SignInSubmitted {};
struct SignOutClicked {};
struct SearchEdited {
    std::string text;
};
struct StatusFilterChosen {
    std::optional<core::OrgStatus> status;  // nullopt: all
};
struct ListEndReached {};
struct OrganizationOpened {
    std::string id;
};
struct BackToListClicked {};
struct OrganizationActionClicked {
    core::OrgAction action = core::OrgAction::Approve;
};

// Forms: the create screen, and the profile's edit dialogs.
enum class FormKind { Create, Edit };
struct CreateOrganizationClicked {};
struct FormFieldEdited {
    FormKind form = FormKind::Create;
    OrgField field = OrgField::Name;
    std::string value;
};
struct OwnershipTypeChosen {
    core::OwnershipType type = core::OwnershipType::Customer;
};
struct FormSubmitted {
    FormKind form = FormKind::Create;
};
struct CreateCancelled {};
struct SellerChosen {
    std::string id;
};

// The profile.
struct ProfileTabChosen {
    ProfileTab tab = ProfileTab::Overview;
};
struct DialogOpened {
    ProfileDialog dialog = ProfileDialog::None;
};
struct DialogClosed {};
struct RejectReasonEdited {
    std::string text;
};
struct SuspendChoiceMade {
    core::SubscriptionsOnSuspend choice = core::SubscriptionsOnSuspend::Keep;
};
struct DeleteConfirmationEdited {
    std::string text;
};
struct OwnershipDialogEdited {
    OwnershipDialog value;
};
struct DialogConfirmed {};
// Orders: the queue, one order's detail, decisions on one or on the selection.
struct OrdersClicked {};
struct OrderStatusFilterChosen {
    std::optional<core::OrderStatus> status;  // nullopt: all
};
struct MoreOrdersClicked {};
struct OrderOpened {
    std::string id;
};
struct BackToOrdersClicked {};
struct OrderDecisionClicked {
    core::OrderAction action = core::OrderAction::Approve;  // Reject asks for a reason first
};
struct OrderSelectionToggled {
    std::string id;
};
struct PageSelectionToggled {};  // selects every decidable order shown, or clears the selection
struct SelectionDecisionClicked {
    core::OrderAction action = core::OrderAction::Approve;
};
struct OrderRejectReasonEdited {
    std::string text;
};
struct OrderRejectConfirmed {};
struct OrderRejectCancelled {};
// The "Approve order?" confirmation the `a` shortcut opens on an order's detail.
struct OrderApproveConfirmed {};
struct OrderApproveCancelled {};

// A customer's order form.
struct NewOrderClicked {};
struct OrderQuantityEdited {
    std::string sku;
    std::string text;
};
struct PlaceOrderClicked {};
struct NewOrderCancelled {};

// The profile's Subscriptions tab.
struct SubscriptionActionClicked {
    std::string id;
    core::SubscriptionAction action = core::SubscriptionAction::Suspend;
};

// Demo sandboxes: "Try a sandbox" on the sign-in screen, the banner's role switcher and reset.
struct SandboxStartClicked {};
struct SandboxRoleChosen {
    core::Role role = core::Role::DistributorAdmin;
};
struct SandboxResetClicked {};
// The time now, from the browser's clock (the update itself reads no clock).
struct ClockTicked {
    std::int64_t nowMs = 0;
};

// The browser's address changed by itself: Back, Forward, a link, the address bar. `hash` is
// the URL fragment ("#/customers/42").
struct RouteChanged {
    std::string hash;
};

// Clipboard: one value (an id, an email) from its Copy button, or the checked orders (Ctrl+C on
// the queue) as tab-separated text.
struct CopyRequested {
    std::string text;
    std::string what;  // "the organization id", for the confirmation
};
struct SelectionCopied {};

// The remembered choices, as the browser's storage held them when the page opened.
struct PreferencesRead {
    std::string text;
};

// A click on the organizations table's column header: sorted by it, or back to the server's
// order (nullopt).
struct OrganizationSortChosen {
    std::optional<OrgSort> sort;
};

// The person dragged a column border of the organizations table: the widths it leaves, in CSS
// pixels.
struct OrganizationColumnsResized {
    OrgColumnWidths widths;
};

// The person picked light, dark or the system's colors (the top bar's Theme menu).
struct ThemeChosen {
    ThemeChoice theme = ThemeChoice::System;
};

// A keyboard shortcut, typed while no text field has the focus (Escape and Enter also in one).
enum class Key { Up, Down, Enter, Escape, Approve, Reject, Help };
struct KeyPressed {
    Key key = Key::Escape;
};

struct TimerFired {
    RequestId id = 0;
};
struct HttpAnswered {
    RequestId id = 0;
    Purpose purpose = Purpose::ListCustomers;
    int status = 0;  // 0: the server could not be reached
    std::string body;
};

using Event = std::variant<
    SignInEdited, SignInSubmitted, SignOutClicked, SearchEdited, StatusFilterChosen, ListEndReached,
    OrganizationOpened, BackToListClicked, OrganizationActionClicked, HttpAnswered,
    CreateOrganizationClicked, FormFieldEdited, OwnershipTypeChosen, FormSubmitted, CreateCancelled,
    ProfileTabChosen, DialogOpened, DialogClosed, RejectReasonEdited, SuspendChoiceMade,
    DeleteConfirmationEdited, OwnershipDialogEdited, DialogConfirmed, SellerChosen, OrdersClicked,
    OrderStatusFilterChosen, MoreOrdersClicked, OrderOpened, BackToOrdersClicked,
    OrderDecisionClicked, OrderSelectionToggled, PageSelectionToggled, SelectionDecisionClicked,
    OrderRejectReasonEdited, OrderRejectConfirmed, OrderRejectCancelled, OrderApproveConfirmed,
    OrderApproveCancelled, NewOrderClicked, OrderQuantityEdited, PlaceOrderClicked,
    NewOrderCancelled, SubscriptionActionClicked, SandboxStartClicked, SandboxRoleChosen,
    SandboxResetClicked, ClockTicked, TimerFired, RouteChanged, KeyPressed, CopyRequested,
    SelectionCopied, PreferencesRead, ThemeChosen, OrganizationSortChosen,
    OrganizationColumnsResized>;

}  // namespace orgdesk::app

#pragma once
// Everything the web app shows, as plain data. Views draw it; only `update` changes it.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/org_fields.hpp"
#include "app/preferences.hpp"
#include "app/route.hpp"
#include "core/json_codecs.hpp"
#include "core/member.hpp"
#include "core/order_codecs.hpp"
#include "core/request_codecs.hpp"
#include "core/sandbox.hpp"

namespace orgdesk::app {

enum class Screen {
    SignIn,
    Organizations,
    Profile,
    CreateOrganization,
    Orders,
    OrderDetail,
    NewOrder
};

using RequestId = std::uint64_t;

// An error as the app shows it: what happened and what to do, and, when the server refused, the
// reference it gave that request (its X-Request-Id), shown and copyable so that a person's
// report leads to the server's log line. A message of the app's own has no reference.
struct Notice {
    std::string text;
    std::string reference;

    Notice() = default;
    Notice(std::string message) : text(std::move(message)) {}  // NOLINT(*-explicit-*): a message
    Notice(const char* message) : text(message) {}             // NOLINT(*-explicit-*)
    Notice(std::string message, std::string ref)
        : text(std::move(message)), reference(std::move(ref)) {}

    bool empty() const { return text.empty(); }
    void clear() { *this = {}; }
    bool operator==(const Notice&) const = default;
    // Against a message alone: whether that is the text (the reference aside).
    bool operator==(const std::string& message) const { return text == message; }
    bool operator==(const char* message) const { return text == message; }
};

struct SignInForm {
    std::string username;
    std::string password;
    std::optional<RequestId> pending;
    Notice error;  // shown under the form
    std::vector<core::FieldError> fieldErrors;
};

struct Session {
    std::string token;
    std::int64_t expiresAtMs = 0;
    core::Principal user;
    // Requests numbered below this were sent by an earlier session: their late answers (a
    // long-poll can answer half a minute later, a revoked token with 401) must not touch this one.
    RequestId firstRequest = 0;
};

// A demo sandbox: a sign-in per demo role, the one in use, and when it all ends.
struct Sandbox {
    std::string id;
    std::int64_t expiresAtMs = 0;
    std::vector<core::LoginResult> signIns;  // in the order of core::kSandboxRoles
    std::size_t current = 0;
};

struct OrganizationList {
    std::vector<core::CustomerView> items;
    std::optional<std::string> nextCursor;
    std::string search;
    std::optional<core::OrgStatus> statusFilter;
    std::map<core::OrgStatus, int> counts;
    std::optional<RequestId> pending;  // the one list request whose answer still counts
    bool loaded = false;
    Notice error;
    int cursor = -1;               // the row the arrow keys point at; -1: none
    std::optional<OrgSort> sort;   // the loaded rows' order; nullopt: the server's
    OrgColumnWidths columnWidths;  // as the person dragged them; the others keep their default
};

// A form's text, its field errors (from the core's validation or the server) and its request.
struct Form {
    FormTexts texts;
    std::string sellerId;  // a Distributor Admin's choice; seller staff create under their own
    core::OwnershipType ownershipType = core::OwnershipType::Customer;
    std::vector<core::FieldError> fieldErrors;
    Notice error;
    std::optional<RequestId> pending;

    std::string& operator[](OrgField field) { return texts[field]; }
};

enum class ProfileTab { Overview, Members, History, Subscriptions };
enum class ProfileDialog {
    None,
    ConfirmApprove,  // the keyboard shortcut's confirmation
    EditInformation,
    EditBilling,
    EditBuyerTags,
    Reject,
    Suspend,
    Delete,
    Ownership
};

struct OwnershipDialog {
    bool existingMember = true;  // to Customer: choose a member, or enter a new person
    std::string memberId;
    std::string newOwnerName;
    std::string newOwnerEmail;
    core::MemberRole demoteTo = core::MemberRole::Admin;  // to Service Provider
};

struct HistoryEntry {
    std::int64_t atMs = 0;
    std::string actor;
    std::string action;
    std::string change;  // "status: New -> Active", for people
};

struct Profile {
    std::string id;
    std::optional<core::CustomerView> customer;
    std::optional<RequestId> pendingLoad;
    std::optional<RequestId> pendingAction;
    std::optional<core::OrgAction> runningAction;
    Notice error;

    ProfileTab tab = ProfileTab::Overview;
    ProfileDialog dialog = ProfileDialog::None;
    Form edit;  // the open edit dialog's form
    std::string rejectReason;
    core::SubscriptionsOnSuspend subscriptionsOnSuspend = core::SubscriptionsOnSuspend::Keep;
    std::string deleteConfirmation;
    OwnershipDialog ownership;
    std::vector<core::FieldError> dialogErrors;

    std::vector<core::Member> members;
    std::optional<RequestId> pendingMembers;
    std::vector<HistoryEntry> history;
    std::optional<RequestId> pendingHistory;

    std::vector<core::SubscriptionView> subscriptions;
    std::optional<RequestId> pendingSubscriptions;
    std::optional<RequestId> pendingSubscriptionAction;
    std::string changingSubscriptionId;  // the row whose Suspend or Resume is on its way
};

// The approval queue (staff) or the organization's own orders (customers).
struct OrderList {
    std::vector<core::OrderView> items;
    std::optional<std::string> nextCursor;
    std::optional<core::OrderStatus> statusFilter;  // nullopt: all
    std::map<core::OrderStatus, int> counts;        // in the caller's whole scope: the badge
    std::set<std::string> selected;                 // checked rows, by order id
    std::optional<RequestId> pending;               // the one list request whose answer counts
    std::optional<RequestId> pendingBulk;           // a decision on the selection
    core::OrderAction bulkAction = core::OrderAction::Approve;
    bool loaded = false;
    Notice error;
    int cursor = -1;  // the row the arrow keys point at; -1: none
};

struct OrderDetail {
    std::string id;
    std::optional<core::OrderView> view;
    std::optional<RequestId> pendingLoad;
    std::optional<RequestId> pendingDecision;
    std::optional<core::OrderAction> runningDecision;
    Notice error;
    bool confirmingApprove = false;  // the keyboard shortcut's "Approve order?" is open
};

// The reason asked before rejecting one order (from its detail) or the selection.
struct OrderRejectDialog {
    bool open = false;
    bool forSelection = false;
    std::string reason;
    std::vector<core::FieldError> errors;
    Notice error;
};

// A customer's new order: quantities as typed, and the price the core computes from them.
struct OrderForm {
    std::optional<core::CustomerView> customer;  // the ordering organization: its billing country
    std::vector<core::Product> products;
    std::map<std::string, std::string> quantities;  // by sku, exactly as typed
    std::optional<core::Price> preview;
    std::map<std::string, std::string> lineErrors;  // by sku, ready to show
    Notice error;
    std::vector<std::string> sentSkus;  // the skus of the lines sent, to place field errors
    std::optional<RequestId> pendingCustomer;
    std::optional<RequestId> pendingProducts;
    std::optional<RequestId> pending;
};

// The long-poll that tells the app when anything in the caller's tenant changed.
struct ChangeFeed {
    std::optional<std::string> cursor;  // the last change seen; none before the first answer
    std::optional<RequestId> pending;   // the poll on its way
    std::optional<RequestId> retryTimer;
    int failures = 0;  // in a row, for the backoff
    // The last poll found no server at all: the app says so and keeps retrying.
    bool unreachable = false;
};

struct Seller {
    std::string id;
    std::string name;
};

struct Toast {
    std::string text;
    bool isError = false;
    std::string reference;  // a refused request's, as in Notice

    Toast() = default;
    Toast(std::string message, bool error, std::string ref = {})
        : text(std::move(message)), isError(error), reference(std::move(ref)) {}
};

struct State {
    Screen screen = Screen::SignIn;
    SignInForm signIn;
    std::optional<Session> session;
    OrganizationList list;
    Profile profile;
    Form create;
    std::vector<Seller> sellers;  // loaded for a Distributor Admin's create form
    std::optional<RequestId> pendingSellers;
    OrderList orders;
    OrderDetail order;
    OrderRejectDialog orderReject;
    OrderForm orderForm;
    ChangeFeed changes;
    std::optional<Toast> toast;
    std::optional<Sandbox> sandbox;           // while signed in to a demo sandbox
    std::optional<RequestId> pendingSandbox;  // a new sandbox on its way (start or reset)
    std::optional<RequestId> sandboxTimer;    // wakes the app to count the sandbox's time down
    std::int64_t nowMs = 0;                   // the time the app was last told (ClockTicked)
    // A shared link opened before the sign-in, or the screen a session expired on: shown once
    // the person has signed in.
    std::optional<Route> pendingRoute;
    bool shortcutsHelp = false;     // the "?" panel listing the keyboard shortcuts
    StoredPreferences preferences;  // as read from the browser's storage at start
    // The signed-in person's theme; kept after signing out, so the sign-in screen stays as dark
    // or light as the person left it.
    ThemeChoice theme = ThemeChoice::System;
    std::uint64_t createCount = 0;  // makes each create's Idempotency-Key unique in a session
    RequestId nextRequestId = 1;

    bool busy() const {
        return signIn.pending || pendingSandbox || list.pending || profile.pendingLoad ||
               profile.pendingAction || profile.pendingMembers || profile.pendingHistory ||
               create.pending || orders.pending || order.pendingLoad || order.pendingDecision ||
               orderForm.pending;
    }
};

}  // namespace orgdesk::app

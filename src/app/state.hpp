#pragma once
// Everything the web app shows, as plain data. Views draw it; only `update` changes it.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/org_fields.hpp"
#include "core/json_codecs.hpp"
#include "core/member.hpp"
#include "core/request_codecs.hpp"

namespace orgdesk::app {

enum class Screen { SignIn, Organizations, Profile, CreateOrganization };

using RequestId = std::uint64_t;

struct SignInForm {
    std::string username;
    std::string password;
    std::optional<RequestId> pending;
    std::string error;  // shown under the form
    std::vector<core::FieldError> fieldErrors;
};

struct Session {
    std::string token;
    std::int64_t expiresAtMs = 0;
    core::Principal user;
};

struct OrganizationList {
    std::vector<core::CustomerView> items;
    std::optional<std::string> nextCursor;
    std::string search;
    std::optional<core::OrgStatus> statusFilter;
    std::map<core::OrgStatus, int> counts;
    std::optional<RequestId> pending;  // the one list request whose answer still counts
    bool loaded = false;
    std::string error;
};

// A form's text, its field errors (from the core's validation or the server) and its request.
struct Form {
    FormTexts texts;
    std::string sellerId;  // a Distributor Admin's choice; seller staff create under their own
    core::OwnershipType ownershipType = core::OwnershipType::Customer;
    std::vector<core::FieldError> fieldErrors;
    std::string error;
    std::optional<RequestId> pending;

    std::string& operator[](OrgField field) { return texts[field]; }
};

enum class ProfileTab { Overview, Members, History };
enum class ProfileDialog {
    None,
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
    std::string error;

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
};

struct Seller {
    std::string id;
    std::string name;
};

struct Toast {
    std::string text;
    bool isError = false;
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
    std::optional<Toast> toast;
    std::uint64_t createCount = 0;  // makes each create's Idempotency-Key unique in a session
    RequestId nextRequestId = 1;

    bool busy() const {
        return signIn.pending || list.pending || profile.pendingLoad || profile.pendingAction ||
               profile.pendingMembers || profile.pendingHistory || create.pending;
    }
};

}  // namespace orgdesk::app

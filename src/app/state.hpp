#pragma once
// Everything the web app shows, as plain data. Views draw it; only `update` changes it.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/json_codecs.hpp"

namespace orgdesk::app {

enum class Screen { SignIn, Organizations, Profile };

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

struct Profile {
    std::string id;
    std::optional<core::CustomerView> customer;
    std::optional<RequestId> pendingLoad;
    std::optional<RequestId> pendingAction;
    std::optional<core::OrgAction> runningAction;
    std::string error;
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
    std::optional<Toast> toast;
    RequestId nextRequestId = 1;

    bool busy() const {
        return signIn.pending || list.pending || profile.pendingLoad || profile.pendingAction;
    }
};

}  // namespace orgdesk::app

#pragma once
// Everything that can happen to the web app: a person's input from a view, or an answer from
// the network.
#include <optional>
#include <string>
#include <variant>

#include "app/effects.hpp"

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
struct ToastDismissed {};
struct HttpAnswered {
    RequestId id = 0;
    Purpose purpose = Purpose::ListCustomers;
    int status = 0;  // 0: the server could not be reached
    std::string body;
};

using Event =
    std::variant<SignInEdited, SignInSubmitted, SignOutClicked, SearchEdited, StatusFilterChosen,
                 ListEndReached, OrganizationOpened, BackToListClicked, OrganizationActionClicked,
                 ToastDismissed, HttpAnswered>;

}  // namespace orgdesk::app

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
struct HttpAnswered {
    RequestId id = 0;
    Purpose purpose = Purpose::ListCustomers;
    int status = 0;  // 0: the server could not be reached
    std::string body;
};

using Event =
    std::variant<SignInEdited, SignInSubmitted, SignOutClicked, SearchEdited, StatusFilterChosen,
                 ListEndReached, OrganizationOpened, BackToListClicked, OrganizationActionClicked,
                 HttpAnswered, CreateOrganizationClicked, FormFieldEdited, OwnershipTypeChosen,
                 FormSubmitted, CreateCancelled, ProfileTabChosen, DialogOpened, DialogClosed,
                 RejectReasonEdited, SuspendChoiceMade, DeleteConfirmationEdited,
                 OwnershipDialogEdited, DialogConfirmed, SellerChosen>;

}  // namespace orgdesk::app

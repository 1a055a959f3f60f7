#pragma once
// The inside of `update`: one visitor over the events, its handlers spread over
// update_session.cpp (sign-in, list), update_profile.cpp (profile, actions, dialogs) and
// update_forms.cpp (create and edit forms). Not part of the app's interface.
#include <optional>
#include <string>
#include <vector>

#include "app/update.hpp"

namespace orgdesk::app {

std::string url_encode(std::string_view text);
std::string customer_path(const std::string& id);
core::Error error_of(const HttpAnswered& answer);
bool succeeded(const HttpAnswered& answer);

class Updater {
  public:
    explicit Updater(State state) : state_(std::move(state)) {}
    Transition finish() && { return {std::move(state_), std::move(effects_)}; }

    // update_session.cpp
    void operator()(const SignInEdited& e);
    void operator()(const SignInSubmitted& e);
    void operator()(const SignOutClicked& e);
    void operator()(const SearchEdited& e);
    void operator()(const StatusFilterChosen& e);
    void operator()(const ListEndReached& e);
    void operator()(const HttpAnswered& a);

    // update_profile.cpp
    void operator()(const OrganizationOpened& e);
    void operator()(const BackToListClicked& e);
    void operator()(const OrganizationActionClicked& e);
    void operator()(const ProfileTabChosen& e);
    void operator()(const DialogOpened& e);
    void operator()(const DialogClosed& e);
    void operator()(const RejectReasonEdited& e);
    void operator()(const SuspendChoiceMade& e);
    void operator()(const DeleteConfirmationEdited& e);
    void operator()(const OwnershipDialogEdited& e);
    void operator()(const DialogConfirmed& e);

    // update_forms.cpp
    void operator()(const CreateOrganizationClicked& e);
    void operator()(const FormFieldEdited& e);
    void operator()(const OwnershipTypeChosen& e);
    void operator()(const FormSubmitted& e);
    void operator()(const CreateCancelled& e);
    void operator()(const SellerChosen& e);

  private:
    struct RequestOptions {
        std::string body;
        std::string ifMatch;
        std::string idempotencyKey;
    };
    RequestId send(Purpose purpose, std::string method, std::string path,
                   RequestOptions options = {});
    void reload_list();
    void load_customer(const std::string& id);
    // Sends a change of the open profile's organization, based on the version on screen.
    void send_change(std::string method, std::string path, std::string body = {});

    void sign_out(const std::string& message, bool isError);
    void signed_in(const HttpAnswered& a);
    void listed(const HttpAnswered& a);
    void loaded(const HttpAnswered& a);
    void acted(const HttpAnswered& a);
    void created(const HttpAnswered& a);
    void members_loaded(const HttpAnswered& a);
    void history_loaded(const HttpAnswered& a);
    void sellers_loaded(const HttpAnswered& a);
    std::optional<core::Json> list_items(const HttpAnswered& a, std::optional<RequestId>& pending,
                                         std::string& error);
    std::optional<core::CustomerView> decode_customer(const HttpAnswered& a, std::string& error);
    void show_customer(core::CustomerView view);

    State state_;
    std::vector<Effect> effects_;
};

}  // namespace orgdesk::app

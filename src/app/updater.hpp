#pragma once
// The inside of `update`: one visitor over the events, its handlers spread over
// update_session.cpp (sign-in, list), update_profile.cpp (profile, actions, dialogs),
// update_forms.cpp (create and edit forms), update_orders.cpp (queue, detail, decisions),
// update_order_form.cpp (a customer's new order), update_subscriptions.cpp,
// update_changes.cpp (the live-update long-poll), update_navigation.cpp (URLs) and
// update_keys.cpp (keyboard shortcuts). Not part of the app's interface.
#include <optional>
#include <string>
#include <vector>

#include "app/update.hpp"
#include "core/url_parts.hpp"

namespace orgdesk::app {

std::string customer_path(const std::string& id);
std::string order_path(const std::string& id);
core::Error error_of(const HttpAnswered& answer);
// What a person is shown of `error`: its message, and the server's reference for the request.
Notice notice_of(const core::Error& error);
bool succeeded(const HttpAnswered& answer);
// The order in a successful answer, or nothing when it cannot be read.
std::optional<core::OrderView> decode_order(const HttpAnswered& answer);

// The answer's body read with `decode`, one of the core's codecs (wrapped in a lambda: the wasm
// build mistypes pointers to overloaded functions).
template <class Decode>
auto decode_body(const HttpAnswered& answer, Decode decode) -> decltype(decode(core::Json())) {
    const auto json = core::parse_json(answer.body);
    if (!json)
        return json.error();
    return decode(json.value());
}

inline constexpr const char* kSandboxEnded =
    "Your demo sandbox has ended and its data is gone. Start a new one to keep exploring.";

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

    // update_orders.cpp
    void operator()(const OrdersClicked& e);
    void operator()(const OrderStatusFilterChosen& e);
    void operator()(const MoreOrdersClicked& e);
    void operator()(const OrderOpened& e);
    void operator()(const BackToOrdersClicked& e);
    void operator()(const OrderDecisionClicked& e);
    void operator()(const OrderSelectionToggled& e);
    void operator()(const PageSelectionToggled& e);
    void operator()(const SelectionDecisionClicked& e);
    void operator()(const OrderRejectReasonEdited& e);
    void operator()(const OrderRejectConfirmed& e);
    void operator()(const OrderRejectCancelled& e);
    void operator()(const OrderApproveConfirmed& e);
    void operator()(const OrderApproveCancelled& e);

    // update_order_form.cpp
    void operator()(const NewOrderClicked& e);
    void operator()(const OrderQuantityEdited& e);
    void operator()(const PlaceOrderClicked& e);
    void operator()(const NewOrderCancelled& e);

    // update_subscriptions.cpp
    void operator()(const SubscriptionActionClicked& e);

    // update_changes.cpp
    void operator()(const TimerFired& e);

    // update_sandbox.cpp
    void operator()(const SandboxStartClicked& e);
    void operator()(const SandboxRoleChosen& e);
    void operator()(const SandboxResetClicked& e);
    void operator()(const ClockTicked& e);
    // update_navigation.cpp
    void operator()(const RouteChanged& e);
    void operator()(const PreferencesRead& e);
    void operator()(const ThemeChosen& e);
    void operator()(const OrganizationSortChosen& e);
    void operator()(const OrganizationColumnsResized& e);

    // update_keys.cpp
    void operator()(const KeyPressed& e);
    void operator()(const CopyRequested& e);
    void operator()(const SelectionCopied& e);

  private:
    struct RequestOptions {
        std::string body;
        std::string ifMatch;
        std::string idempotencyKey;
    };
    RequestId send(Purpose purpose, std::string method, std::string path,
                   RequestOptions options = {});
    // A fresh Idempotency-Key for one attempt at creating `what`.
    std::string idempotency_key(std::string_view what);
    void reload_list();
    void load_customer(const std::string& id);
    // Sends a change of the open profile's organization, based on the version on screen.
    void send_change(std::string method, std::string path, std::string body = {});

    void sign_out(const std::string& message, bool isError);
    void signed_in(const HttpAnswered& a);
    // Opens the app as `login`'s user: the organization list, the orders' counts, live updates.
    void begin_session(const core::LoginResult& login);

    void start_sandbox();
    void sandbox_started(const HttpAnswered& a);
    void use_sandbox_sign_in(std::size_t index);
    void arm_sandbox_timer();
    // Re-arms the sandbox's countdown when `e` is its timer; false for any other timer.
    bool sandbox_timer_fired(const TimerFired& e);
    void listed(const HttpAnswered& a);
    void loaded(const HttpAnswered& a);
    void acted(const HttpAnswered& a);
    void created(const HttpAnswered& a);
    void members_loaded(const HttpAnswered& a);
    void history_loaded(const HttpAnswered& a);
    void sellers_loaded(const HttpAnswered& a);

    void reload_orders();
    void load_order(const std::string& id);
    void decide_order(core::OrderAction action, const std::string& reason);
    void decide_selection(core::OrderAction action, const std::string& reason);
    void show_order(const core::OrderView& view);
    void orders_listed(const HttpAnswered& a);
    void order_loaded(const HttpAnswered& a);
    void order_decided(const HttpAnswered& a);
    void selection_decided(const HttpAnswered& a);

    void ordering_customer_loaded(const HttpAnswered& a);
    void products_loaded(const HttpAnswered& a);
    void order_placed(const HttpAnswered& a);
    void update_order_preview();

    void load_subscriptions();
    void subscriptions_loaded(const HttpAnswered& a);
    void subscription_changed(const HttpAnswered& a);

    // Shows the screen `route` names, loading what it needs.
    void go_to(const Route& route);

    void watch_changes();
    void changes_answered(const HttpAnswered& a);
    void reload_after_change();
    std::optional<core::Json> list_items(const HttpAnswered& a, std::optional<RequestId>& pending,
                                         Notice& error);
    // Whether `a` answers the request `pending` waits for (which it then clears) and succeeded;
    // a failure's notice goes to `error`.
    static bool settled(const HttpAnswered& a, std::optional<RequestId>& pending, Notice& error);
    std::optional<core::CustomerView> decode_customer(const HttpAnswered& a, Notice& error);
    void show_customer(core::CustomerView view);

    State state_;
    std::vector<Effect> effects_;
};

}  // namespace orgdesk::app

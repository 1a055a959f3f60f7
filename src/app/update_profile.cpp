// One organization's profile: loading it, its tabs, the actions and their dialogs.
#include <algorithm>
#include <utility>

#include "app/offers.hpp"
#include "app/updater.hpp"
#include "core/ownership.hpp"
#include "core/time_format.hpp"

namespace orgdesk::app {
namespace {

using core::OrgAction;

std::string past_tense(OrgAction action) {
    switch (action) {
        case OrgAction::Approve:
            return "approved and is now Active";
        case OrgAction::Reject:
            return "rejected";
        case OrgAction::Suspend:
            return "suspended";
        case OrgAction::Resume:
            return "resumed and is Active again";
        case OrgAction::Delete:
            return "deleted";
        case OrgAction::Edit:
            break;
    }
    return "saved";
}

void replace_in_list(OrganizationList& list, const core::CustomerView& view) {
    for (auto& item : list.items) {
        if (item.org.id == view.org.id)
            item = view;
    }
}

// "status: New → Active" and the like, from the audit entry's before and after.
std::string describe_change(const core::Json& before, const core::Json& after) {
    if (!after.is_object())
        return {};
    std::string out;
    for (const auto& [key, value] : after.items()) {
        if (key == "version")
            continue;
        const bool had = before.is_object() && before.contains(key);
        if (had && before[key] == value)
            continue;
        const auto text = [](const core::Json& v) {
            return v.is_string() ? v.get<std::string>()
                                 : v.dump(-1, ' ', false, core::Json::error_handler_t::replace);
        };
        out += (out.empty() ? "" : "; ") + key + ": ";
        out += had ? text(before[key]) + " → " + text(value) : text(value);
    }
    return out;
}

}  // namespace

void Updater::operator()(const OrganizationOpened& e) {
    if (!state_.session)
        return;
    state_.screen = Screen::Profile;
    state_.profile = Profile{};
    state_.profile.id = e.id;
    // Show what the list already knows at once; the fresh copy replaces it when it arrives.
    const auto& items = state_.list.items;
    const auto known =
        std::find_if(items.begin(), items.end(), [&e](const auto& v) { return v.org.id == e.id; });
    if (known != items.end())
        state_.profile.customer = *known;
    load_customer(e.id);
}

void Updater::operator()(const BackToListClicked&) {
    if (state_.session)
        state_.screen = Screen::Organizations;
}

void Updater::operator()(const OrganizationActionClicked& e) {
    auto& profile = state_.profile;
    if (!profile.customer || profile.pendingAction || !offers(*profile.customer, e.action))
        return;
    switch (e.action) {
        case OrgAction::Approve:
        case OrgAction::Resume:
            profile.runningAction = e.action;
            send_change("PUT",
                        customer_path(profile.id) + "/" + std::string(core::to_string(e.action)));
            return;
        case OrgAction::Reject:
            return (*this)(DialogOpened{ProfileDialog::Reject});
        case OrgAction::Suspend:
            return (*this)(DialogOpened{ProfileDialog::Suspend});
        case OrgAction::Delete:
            return (*this)(DialogOpened{ProfileDialog::Delete});
        case OrgAction::Edit:
            return (*this)(DialogOpened{ProfileDialog::EditInformation});
    }
}

void Updater::operator()(const ProfileTabChosen& e) {
    auto& profile = state_.profile;
    profile.tab = e.tab;
    if (e.tab == ProfileTab::Members && !profile.pendingMembers) {
        profile.pendingMembers =
            send(Purpose::LoadMembers, "GET", customer_path(profile.id) + "/members");
    }
    if (e.tab == ProfileTab::History && !profile.pendingHistory) {
        profile.pendingHistory =
            send(Purpose::LoadHistory, "GET", customer_path(profile.id) + "/audit");
    }
    if (e.tab == ProfileTab::Subscriptions && !profile.pendingSubscriptions)
        load_subscriptions();
}

void Updater::operator()(const DialogOpened& e) {
    auto& profile = state_.profile;
    if (!profile.customer || profile.pendingAction)
        return;
    profile.dialog = e.dialog;
    profile.dialogErrors.clear();
    profile.error.clear();
    profile.rejectReason.clear();
    profile.deleteConfirmation.clear();
    profile.subscriptionsOnSuspend = core::SubscriptionsOnSuspend::Keep;
    profile.ownership = OwnershipDialog{};
    profile.edit = Form{};
    profile.edit.texts = texts_of(profile.customer->org);
    profile.edit.ownershipType = profile.customer->org.ownershipType;
    // Choosing a member as the new owner needs the members.
    if (e.dialog == ProfileDialog::Ownership && profile.members.empty()) {
        profile.pendingMembers =
            send(Purpose::LoadMembers, "GET", customer_path(profile.id) + "/members");
    }
}

void Updater::operator()(const DialogClosed&) {
    if (!state_.profile.pendingAction)
        state_.profile.dialog = ProfileDialog::None;
}

void Updater::operator()(const RejectReasonEdited& e) {
    state_.profile.rejectReason = e.text;
}

void Updater::operator()(const SuspendChoiceMade& e) {
    state_.profile.subscriptionsOnSuspend = e.choice;
}

void Updater::operator()(const DeleteConfirmationEdited& e) {
    state_.profile.deleteConfirmation = e.text;
}

void Updater::operator()(const OwnershipDialogEdited& e) {
    state_.profile.ownership = e.value;
}

void Updater::operator()(const DialogConfirmed&) {
    auto& profile = state_.profile;
    if (!profile.customer || profile.pendingAction)
        return;
    const auto& org = profile.customer->org;
    const std::string path = customer_path(profile.id);
    profile.dialogErrors.clear();
    switch (profile.dialog) {
        case ProfileDialog::ConfirmApprove:
            profile.dialog = ProfileDialog::None;
            return (*this)(OrganizationActionClicked{OrgAction::Approve});
        case ProfileDialog::Reject: {
            const core::Json body{{"reason", profile.rejectReason}};
            if (auto reason = core::reject_reason_from_json(body); !reason) {
                profile.dialogErrors = reason.error().fields;
                return;
            }
            profile.runningAction = OrgAction::Reject;
            return send_change("PUT", path + "/reject", body.dump());
        }
        case ProfileDialog::Suspend: {
            const bool cancel =
                profile.subscriptionsOnSuspend == core::SubscriptionsOnSuspend::Cancel;
            profile.runningAction = OrgAction::Suspend;
            return send_change("PUT", path + "/suspend",
                               core::Json{{"subscriptions", cancel ? "cancel" : "keep"}}.dump());
        }
        case ProfileDialog::Delete:
            if (profile.deleteConfirmation != org.name) {
                profile.dialogErrors = {
                    {"confirmation", "Type the organization's name exactly as shown to confirm."}};
                return;
            }
            profile.runningAction = OrgAction::Delete;
            return send_change("DELETE", path);
        case ProfileDialog::Ownership: {
            const auto& d = profile.ownership;
            core::OwnershipChange change;
            change.to = org.ownershipType == core::OwnershipType::Customer
                            ? core::OwnershipType::ServiceProvider
                            : core::OwnershipType::Customer;
            core::Json body{{"ownershipType", core::to_string(change.to)}};
            if (change.to == core::OwnershipType::ServiceProvider) {
                change.demoteTo = d.demoteTo;
                body["demoteTo"] = core::to_string(d.demoteTo);
            } else if (d.existingMember) {
                change.newOwnerMemberId = d.memberId;
                body["newOwner"] = {{"memberId", d.memberId}};
            } else {
                change.newOwner = core::Person{d.newOwnerName, d.newOwnerEmail};
                body["newOwner"] = {{"name", d.newOwnerName}, {"email", d.newOwnerEmail}};
            }
            // The core's rules answer at once; the server checks the same rules again.
            if (auto plan = core::plan_ownership_change(org, profile.members, change); !plan) {
                profile.dialogErrors = plan.error().fields;
                if (profile.dialogErrors.empty())
                    profile.error = plan.error().message;
                return;
            }
            profile.runningAction = OrgAction::Edit;
            return send_change("PUT", path + "/ownership", body.dump());
        }
        case ProfileDialog::EditInformation:
        case ProfileDialog::EditBilling:
        case ProfileDialog::EditBuyerTags:
            return (*this)(FormSubmitted{FormKind::Edit});
        case ProfileDialog::None:
            break;
    }
}

void Updater::send_change(std::string method, std::string path, std::string body) {
    auto& profile = state_.profile;
    profile.error.clear();
    profile.pendingAction =
        send(Purpose::CustomerAction, std::move(method), std::move(path),
             {std::move(body), std::to_string(profile.customer->org.version), {}});
}

void Updater::show_customer(core::CustomerView view) {
    replace_in_list(state_.list, view);
    state_.profile.customer = std::move(view);
}

std::optional<core::CustomerView> Updater::decode_customer(const HttpAnswered& a, Notice& error) {
    auto view =
        decode_body(a, [](const core::Json& j) { return core::customer_view_from_json(j); });
    if (!view) {
        error = "The organization could not be read. Reload and try again.";
        return std::nullopt;
    }
    return std::move(view).value();
}

void Updater::loaded(const HttpAnswered& a) {
    auto& profile = state_.profile;
    if (profile.pendingLoad != a.id)
        return;
    profile.pendingLoad.reset();
    if (!succeeded(a)) {
        profile.error = notice_of(error_of(a));
        if (a.status == 404)
            profile.customer.reset();
        return;
    }
    if (auto view = decode_customer(a, profile.error)) {
        // After "changed by someone else", the open edit form shows the newer data.
        if (!profile.edit.error.empty())
            profile.edit.texts = texts_of(view->org);
        show_customer(std::move(*view));
    }
}

void Updater::acted(const HttpAnswered& a) {
    auto& profile = state_.profile;
    if (profile.pendingAction != a.id)
        return;
    profile.pendingAction.reset();
    const auto action = profile.runningAction.value_or(OrgAction::Edit);
    profile.runningAction.reset();
    if (!succeeded(a)) {
        const auto error = error_of(a);
        profile.dialogErrors = error.fields;
        if (profile.dialog == ProfileDialog::EditInformation ||
            profile.dialog == ProfileDialog::EditBilling ||
            profile.dialog == ProfileDialog::EditBuyerTags) {
            profile.edit.fieldErrors = error.fields;
            profile.edit.error = notice_of(error);
        }
        profile.error = notice_of(error);
        state_.toast = Toast{error.message, true, error.requestId};
        // The organization changed under us: show what stands now.
        if (a.status == 409 || a.status == 412)
            load_customer(profile.id);
        return;
    }
    Notice error;
    auto view = decode_customer(a, error);
    if (!view) {
        profile.error = error;
        return;
    }
    profile.pendingLoad.reset();  // this answer is newer than any load still on its way
    profile.dialog = ProfileDialog::None;
    profile.history.clear();
    state_.toast = Toast{view->org.name + " was " + past_tense(action) + ".", false};
    if (action == OrgAction::Delete) {
        state_.screen = Screen::Organizations;
    } else {
        show_customer(std::move(*view));
        if (profile.tab != ProfileTab::Overview)
            (*this)(ProfileTabChosen{profile.tab});
    }
    reload_list();  // counts and filters may have changed
}

// The "items" of a list answer to the request `pending` waits for, or nothing (an outdated
// answer, or an error, which goes to `error`).
std::optional<core::Json> Updater::list_items(const HttpAnswered& a,
                                              std::optional<RequestId>& pending, Notice& error) {
    if (pending != a.id)
        return std::nullopt;
    pending.reset();
    if (!succeeded(a)) {
        error = notice_of(error_of(a));
        return std::nullopt;
    }
    auto json = core::parse_json(a.body);
    if (!json || !json->contains("items") || !(*json)["items"].is_array()) {
        error = "The server's answer could not be read. Try again.";
        return std::nullopt;
    }
    return std::move((*json)["items"]);
}

void Updater::members_loaded(const HttpAnswered& a) {
    auto& profile = state_.profile;
    const auto items = list_items(a, profile.pendingMembers, profile.error);
    if (!items)
        return;
    profile.members.clear();
    for (const auto& item : *items) {
        if (auto member = core::member_from_json(item))
            profile.members.push_back(*member);
    }
}

void Updater::history_loaded(const HttpAnswered& a) {
    auto& profile = state_.profile;
    const auto items = list_items(a, profile.pendingHistory, profile.error);
    if (!items)
        return;
    profile.history.clear();
    for (const auto& item : *items) {
        if (!item.is_object())
            continue;
        HistoryEntry entry;
        if (item.contains("at") && item["at"].is_string()) {
            entry.atMs = core::parse_iso8601(item["at"].get<std::string>()).value_or(0);
        }
        if (item.contains("actor") && item["actor"].is_object() && item["actor"].contains("name") &&
            item["actor"]["name"].is_string()) {
            entry.actor = item["actor"]["name"].get<std::string>();
        }
        if (item.contains("action") && item["action"].is_string()) {
            entry.action = item["action"].get<std::string>();
        }
        entry.change =
            describe_change(item.value("before", core::Json()), item.value("after", core::Json()));
        profile.history.push_back(std::move(entry));
    }
}

}  // namespace orgdesk::app

// Keyboard shortcuts and the clipboard: what a key means depends on the screen, so it is decided
// here, where the state is, and the views only report which key was typed.
#include <algorithm>

#include "app/offers.hpp"
#include "app/updater.hpp"
#include "core/money.hpp"
#include "core/time_format.hpp"

namespace orgdesk::app {
namespace {

// Moves a row cursor by `delta` within `count` rows; the first press picks the first row.
void move_cursor(int& cursor, int count, int delta) {
    if (count == 0) {
        cursor = -1;
        return;
    }
    cursor = cursor < 0 ? 0 : std::clamp(cursor + delta, 0, count - 1);
}

}  // namespace

void Updater::operator()(const KeyPressed& e) {
    if (!state_.session)
        return;
    if (e.key == Key::Help) {
        state_.shortcutsHelp = !state_.shortcutsHelp;
        return;
    }
    if (state_.shortcutsHelp) {
        if (e.key == Key::Escape || e.key == Key::Enter)
            state_.shortcutsHelp = false;
        return;  // the panel is in front: other keys wait until it is closed
    }
    const int delta = e.key == Key::Down ? 1 : -1;
    switch (state_.screen) {
        case Screen::Organizations: {
            auto& list = state_.list;
            const int rows = static_cast<int>(list.items.size());
            if (e.key == Key::Up || e.key == Key::Down) {
                move_cursor(list.cursor, rows, delta);
            } else if (e.key == Key::Enter && list.cursor >= 0 && list.cursor < rows) {
                (*this)(
                    OrganizationOpened{list.items[static_cast<std::size_t>(list.cursor)].org.id});
            }
            return;
        }
        case Screen::Orders: {
            auto& list = state_.orders;
            const int rows = static_cast<int>(list.items.size());
            if (e.key == Key::Up || e.key == Key::Down) {
                move_cursor(list.cursor, rows, delta);
            } else if (e.key == Key::Enter && list.cursor >= 0 && list.cursor < rows) {
                (*this)(OrderOpened{list.items[static_cast<std::size_t>(list.cursor)].order.id});
            }
            return;
        }
        case Screen::Profile: {
            const auto& profile = state_.profile;
            if (profile.dialog != ProfileDialog::None || !profile.customer)
                return;  // the open dialog reads its own keys
            // Approving has no dialog of its own: the shortcut asks first. Rejecting opens the
            // reason dialog, which is its confirmation.
            if (e.key == Key::Approve && offers(*profile.customer, core::OrgAction::Approve)) {
                (*this)(DialogOpened{ProfileDialog::ConfirmApprove});
            } else if (e.key == Key::Reject) {
                (*this)(OrganizationActionClicked{core::OrgAction::Reject});
            }
            return;
        }
        case Screen::OrderDetail: {
            auto& detail = state_.order;
            if (state_.orderReject.open || detail.confirmingApprove || !detail.view ||
                detail.pendingDecision)
                return;
            // Both decisions go through the reason dialog or a confirmation before they are sent.
            if (e.key == Key::Approve && offers(*detail.view, core::OrderAction::Approve)) {
                detail.confirmingApprove = true;
            } else if (e.key == Key::Reject) {
                (*this)(OrderDecisionClicked{core::OrderAction::Reject});
            }
            return;
        }
        case Screen::SignIn:
        case Screen::CreateOrganization:
        case Screen::NewOrder:
            return;
    }
}

std::string selection_as_tsv(const OrderList& list) {
    // A tab or line break inside a value would break the table: it becomes a space.
    const auto cell = [](std::string text) {
        std::replace_if(
            text.begin(), text.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; },
            ' ');
        return text;
    };
    std::string tsv = "Order\tCustomer\tTotal\tCurrency\tStatus\tPlaced\n";
    for (const auto& view : list.items) {
        const auto& order = view.order;
        if (list.selected.count(order.id) == 0)
            continue;
        tsv += cell(order.id) + '\t' + cell(view.customer.name) + '\t' +
               core::format_amount(order.price.total, order.price.currency) + '\t' +
               cell(order.price.currency) + '\t' + std::string(core::to_string(order.status)) +
               '\t' + core::format_iso8601(order.createdAtMs) + '\n';
    }
    return tsv;
}

void Updater::operator()(const CopyRequested& e) {
    if (e.text.empty())
        return;
    effects_.emplace_back(CopyText{e.text});
    state_.toast = Toast{"Copied " + e.what + " to the clipboard.", false};
}

void Updater::operator()(const SelectionCopied&) {
    const auto count = state_.orders.selected.size();
    if (state_.screen != Screen::Orders || count == 0)
        return;
    effects_.emplace_back(CopyText{selection_as_tsv(state_.orders)});
    state_.toast = Toast{"Copied " + std::to_string(count) + (count == 1 ? " order" : " orders") +
                             " to the clipboard as tab-separated text.",
                         false};
}

}  // namespace orgdesk::app

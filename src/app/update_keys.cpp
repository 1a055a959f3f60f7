// Keyboard shortcuts: what a key means depends on the screen, so it is decided here, where the
// state is, and the views only report which key was typed.
#include <algorithm>

#include "app/offers.hpp"
#include "app/updater.hpp"

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
        case Screen::OrderDetail:
            if (state_.orderReject.open)
                return;
            // Both decisions go through the reason dialog or a confirmation before they are sent.
            if (e.key == Key::Reject)
                (*this)(OrderDecisionClicked{core::OrderAction::Reject});
            return;
        case Screen::SignIn:
        case Screen::CreateOrganization:
        case Screen::NewOrder:
            return;
    }
}

}  // namespace orgdesk::app

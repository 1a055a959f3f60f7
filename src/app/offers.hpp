#pragma once
// Every entity in an API answer lists the actions the caller may take on it now (the core's
// policy, applied by the server): the app offers exactly those.
#include <algorithm>

namespace orgdesk::app {

template <class View, class Action>
bool offers(const View& view, Action action) {
    return std::find(view.actions.begin(), view.actions.end(), action) != view.actions.end();
}

}  // namespace orgdesk::app

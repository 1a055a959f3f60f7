#include "app/bulk_summary.hpp"

#include <algorithm>

namespace orgdesk::app {

std::string bulk_summary(core::OrderAction action,
                         const std::vector<core::BulkDecisionResult>& results) {
    int done = 0;
    std::vector<std::string> reasons;
    for (const auto& result : results) {
        if (result.order) {
            ++done;
            continue;
        }
        const std::string reason =
            result.error ? result.error->message : std::string("The server gave no reason.");
        if (std::find(reasons.begin(), reasons.end(), reason) == reasons.end())
            reasons.push_back(reason);
    }
    const int failed = static_cast<int>(results.size()) - done;
    std::string text =
        std::to_string(done) + (action == core::OrderAction::Approve ? " approved" : " rejected");
    if (failed == 0)
        return text + ".";
    text += ", " + std::to_string(failed) + " failed:";
    for (const auto& reason : reasons)
        text += " " + reason;
    return text;
}

}  // namespace orgdesk::app

#include "core/status_counts.hpp"

namespace orgdesk::core {
namespace {

template <class Status, class Statuses, class Listed>
std::map<Status, int> counts_of(const Statuses& statuses, const std::map<Status, int>& counts,
                                Listed listed) {
    std::map<Status, int> all;
    for (const auto status : statuses) {
        if (!listed(status))
            continue;
        const auto counted = counts.find(status);
        all[status] = counted == counts.end() ? 0 : counted->second;
    }
    return all;
}

}  // namespace

bool is_listable(OrgStatus status) {
    return status != OrgStatus::Deleted;
}

std::map<OrgStatus, int> listable_status_counts(const std::map<OrgStatus, int>& counts) {
    return counts_of(kAllOrgStatuses, counts, is_listable);
}

std::map<OrderStatus, int> every_status_counts(const std::map<OrderStatus, int>& counts) {
    return counts_of(kAllOrderStatuses, counts, [](OrderStatus) { return true; });
}

}  // namespace orgdesk::core

#include "core/order.hpp"

#include "core/enum_names.hpp"

namespace orgdesk::core {
namespace {

constexpr EnumNames<OrderStatus, 6> kStatusNames{{
    {OrderStatus::PendingApproval, "PendingApproval"},
    {OrderStatus::Approved, "Approved"},
    {OrderStatus::Provisioning, "Provisioning"},
    {OrderStatus::Provisioned, "Provisioned"},
    {OrderStatus::Failed, "Failed"},
    {OrderStatus::Rejected, "Rejected"},
}};

constexpr EnumNames<OrderStatus, 6> kDisplayNames{{
    {OrderStatus::PendingApproval, "Pending approval"},
    {OrderStatus::Approved, "Approved"},
    {OrderStatus::Provisioning, "Provisioning"},
    {OrderStatus::Provisioned, "Provisioned"},
    {OrderStatus::Failed, "Failed"},
    {OrderStatus::Rejected, "Rejected by reseller"},
}};

}  // namespace

std::string_view to_string(OrderStatus status) {
    return name_of(kStatusNames, status);
}
std::optional<OrderStatus> parse_order_status(std::string_view text) {
    return value_of(kStatusNames, text);
}
std::string_view display_name(OrderStatus status) {
    return name_of(kDisplayNames, status);
}

}  // namespace orgdesk::core

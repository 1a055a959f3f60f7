#include "core/member.hpp"

#include <array>
#include <utility>

namespace orgdesk::core {
namespace {
constexpr std::array<std::pair<MemberRole, std::string_view>, 3> kNames{{
    {MemberRole::Owner, "Owner"},
    {MemberRole::Admin, "Admin"},
    {MemberRole::Member, "Member"},
}};
}  // namespace

std::string_view to_string(MemberRole role) {
    for (const auto& [r, name] : kNames) {
        if (r == role)
            return name;
    }
    return "";
}

std::optional<MemberRole> parse_member_role(std::string_view text) {
    for (const auto& [r, name] : kNames) {
        if (name == text)
            return r;
    }
    return std::nullopt;
}

}  // namespace orgdesk::core

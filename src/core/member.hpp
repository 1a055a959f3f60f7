#pragma once
// The people of a customer organization and their roles in it (seed 003).
#include <optional>
#include <string>
#include <string_view>

namespace orgdesk::core {

enum class MemberRole { Owner, Admin, Member };

std::string_view to_string(MemberRole role);
std::optional<MemberRole> parse_member_role(std::string_view text);

struct Member {
    std::string id;
    std::string name;
    std::string email;
    MemberRole role = MemberRole::Member;
    bool operator==(const Member&) const = default;
};

}  // namespace orgdesk::core

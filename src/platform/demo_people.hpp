#pragma once
// People's names shared by the demo data and the sandboxes' tenants: contacts, Owners, Admins.
#include <array>
#include <string_view>

namespace orgdesk::platform {

inline constexpr std::array<std::string_view, 16> kDemoPeople{{
    "Anna Lindqvist",
    "Jonas Weber",
    "Ingrid Solberg",
    "Marco Rossi",
    "Elena Petrova",
    "Mikko Virtanen",
    "Sofia Almeida",
    "Tomasz Nowak",
    "Claire Dubois",
    "Liam O'Brien",
    "Yuki Tanaka",
    "Nikos Papadakis",
    "Erik Johansson",
    "Laura Schmidt",
    "Aino Korhonen",
    "Pedro Santos",
}};

}  // namespace orgdesk::platform

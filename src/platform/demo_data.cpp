#include "platform/demo_data.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <span>

#include "core/json_codecs.hpp"
#include "platform/demo_orders.hpp"
#include "platform/demo_people.hpp"

namespace orgdesk::platform {
namespace {

using core::OrgStatus;

constexpr std::int64_t kHourMs = 3600LL * 1000;

struct DemoCompany {
    std::string_view name;
    std::string_view country;
    std::string_view city;
};

// Seller one's customers first, then seller two's.
constexpr std::array<DemoCompany, 60> kCompanies{{
    {"Northwind Traders", "SE", "Stockholm"},    {"Bäckerei Müller GmbH", "DE", "München"},
    {"Fjord Analytics AS", "NO", "Bergen"},      {"Contoso Pharmaceuticals", "US", "Boston"},
    {"Ωmega Logistics ООО", "RU", "Kazan"},      {"Lumen Dental Clinics", "FI", "Tampere"},
    {"Adler & Söhne KG", "DE", "Hamburg"},       {"Baltic Freight Lines", "LT", "Klaipėda"},
    {"Helios Solar Oy", "FI", "Espoo"},          {"Vega Architects", "ES", "Valencia"},
    {"Blue Harbor Hotels", "PT", "Porto"},       {"Kestrel Security Ltd", "GB", "Leeds"},
    {"Orchid Florist Chain", "NL", "Utrecht"},   {"Polaris Engineering AB", "SE", "Göteborg"},
    {"Castello Wines S.r.l.", "IT", "Siena"},    {"Granite Construction Oy", "FI", "Oulu"},
    {"Nordlys Media", "DK", "Aarhus"},           {"Atlas Tax Advisors", "BE", "Ghent"},
    {"Riverside Veterinary", "IE", "Cork"},      {"Quantum Print House", "PL", "Kraków"},
    {"Saffron Restaurants", "GB", "Bristol"},    {"Tundra Outdoor Gear", "NO", "Tromsø"},
    {"Meridian Law Partners", "FR", "Lyon"},     {"Evergreen Schools Trust", "GB", "York"},
    {"Ångström Optics AB", "SE", "Uppsala"},     {"Cobalt Robotics GmbH", "AT", "Linz"},
    {"Delta Dairy Cooperative", "DK", "Odense"}, {"Marlin Marine Services", "GR", "Piraeus"},
    {"Zenith Insurance Brokers", "CH", "Basel"}, {"Aurora Event Agency", "EE", "Tartu"},
    {"Alpine Ski Resorts AG", "CH", "Davos"},    {"Brightwater Utilities", "GB", "Cardiff"},
    {"Citrus Mobile Oy", "FI", "Turku"},         {"Danube Textiles Kft.", "HU", "Győr"},
    {"Elbe Shipping GmbH", "DE", "Dresden"},     {"Falcon Aviation Parts", "CZ", "Brno"},
    {"Garnet Jewellers", "BE", "Antwerp"},       {"Harbor Fish Market", "IS", "Reykjavík"},
    {"Iberia Solar S.L.", "ES", "Sevilla"},      {"Jade Garden Catering", "NL", "Rotterdam"},
    {"Koru Health Clinics", "IE", "Galway"},     {"Linden Publishing", "DE", "Leipzig"},
    {"Magnolia Care Homes", "GB", "Bath"},       {"Nimbus Cloud Studio", "LV", "Rīga"},
    {"Olive Grove Foods", "GR", "Patras"},       {"Pioneer Agritech", "PL", "Poznań"},
    {"Quarry Stoneworks", "PT", "Braga"},        {"Raven Games AB", "SE", "Malmö"},
    {"Sierra Climbing Gyms", "ES", "Granada"},   {"Tidewater Kayaks", "NO", "Ålesund"},
    {"Umbra Lighting Design", "IT", "Torino"},   {"Viking Bakery Chain", "DK", "Aalborg"},
    {"Willow Childcare", "GB", "Norwich"},       {"Xenon Lab Supplies", "FR", "Toulouse"},
    {"Yarrow Herbal Teas", "CZ", "Olomouc"},     {"Zephyr Wind Farms", "DK", "Esbjerg"},
    {"Amber Coast Resorts", "LT", "Palanga"},    {"Birch Furniture Oy", "FI", "Lahti"},
    {"Coral Diving Center", "MT", "Sliema"},     {"Dune Surf School", "FR", "Biarritz"},
}};

// The first twelve of the shared names, as the demo data has always had.
constexpr auto kContacts = std::span(kDemoPeople).first<12>();

// Colleagues of the contacts, for the organizations' Admins and Members.
constexpr std::array<std::string_view, 16> kColleagues{{
    "Erik Johansson",
    "Laura Schmidt",
    "Kari Nordmann",
    "Giulia Bianchi",
    "Dmitri Volkov",
    "Aino Korhonen",
    "Pedro Santos",
    "Agnieszka Kowalska",
    "Julien Martin",
    "Siobhan Murphy",
    "Hiroshi Sato",
    "Eleni Georgiou",
    "Lars Nielsen",
    "Fatima El Amrani",
    "Oliver Bennett",
    "Marta Horvat",
}};

constexpr std::array<std::string_view, 4> kSegments{
    {"SMB", "Enterprise", "Education", "Public Sector"}};
constexpr std::array<std::string_view, 5> kRoles{
    {"CFO", "IT Manager", "Office Manager", "Procurement Lead", "CEO"}};

// One staff user per role, and the Owner of kDemoOwnerCustomerId.
struct DemoUser {
    std::string_view id, username, displayName;
    core::Role role;
    std::string_view sellerId, customerId;
};
constexpr std::array<DemoUser, 5> kDemoUsers{{
    {"u0000000-0000-4000-8000-000000000001", "distributor@demo.test", "Dana Distributor",
     core::Role::DistributorAdmin, "", ""},
    {"u0000000-0000-4000-8000-000000000002", "seller@demo.test", "Sam Seller",
     core::Role::SellerAdmin, kDemoSellerOneId, ""},
    {"u0000000-0000-4000-8000-000000000003", "manager@demo.test", "Max Manager",
     core::Role::AccountManager, kDemoSellerOneId, ""},
    {"u0000000-0000-4000-8000-000000000004", "seller2@demo.test", "Sasha Seller",
     core::Role::SellerAdmin, kDemoSellerTwoId, ""},
    {"u0000000-0000-4000-8000-000000000005", "owner@demo.test", "Olive Owner",
     core::Role::CustomerOwner, kDemoSellerOneId, kDemoOwnerCustomerId},
}};

// The status of the i-th customer of a seller: several of each, New ones among the newest.
OrgStatus status_for(int i) {
    constexpr std::array<OrgStatus, 10> pattern{
        OrgStatus::New,     OrgStatus::Active,  OrgStatus::New,      OrgStatus::Active,
        OrgStatus::Blocked, OrgStatus::Active,  OrgStatus::Rejected, OrgStatus::Active,
        OrgStatus::New,     OrgStatus::Deleted,
    };
    return pattern[static_cast<std::size_t>(i) % pattern.size()];
}

std::string demo_uuid(char prefix, int n) {
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%c%07x-%04x-4%03x-8%03x-%012x", prefix,
                  n * 2654435 % 0xFFFFFFF, n * 40503 % 0xFFFF, n * 733 % 0xFFF, n * 977 % 0xFFF,
                  n * 48271 + 17);
    return buffer;
}

std::string slug_of(std::string_view name) {
    std::string slug;
    for (const char c : name) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            slug += c;
        } else if (c >= 'A' && c <= 'Z') {
            slug += static_cast<char>(c - 'A' + 'a');
        }
        if (slug.size() >= 12)
            break;
    }
    return slug.empty() ? "customer" : slug;
}

core::Organization make_organization(int index, std::int64_t nowMs) {
    const auto& company = kCompanies[static_cast<std::size_t>(index)];
    const bool sellerOne = index < 30;
    const int i = index % 30;
    const auto contact = kContacts[static_cast<std::size_t>(index) % kContacts.size()];
    const std::string domain = slug_of(company.name) + ".example";

    core::Organization o;
    o.id = index == 0 ? std::string(kDemoOwnerCustomerId) : demo_uuid('c', index + 1);
    o.name = std::string(company.name);
    o.segment = std::string(kSegments[static_cast<std::size_t>(index) % kSegments.size()]);
    o.status = index == 0 ? OrgStatus::Active : status_for(i);
    o.ownershipType =
        index % 7 == 3 ? core::OwnershipType::ServiceProvider : core::OwnershipType::Customer;
    if (o.ownershipType == core::OwnershipType::Customer) {
        o.owner = core::Person{std::string(contact), "owner@" + domain};
        o.billing = {std::string(company.name), std::string(company.city) + " business park 1",
                     std::string(company.country),
                     std::string(company.country) + std::to_string(100200300 + index * 7919),
                     o.owner->email};
    }
    o.primaryContact = {std::string(contact),
                        std::string(kRoles[static_cast<std::size_t>(index) % kRoles.size()]),
                        "+46 8 555 " + std::to_string(1000 + index * 37)};
    o.customerReference = "CR-" + std::to_string(10001 + index);
    o.externalContract = "EC-2026-" + std::to_string(501 + index * 3);
    o.purchasedNumbers = {"+46855" + std::to_string(500100 + index * 11)};
    if (index % 3 == 0)
        o.buyerTags = {"priority"};
    o.distributorId = std::string(kDemoDistributorId);
    o.sellerId = std::string(sellerOne ? kDemoSellerOneId : kDemoSellerTwoId);
    o.subscriptionCount =
        o.status == OrgStatus::Active || o.status == OrgStatus::Blocked ? 1 + index % 4 : 0;
    o.userCount = 0;  // set from the members
    o.createdAtMs = nowMs - (static_cast<std::int64_t>(i) * 29 + 2) * kHourMs;
    o.updatedAtMs = o.createdAtMs;
    return o;
}

}  // namespace

std::vector<core::Organization> demo_organizations(std::int64_t nowMs) {
    std::vector<core::Organization> orgs;
    for (int i = 0; i < static_cast<int>(kCompanies.size()); ++i) {
        auto org = make_organization(i, nowMs);
        org.userCount = static_cast<int>(demo_members(org).size());
        orgs.push_back(std::move(org));
    }
    return orgs;
}

std::vector<core::Member> demo_members(const core::Organization& org) {
    // The organization's position in the demo, from its customer reference "CR-<10001 + index>".
    const int index = std::atoi(org.customerReference.c_str() + 3) - 10001;
    const std::string domain = org.owner ? org.owner->email.substr(org.owner->email.find('@'))
                                         : "@" + slug_of(org.name) + ".example";
    std::vector<core::Member> members;
    if (org.owner) {
        members.push_back({demo_uuid('e', index * 4 + 1), org.owner->name, org.owner->email,
                           core::MemberRole::Owner});
    }
    // A Service Provider's organization keeps at least one Admin, so it has someone to make its
    // owner when it switches to Customer.
    const int others = org.owner ? index % 4 : 1 + index % 3;
    for (int k = 0; k < others; ++k) {
        const auto name =
            std::string(kColleagues[static_cast<std::size_t>(index * 3 + k) % kColleagues.size()]);
        std::string local;
        for (const char c : name) {
            if (c == ' ')
                local += '.';
            else if (c >= 'A' && c <= 'Z')
                local += static_cast<char>(c - 'A' + 'a');
            else
                local += c;
        }
        members.push_back({demo_uuid('e', index * 4 + 2 + k), name, local + domain,
                           k == 0 ? core::MemberRole::Admin : core::MemberRole::Member});
    }
    return members;
}

TenantSeed demo_tenant(std::int64_t nowMs, const std::string& passwordHash) {
    TenantSeed tenant;
    tenant.partners = {
        {std::string(kDemoDistributorId), "Nordic Cloud Distribution", ""},
        {std::string(kDemoSellerOneId), "Aurora IT Partners", std::string(kDemoDistributorId)},
        {std::string(kDemoSellerTwoId), "Baltic Reseller Group", std::string(kDemoDistributorId)},
    };
    for (auto& org : demo_organizations(nowMs)) {
        tenant.audit.push_back({org.createdAtMs, "system", "create", "organization", org.id, "",
                                core::Json{{"status", core::to_string(org.status)}}.dump()});
        auto members = demo_members(org);
        tenant.organizations.push_back({std::move(org), std::move(members)});
    }
    for (const auto& u : kDemoUsers) {
        UserRecord user;
        auto& p = user.principal;
        p.userId = std::string(u.id);
        p.username = std::string(u.username);
        p.displayName = std::string(u.displayName);
        p.role = u.role;
        p.distributorId = std::string(kDemoDistributorId);
        p.sellerId = std::string(u.sellerId);
        p.customerId = std::string(u.customerId);
        // A customer person's role is their membership's: the demo Owner is its organization's.
        for (const auto& seeded : tenant.organizations) {
            if (seeded.org.id != p.customerId)
                continue;
            for (const auto& member : seeded.members) {
                if (core::customer_role(member.role) == u.role)
                    p.memberId = member.id;
            }
        }
        user.passwordHash = passwordHash;
        tenant.users.push_back(std::move(user));
    }
    add_demo_orders(tenant, nowMs);
    return tenant;
}

std::vector<DemoSignIn> seed_demo_data(Store& store, std::int64_t nowMs,
                                       const std::string& passwordHash) {
    // All of it in one transaction: a seeding cut short leaves nothing behind, and the next
    // start seeds again.
    static_cast<void>(store.seed_tenant(demo_tenant(nowMs, passwordHash)));
    std::vector<DemoSignIn> signIns;
    for (const auto& u : kDemoUsers)
        signIns.push_back({std::string(u.username), std::string(core::display_name(u.role))});
    return signIns;
}

}  // namespace orgdesk::platform

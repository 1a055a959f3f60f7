#include "platform/sandbox_tenant.hpp"

#include <array>
#include <string_view>

#include "core/json_codecs.hpp"
#include "core/order_lifecycle.hpp"
#include "core/order_placement.hpp"
#include "platform/demo_orders.hpp"
#include "platform/demo_people.hpp"

namespace orgdesk::platform {
namespace {

using core::OrderStatus;
using core::OrgStatus;

constexpr std::int64_t kMinuteMs = 60'000;
constexpr std::int64_t kHourMs = 60 * kMinuteMs;
constexpr std::int64_t kDayMs = 24 * kHourMs;

// Company names are a stem and a line of business: 50 x 20 distinct names.
constexpr std::array<std::string_view, 50> kStems{{
    "Northwind", "Fjord",     "Helios",   "Contoso",     "Lumen",       "Adler",     "Baltic",
    "Polaris",   "Castello",  "Granite",  "Nordlys",     "Atlas",       "Riverside", "Quantum",
    "Saffron",   "Tundra",    "Meridian", "Evergreen",   "Ångström",    "Cobalt",    "Delta",
    "Marlin",    "Zenith",    "Aurora",   "Alpine",      "Brightwater", "Citrus",    "Danube",
    "Elbe",      "Falcon",    "Garnet",   "Harbor",      "Iberia",      "Jade",      "Koru",
    "Linden",    "Magnolia",  "Nimbus",   "Olive Grove", "Pioneer",     "Quarry",    "Raven",
    "Sierra",    "Tidewater", "Umbra",    "Viking",      "Willow",      "Xenon",     "Yarrow",
    "Zephyr",
}};
constexpr std::array<std::string_view, 20> kTrades{{
    "Traders",    "Analytics",       "Logistics",    "Dental Clinics", "Engineering",
    "Architects", "Hotels",          "Security",     "Media",          "Tax Advisors",
    "Veterinary", "Print House",     "Restaurants",  "Outdoor Gear",   "Law Partners",
    "Robotics",   "Marine Services", "Event Agency", "Utilities",      "Care Homes",
}};

struct Place {
    std::string_view country, city, legalForm, phonePrefix;
};
constexpr std::array<Place, 12> kPlaces{{
    {"SE", "Stockholm", "AB", "+46 8"},
    {"DE", "München", "GmbH", "+49 89"},
    {"NO", "Bergen", "AS", "+47 55"},
    {"FI", "Tampere", "Oy", "+358 3"},
    {"DK", "Aarhus", "A/S", "+45 86"},
    {"NL", "Utrecht", "B.V.", "+31 30"},
    {"FR", "Lyon", "SAS", "+33 4"},
    {"IT", "Torino", "S.r.l.", "+39 011"},
    {"ES", "Valencia", "S.L.", "+34 96"},
    {"PL", "Kraków", "sp. z o.o.", "+48 12"},
    {"IE", "Cork", "Ltd", "+353 21"},
    {"LT", "Klaipėda", "UAB", "+370 46"},
}};

constexpr std::array<std::string_view, 5> kContactRoles{
    {"CFO", "IT Manager", "Office Manager", "Procurement Lead", "CEO"}};
constexpr std::array<std::string_view, 4> kSegments{
    {"SMB", "Enterprise", "Education", "Public Sector"}};

// Of every 20 customers: 3 New, 11 Active, 2 Blocked, 2 Rejected, 2 Deleted.
constexpr std::array<OrgStatus, 20> kStatusPattern{{
    OrgStatus::Active,  OrgStatus::New,     OrgStatus::Active,   OrgStatus::Active,
    OrgStatus::Blocked, OrgStatus::Active,  OrgStatus::Rejected, OrgStatus::Active,
    OrgStatus::New,     OrgStatus::Active,  OrgStatus::Deleted,  OrgStatus::Active,
    OrgStatus::Active,  OrgStatus::Blocked, OrgStatus::Active,   OrgStatus::Rejected,
    OrgStatus::New,     OrgStatus::Active,  OrgStatus::Deleted,  OrgStatus::Active,
}};
// Of every 20 orders of an Active customer.
constexpr std::array<OrderStatus, 20> kOrderPattern{{
    OrderStatus::Provisioned,     OrderStatus::PendingApproval, OrderStatus::Provisioned,
    OrderStatus::Rejected,        OrderStatus::Provisioned,     OrderStatus::PendingApproval,
    OrderStatus::Provisioned,     OrderStatus::Failed,          OrderStatus::Provisioned,
    OrderStatus::PendingApproval, OrderStatus::Provisioned,     OrderStatus::Provisioned,
    OrderStatus::Rejected,        OrderStatus::PendingApproval, OrderStatus::Provisioned,
    OrderStatus::Provisioned,     OrderStatus::PendingApproval, OrderStatus::Provisioned,
    OrderStatus::Rejected,        OrderStatus::Provisioned,
}};
// Orders still moving through provisioning: the newest few, which the provisioning worker takes
// on as soon as the sandbox exists.
constexpr int kInFlightOrders = 4;

constexpr std::array<std::string_view, 3> kRejectionReasons{{
    "Payment for the previous invoice is overdue. Settle it and order again.",
    "The quantity exceeds the customer's credit limit. Order fewer licenses.",
    "Duplicate of an earlier order.",
}};

template <class Array>
const auto& pick(const Array& array, std::size_t i) {
    return array[i % array.size()];
}

std::string lowercase_slug(std::string_view text) {
    std::string slug;
    for (const char c : text) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            slug += c;
        else if (c >= 'A' && c <= 'Z')
            slug += static_cast<char>(c - 'A' + 'a');
        else if (c == ' ' && !slug.empty() && slug.back() != '.')
            slug += '.';
    }
    return slug;
}

std::string status_json(std::string_view status) {
    return core::Json{{"status", status}}.dump();
}

struct Staff {
    std::string id;
    std::string name;
};

class TenantBuilder {
  public:
    TenantBuilder(const std::string& distributorId, std::int64_t nowMs, const IdGenerator& newId)
        : distributorId_(distributorId), nowMs_(nowMs), newId_(newId) {
        // The sandbox's own short tag keeps its usernames apart from every other sandbox's.
        tag_ = distributorId.substr(0, 8);
    }

    TenantSeed build(const SandboxSize& size) {
        add_partners();
        add_users();
        for (auto product : demo_catalog()) {
            product.distributorId = distributorId_;
            seed_.products.push_back(std::move(product));
        }
        for (int i = 0; i < size.customers; ++i)
            add_organization(i, size.customers);
        add_orders(size.orders);
        return std::move(seed_);
    }

  private:
    void add_partners() {
        seed_.partners.push_back({distributorId_, "Nordic Cloud Distribution", ""});
        for (const auto name : {"Aurora IT Partners", "Baltic Reseller Group", "Cobalt Systems"})
            seed_.partners.push_back({newId_(), name, distributorId_});
        for (std::size_t s = 1; s < seed_.partners.size(); ++s) {
            // Who decides a seller's orders: its Seller Admin (seller one's is a sandbox user).
            sellerStaff_.push_back(
                {s == 1 ? std::string() : newId_(), std::string(pick(kDemoPeople, s * 5 + 3))});
        }
    }

    void add_users() {
        struct DemoUser {
            core::Role role;
            std::string_view login, name;
        };
        const std::array<DemoUser, 4> users{{
            {core::Role::DistributorAdmin, "distributor", "Dana Distributor"},
            {core::Role::SellerAdmin, "seller", "Sam Seller"},
            {core::Role::AccountManager, "manager", "Max Manager"},
            {core::Role::CustomerOwner, "owner", "Olive Owner"},
        }};
        for (const auto& u : users) {
            UserRecord user;
            auto& p = user.principal;
            p.userId = newId_();
            p.username = std::string(u.login) + "@" + tag_ + ".sandbox.test";
            p.displayName = std::string(u.name);
            p.role = u.role;
            p.distributorId = distributorId_;
            if (u.role != core::Role::DistributorAdmin)
                p.sellerId = seller_id(0);
            // The Customer Owner's organization is the first customer, added next.
            seed_.users.push_back(std::move(user));
        }
        sellerStaff_[0] = {seed_.users[1].principal.userId, seed_.users[1].principal.displayName};
    }

    const std::string& seller_id(std::size_t s) const { return seed_.partners[1 + s].id; }

    void add_organization(int i, int count) {
        const auto index = static_cast<std::size_t>(i);
        const auto& place = pick(kPlaces, index * 7);
        // Half the customers are seller one's (the sandbox's Seller Admin and Account Manager).
        const std::size_t seller = index % 4 < 2 ? 0 : index % 4 - 1;
        core::Organization o;
        o.id = newId_();
        o.name = std::string(pick(kStems, index)) + " " +
                 std::string(pick(kTrades, index / kStems.size() + index)) + " " +
                 std::string(place.legalForm);
        o.segment = std::string(pick(kSegments, index));
        o.status = i == 0 ? OrgStatus::Active : pick(kStatusPattern, index);
        o.ownershipType =
            index % 9 == 4 ? core::OwnershipType::ServiceProvider : core::OwnershipType::Customer;
        const auto contact = std::string(pick(kDemoPeople, index * 3));
        const std::string domain =
            "@" + lowercase_slug(o.name.substr(0, o.name.rfind(' '))) + ".example";
        if (o.ownershipType == core::OwnershipType::Customer) {
            o.owner = core::Person{contact, lowercase_slug(contact) + domain};
            o.billing = {
                o.name,
                std::string(place.city) + ", Business Park " + std::to_string(1 + index % 40),
                std::string(place.country),
                std::string(place.country) + std::to_string(100200300 + index * 7919),
                o.owner->email};
        }
        o.primaryContact = {
            contact, std::string(pick(kContactRoles, index)),
            std::string(place.phonePrefix) + " 555 " + std::to_string(1000 + index * 37 % 9000)};
        o.customerReference = "CR-" + std::to_string(20001 + i);
        o.externalContract = "EC-2026-" + std::to_string(1001 + i * 3);
        o.purchasedNumbers = {"+46855" + std::to_string(600100 + i * 11)};
        if (index % 3 == 0)
            o.buyerTags = {"priority"};
        o.distributorId = distributorId_;
        o.sellerId = seller_id(i == 0 ? 0 : seller);
        // Spread over the last 200 days, the newest last; New ones are the recent requests.
        const std::int64_t age = o.status == OrgStatus::New
                                     ? static_cast<std::int64_t>(2 + index % 48) * kHourMs
                                     : static_cast<std::int64_t>(count - i) * kDayMs + kDayMs;
        o.createdAtMs = nowMs_ - age;
        o.updatedAtMs = o.createdAtMs;

        SeedOrganization seeded{o, members_of(o, index)};
        seeded.org.userCount = static_cast<int>(seeded.members.size());
        if (i == 0) {
            auto& owner = seed_.users[3].principal;
            owner.customerId = o.id;
            owner.memberId = seeded.members.front().id;  // the Owner: their role is its role
            seeded.members.front().name = owner.displayName;
            seeded.org.owner->name = owner.displayName;
        }
        add_organization_history(seeded.org, seller);
        seed_.organizations.push_back(std::move(seeded));
    }

    std::vector<core::Member> members_of(const core::Organization& o, std::size_t index) {
        std::vector<core::Member> members;
        const std::string domain = o.billing.email.empty()
                                       ? "@" + lowercase_slug(o.name) + ".example"
                                       : o.billing.email.substr(o.billing.email.find('@'));
        if (o.owner)
            members.push_back({newId_(), o.owner->name, o.owner->email, core::MemberRole::Owner});
        // A Service Provider's organization keeps an Admin to make its owner later.
        const std::size_t others = o.owner ? index % 3 : 1 + index % 2;
        for (std::size_t k = 0; k < others; ++k) {
            const auto name = std::string(pick(kDemoPeople, index * 5 + k + 1));
            members.push_back({newId_(), name, lowercase_slug(name) + domain,
                               k == 0 ? core::MemberRole::Admin : core::MemberRole::Member});
        }
        return members;
    }

    // The audit trail of how the organization came to its status, decided by its seller's staff.
    void add_organization_history(core::Organization& o, std::size_t seller) {
        const auto& staff = sellerStaff_[o.sellerId == seller_id(0) ? 0 : seller];
        std::int64_t at = o.createdAtMs;
        audit(at, "system", "create", "organization", o.id, "", status_json("New"));
        const auto step = [&](std::string_view action, std::string_view from, std::string_view to) {
            at += 3 * kHourMs;
            audit(at, staff.id, action, "organization", o.id, status_json(from), status_json(to));
            ++o.version;
            o.updatedAtMs = at;
        };
        switch (o.status) {
            case OrgStatus::New:
                break;
            case OrgStatus::Active:
                step("approve", "New", "Active");
                break;
            case OrgStatus::Blocked:
                step("approve", "New", "Active");
                step("suspend", "Active", "Blocked");
                break;
            case OrgStatus::Rejected:
                o.rejectionReason = "The tax id could not be verified.";
                step("reject", "New", "Rejected");
                break;
            case OrgStatus::Deleted:
                step("reject", "New", "Rejected");
                step("delete", "Rejected", "Deleted");
                break;
        }
    }

    void audit(std::int64_t at, std::string_view actor, std::string_view action,
               std::string_view entityType, const std::string& entityId, std::string before,
               std::string after) {
        seed_.audit.push_back({at, std::string(actor), std::string(action), std::string(entityType),
                               entityId, std::move(before), std::move(after)});
    }

    // Orders of the Active and Blocked customers, round robin, the newest last.
    void add_orders(int count) {
        std::vector<SeedOrganization*> buyers;
        for (auto& seeded : seed_.organizations) {
            if (seeded.org.status == OrgStatus::Active || seeded.org.status == OrgStatus::Blocked)
                buyers.push_back(&seeded);
        }
        if (buyers.empty())
            return;
        for (int k = 0; k < count; ++k) {
            auto& buyer = *buyers[static_cast<std::size_t>(k) % buyers.size()];
            // Orders arrive over the last 60 days, one every few hours, and never before the
            // customer was approved.
            const std::int64_t spacing = 60 * kDayMs / count;
            std::int64_t at = nowMs_ - static_cast<std::int64_t>(count - k) * spacing;
            at = std::max(at, buyer.org.createdAtMs + 4 * kHourMs);
            OrderStatus status = pick(kOrderPattern, static_cast<std::size_t>(k));
            if (k >= count - kInFlightOrders && buyer.org.status == OrgStatus::Active)
                status = k % 2 == 0 ? OrderStatus::Approved : OrderStatus::Provisioning;
            if (buyer.org.status == OrgStatus::Blocked && status != OrderStatus::Provisioned)
                status = OrderStatus::Rejected;
            add_order(buyer, k, at, status);
        }
    }

    void add_order(SeedOrganization& buyer, int k, std::int64_t at, OrderStatus status) {
        auto& org = buyer.org;
        core::Organization asActive = org;  // a Blocked customer ordered while still Active
        asActive.status = OrgStatus::Active;
        core::Principal owner;
        owner.userId = buyer.members.front().id;
        owner.displayName = buyer.members.front().name;
        owner.role = core::Role::CustomerOwner;
        owner.distributorId = org.distributorId;
        owner.sellerId = org.sellerId;
        owner.customerId = org.id;
        const auto products = core::orderable_products(seed_.products, asActive);
        std::vector<core::OrderLineRequest> lines;
        const auto lineCount = static_cast<std::size_t>(1 + k % 3);
        for (std::size_t l = 0; l < lineCount && l < products.size(); ++l) {
            lines.push_back({pick(products, static_cast<std::size_t>(k) + l).sku,
                             1 + (k * 7 + static_cast<int>(l) * 11) % 40});
        }
        auto placed = core::place_order(owner, asActive, seed_.products, lines, {newId_(), at});
        if (!placed)
            return;  // nothing this segment may order
        core::Order order = std::move(placed).value();
        audit(at, owner.userId, "place", "order", order.id, "", status_json("PendingApproval"));
        const auto& staff = sellerStaff_[org.sellerId == seller_id(0)   ? 0
                                         : org.sellerId == seller_id(1) ? 1
                                                                        : 2];
        const auto move = [&](OrderStatus to, std::string_view actorId) {
            const auto from = order.status;
            at += 15 * kMinuteMs;
            order.status = to;
            ++order.version;
            order.updatedAtMs = at;
            audit(at, actorId, core::to_string(to), "order", order.id,
                  status_json(core::to_string(from)), status_json(core::to_string(to)));
        };
        const auto decide = [&](OrderStatus to) {
            move(to, staff.id);
            order.decidedById = staff.id;
            order.decidedByName = staff.name;
            order.decidedAtMs = order.updatedAtMs;
        };
        if (status == OrderStatus::Rejected) {
            order.rejectionReason =
                org.status == OrgStatus::Blocked
                    ? std::string(core::kRejectedBySuspensionReason)
                    : std::string(pick(kRejectionReasons, static_cast<std::size_t>(k)));
            decide(OrderStatus::Rejected);
        } else if (status != OrderStatus::PendingApproval) {
            decide(OrderStatus::Approved);
            if (status != OrderStatus::Approved)
                move(OrderStatus::Provisioning, "system");
            if (status == OrderStatus::Failed) {
                order.failureReason =
                    "The vendor refused the tenant domain. Contact support to provision it.";
                move(OrderStatus::Failed, "system");
            } else if (status == OrderStatus::Provisioned) {
                move(OrderStatus::Provisioned, "system");
                std::vector<std::string> ids;
                for (std::size_t l = 0; l < order.lines.size(); ++l)
                    ids.push_back(newId_());
                for (auto& subscription : core::subscriptions_for(order, ids, at)) {
                    audit(at, "system", "create", "subscription", subscription.id, "",
                          status_json("Active"));
                    seed_.subscriptions.push_back(std::move(subscription));
                    ++org.subscriptionCount;
                }
            }
        }
        seed_.orders.push_back(std::move(order));
    }

    std::string distributorId_;
    std::int64_t nowMs_;
    const IdGenerator& newId_;
    std::string tag_;
    std::vector<Staff> sellerStaff_;
    TenantSeed seed_;
};

}  // namespace

TenantSeed sandbox_tenant(const std::string& distributorId, std::int64_t nowMs,
                          const SandboxSize& size, const IdGenerator& newId) {
    return TenantBuilder(distributorId, nowMs, newId).build(size);
}

}  // namespace orgdesk::platform

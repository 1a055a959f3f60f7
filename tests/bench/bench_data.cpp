// orgdesk-bench-data: what the benchmarks (scripts/bench.sh) need from inside the platform.
//
//   seed DB ORGS APPROVABLE SAMPLES_JSON IDS_FILE
//       adds ORGS generated customer organizations to demo seller one (the tenant the list and
//       search benchmarks read) and APPROVABLE New ones to demo seller two (the approve
//       benchmark's), each with its search keys, in one transaction straight through SQL (the
//       service would take minutes for a million). The database must hold the demo data already
//       (orgdesk-server --demo made it). Writes a few organizations' search keys, with a name
//       search that fills a page, to SAMPLES_JSON and the approvable ids, one a line, to IDS_FILE.
//   approve DB IDS_FILE SECONDS
//       approves the organizations of IDS_FILE in order for SECONDS, each as the server does it
//       (OrganizationService::change_status by seller2@demo.test: one conditional write with its
//       audit event), and prints {"approved": n, "seconds": s, "perSecond": r}.
#include <SQLiteCpp/SQLiteCpp.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/search.hpp"
#include "platform/change_feed.hpp"
#include "platform/demo_data.hpp"
#include "platform/organization_service.hpp"
#include "platform/sqlite_store.hpp"

namespace {

using orgdesk::core::OrgStatus;

constexpr std::array<const char*, 32> kFirstWords{
    "Amber",  "Birch",   "Cobalt",  "Delta",  "Ember", "Fjord",  "Granite", "Harbor",
    "Iron",   "Juniper", "Kestrel", "Linden", "Maple", "Nordic", "Onyx",    "Polar",
    "Quartz", "Raven",   "Summit",  "Tidal",  "Umber", "Vale",   "Willow",  "Xenon",
    "Yarrow", "Zephyr",  "Aurora",  "Boreal", "Cedar", "Dune",   "Eagle",   "Falcon"};
constexpr std::array<const char*, 32> kSecondWords{
    "Analytics", "Bakery",   "Clinics",  "Dental",   "Energy",     "Foods",    "Games",
    "Hotels",    "Imaging",  "Joinery",  "Kitchens", "Logistics",  "Media",    "Nursing",
    "Optics",    "Printing", "Quarries", "Robotics", "Shipping",   "Textiles", "Utilities",
    "Vineyards", "Wellness", "Yachts",   "Zoology",  "Architects", "Brewing",  "Catering",
    "Dairy",     "Events",   "Freight",  "Gardens"};
constexpr std::array<const char*, 8> kSuffixes{"AB", "GmbH",   "Ltd", "Oy",
                                               "AS", "S.r.l.", "KG",  "Inc"};
constexpr std::array<const char*, 4> kSegments{"SMB", "Enterprise", "Education", "Public Sector"};

std::uint64_t mix(std::uint64_t x) {  // splitmix64: ids spread over the index like real UUIDs
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

std::string uuid_of(std::uint64_t n, char variant) {
    const auto h = mix(n);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%08x-%04x-4%03x-%c%03x-%012llx",
                  static_cast<unsigned>(h >> 32), static_cast<unsigned>(h >> 16) & 0xFFFF,
                  static_cast<unsigned>(h) & 0xFFF, variant, static_cast<unsigned>(h >> 4) & 0xFFF,
                  static_cast<unsigned long long>(n));
    return buffer;
}

OrgStatus status_for(std::uint64_t n) {  // 30% New, 40% Active, 10% each of the others
    constexpr std::array<OrgStatus, 10> pattern{
        OrgStatus::New,    OrgStatus::Active,  OrgStatus::Active,   OrgStatus::New,
        OrgStatus::Active, OrgStatus::Blocked, OrgStatus::Rejected, OrgStatus::New,
        OrgStatus::Active, OrgStatus::Deleted};
    return pattern[n % pattern.size()];
}

orgdesk::core::Organization make_organization(std::uint64_t n, bool approvable,
                                              std::int64_t nowMs) {
    orgdesk::core::Organization o;
    const auto h = mix(n * 7 + 3);
    o.id = uuid_of(n, approvable ? '9' : '8');
    o.name = std::string(kFirstWords[h % 32]) + " " + kSecondWords[(h >> 5) % 32] + " " +
             kSuffixes[(h >> 10) % 8] + " " + std::to_string(n);
    o.segment = kSegments[(h >> 13) % 4];
    o.status = approvable ? OrgStatus::New : status_for(n);
    o.ownershipType = orgdesk::core::OwnershipType::Customer;
    const std::string email = "owner" + std::to_string(n) + "@bench.example";
    o.owner = orgdesk::core::Person{"Owner " + std::to_string(n), email};
    o.billing = {o.name, "Bench street " + std::to_string(n % 1000), "SE",
                 "SE" + std::to_string(100000000 + n), email};
    o.primaryContact = {"Contact " + std::to_string(n), "CFO", "+46 8 555 " + std::to_string(n)};
    o.customerReference = "CR-B" + std::to_string(1000000 + n);
    o.externalContract = "EC-B-" + std::to_string(2000000 + n);
    o.purchasedNumbers = {"+4690" + std::to_string(10000000 + n)};
    o.distributorId = std::string(orgdesk::platform::kDemoDistributorId);
    o.sellerId = std::string(approvable ? orgdesk::platform::kDemoSellerTwoId
                                        : orgdesk::platform::kDemoSellerOneId);
    o.version = 1;
    // A minute apart, all older than the demo's own customers.
    o.createdAtMs = nowMs - 400LL * 24 * 3600 * 1000 - static_cast<std::int64_t>(n) * 60000;
    o.updatedAtMs = o.createdAtMs;
    return o;
}

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// A name search that fills a page of the benchmark's lists (50, as server.mjs asks) where the
// data allows: the longest run of the name's first words that at least 51 organizations of its
// status match, else its first word. The generator has only 1,024 two-word names, so a two-word
// name matches about ten organizations at 10,000 and a thousand at 1,000,000: the same words
// would compare a one-row answer with a full page, not the cost of a search at two sizes.
struct NameQuery {
    std::string text;
    int matches = 0;  // organizations of the sample's status
};

NameQuery page_filling_name_query(SQLite::Database& db, const std::string& name,
                                  const std::string& status) {
    constexpr int kPageAndOne = 51;
    SQLite::Statement count(db,
                            "SELECT count(DISTINCT org_id) FROM organization_search_keys "
                            "WHERE status = ? AND seller_id = ? AND key >= ? AND key < ?");
    const auto matches = [&](const std::string& words) {
        const auto key = orgdesk::core::normalize_search_text(words);
        count.bind(1, status);
        count.bind(2, std::string(orgdesk::platform::kDemoSellerOneId));
        count.bind(3, key);
        count.bind(4, orgdesk::core::prefix_upper_bound(key));
        count.executeStep();
        const int n = count.getColumn(0).getInt();
        count.reset();
        return n;
    };
    NameQuery query;
    query.text = name.substr(0, name.find(' '));
    query.matches = matches(query.text);
    for (auto end = name.find(' '); end != std::string::npos; end = name.find(' ', end + 1)) {
        const auto words = name.substr(0, name.find(' ', end + 1));
        const int n = matches(words);
        if (n < kPageAndOne)
            break;
        query = {words, n};
    }
    return query;
}

int seed(const std::string& dbPath, std::uint64_t orgs, std::uint64_t approvable,
         const std::string& samplesPath, const std::string& idsPath) {
    SQLite::Database db(dbPath, SQLite::OPEN_READWRITE);
    // Throwaway data written once: no journal and no syncing, and a cache (1 GB) that holds the
    // indexes while they are built (in WAL mode a million rows spilled gigabytes to the log).
    db.exec("PRAGMA journal_mode = OFF");
    db.exec("PRAGMA synchronous = OFF");
    db.exec("PRAGMA cache_size = -1000000");
    if (!db.execAndGet("SELECT count(*) FROM partners WHERE id = '" +
                       std::string(orgdesk::platform::kDemoSellerOneId) + "'")
             .getInt()) {
        std::cerr << "orgdesk-bench-data: " << dbPath
                  << " has no demo data: start orgdesk-server --demo on it once first.\n";
        return 1;
    }
    std::int64_t providerId =
        db.execAndGet("SELECT coalesce(max(provider_id), 0) FROM organizations").getInt64();
    SQLite::Transaction tx(db);
    SQLite::Statement insert(
        db,
        "INSERT INTO organizations (id, name, segment, status, ownership_type, owner_name, "
        "owner_email, billing_company, billing_address, billing_country, billing_tax_id, "
        "billing_email, contact_name, contact_role, contact_phone, customer_reference, "
        "external_contract, purchased_numbers, buyer_tags, distributor_id, seller_id, "
        "subscription_count, user_count, version, created_at, updated_at, provider_id) "
        "VALUES (?, ?, ?, ?, 'Customer', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, 0, 0, "
        "1, ?, ?, ?)");
    // A key carries its organization's scope, status and creation time (the store's migration 6).
    SQLite::Statement key(db,
                          "INSERT INTO organization_search_keys (key, org_id, distributor_id, "
                          "seller_id, status, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    const auto nowMs = now_ms();
    nlohmann::json samples = nlohmann::json::array();
    std::ofstream ids(idsPath);
    for (std::uint64_t i = 0; i < orgs + approvable; ++i) {
        const bool forApproval = i >= orgs;
        const auto o = make_organization(forApproval ? i - orgs : i, forApproval, nowMs);
        int c = 1;
        insert.bind(c++, o.id);
        insert.bind(c++, o.name);
        insert.bind(c++, o.segment);
        insert.bind(c++, std::string(orgdesk::core::to_string(o.status)));
        insert.bind(c++, o.owner->name);
        insert.bind(c++, o.owner->email);
        for (const auto* text :
             {&o.billing.company, &o.billing.address, &o.billing.country, &o.billing.taxId,
              &o.billing.email, &o.primaryContact.name, &o.primaryContact.role,
              &o.primaryContact.phone, &o.customerReference, &o.externalContract}) {
            insert.bind(c++, *text);
        }
        insert.bind(c++, nlohmann::json(o.purchasedNumbers).dump());
        insert.bind(c++, o.distributorId);
        insert.bind(c++, o.sellerId);
        insert.bind(c++, static_cast<std::int64_t>(o.createdAtMs));
        insert.bind(c++, static_cast<std::int64_t>(o.updatedAtMs));
        insert.bind(c++, ++providerId);
        insert.exec();
        insert.reset();
        for (const auto& k : orgdesk::core::search_keys(o)) {
            key.bind(1, k);
            key.bind(2, o.id);
            key.bind(3, o.distributorId);
            key.bind(4, o.sellerId);
            key.bind(5, std::string(orgdesk::core::to_string(o.status)));
            key.bind(6, static_cast<std::int64_t>(o.createdAtMs));
            key.exec();
            key.reset();
        }
        if (forApproval) {
            ids << o.id << '\n';
        } else if (o.status != OrgStatus::Deleted && i % (orgs / 20 + 1) == 7) {
            samples.push_back({{"id", o.id},
                               {"name", o.name},
                               {"status", orgdesk::core::to_string(o.status)},
                               {"purchasedNumber", o.purchasedNumbers.front()},
                               {"customerReference", o.customerReference},
                               {"externalContract", o.externalContract}});
        }
    }
    tx.commit();
    db.exec("ANALYZE");
    db.exec("PRAGMA journal_mode = WAL");  // as the server keeps it
    for (auto& sample : samples) {
        const auto query = page_filling_name_query(db, sample["name"].get<std::string>(),
                                                   sample["status"].get<std::string>());
        sample["nameQuery"] = query.text;
        sample["nameQueryMatches"] = query.matches;
    }
    std::ofstream(samplesPath) << samples.dump(2) << '\n';
    return 0;
}

int approve(const std::string& dbPath, const std::string& idsPath, double seconds) {
    orgdesk::platform::SqliteStore store(dbPath);
    const auto user = store.find_user_by_username("seller2@demo.test");
    if (!user) {
        std::cerr << "orgdesk-bench-data: " << dbPath << " has no user seller2@demo.test.\n";
        return 1;
    }
    orgdesk::platform::ChangeFeed changes;
    orgdesk::platform::OrganizationService service(
        store, now_ms, orgdesk::platform::random_uuid_generator(), &changes);
    std::ifstream in(idsPath);
    std::vector<std::string> ids;
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            ids.push_back(line);
    const auto start = std::chrono::steady_clock::now();
    const auto deadline = start + std::chrono::duration<double>(seconds);
    std::uint64_t approved = 0;
    for (const auto& id : ids) {
        if (std::chrono::steady_clock::now() >= deadline)
            break;
        if (service.change_status(user->principal, id, orgdesk::core::OrgAction::Approve).ok())
            ++approved;
    }
    const double took =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << nlohmann::json{{"approved", approved},
                                {"seconds", took},
                                {"perSecond", took > 0 ? static_cast<double>(approved) / took : 0}}
                     .dump()
              << '\n';
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    try {
        if (args.size() == 6 && args[0] == "seed")
            return seed(args[1], std::stoull(args[2]), std::stoull(args[3]), args[4], args[5]);
        if (args.size() == 4 && args[0] == "approve")
            return approve(args[1], args[2], std::stod(args[3]));
    } catch (const std::exception& e) {
        std::cerr << "orgdesk-bench-data: " << e.what() << '\n';
        return 1;
    }
    std::cerr << "usage: orgdesk-bench-data seed DB ORGS APPROVABLE SAMPLES_JSON IDS_FILE\n"
                 "       orgdesk-bench-data approve DB IDS_FILE SECONDS\n";
    return 2;
}

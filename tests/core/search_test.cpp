#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "core/search.hpp"

namespace orgdesk::core {
namespace {

Organization searchable() {
    Organization o;
    o.id = "C0FFEE00-0000-4000-8000-000000000001";
    o.name = "Bäckerei Müller GmbH";
    o.purchasedNumbers = {"+4689555001", "+4689555002"};
    o.customerReference = "CR-10001";
    o.externalContract = "EC-2026-501";
    return o;
}

TEST(Search, FindsByEachOfTheFiveKeys) {
    const auto o = searchable();
    EXPECT_TRUE(matches_search(o, "c0ffee00-0000-4000-8000-000000000001"));  // UUID
    EXPECT_TRUE(matches_search(o, "bäckerei"));                              // name
    EXPECT_TRUE(matches_search(o, "Müller"));                                // a later word
    EXPECT_TRUE(matches_search(o, "+4689555002"));                           // purchased number
    EXPECT_TRUE(matches_search(o, " cr-10001 "));                            // customer reference
    EXPECT_TRUE(matches_search(o, "EC-2026"));                               // external contract
    EXPECT_FALSE(matches_search(o, "gmbh bäckerei"));
    EXPECT_FALSE(matches_search(o, "CR-2"));
    EXPECT_TRUE(matches_search(o, ""));
}

TEST(Search, KeysAreNormalizedAndUnique) {
    Organization o;
    o.name = "Acme Acme";
    o.customerReference = "ACME";
    EXPECT_EQ(search_keys(o), (std::vector<std::string>{"acme", "acme acme"}));
}

// The rule as search_keys states it: a query matches when it is a prefix of one of the keys.
bool matches_by_keys(const Organization& org, std::string_view query) {
    const auto q = normalize_search_text(query);
    const auto keys = search_keys(org);
    return q.empty() || std::any_of(keys.begin(), keys.end(), [&q](const std::string& key) {
               return key.compare(0, q.size(), q) == 0;
           });
}

// Text made of the pieces that make search hard: case, spaces of every kind, UTF-8, repeats.
std::string tricky_text(std::mt19937& random) {
    static const char* const kPieces[] = {"a",  "A",      "b",      "Bä",  "ä",    "Ä",  " ",
                                          "  ", "\t",     "\n",     "-",   "1",    "10", "cr-",
                                          "CR", "müller", "MÜLLER", "+46", "gmbh", "x y"};
    std::uniform_int_distribution<std::size_t> piece(0, std::size(kPieces) - 1);
    std::uniform_int_distribution<int> length(0, 6);
    std::string text;
    for (int n = length(random); n > 0; --n)
        text += kPieces[piece(random)];
    return text;
}

TEST(Search, TheAllocationFreeRuleAgreesWithTheKeysOnManyOrganizationsAndQueries) {
    std::mt19937 random(20261201);
    int matched = 0;
    int compared = 0;
    for (int o = 0; o < 400; ++o) {
        Organization org;
        org.id = tricky_text(random);
        org.name = tricky_text(random);
        for (int n = o % 3; n > 0; --n)
            org.purchasedNumbers.push_back(tricky_text(random));
        org.customerReference = tricky_text(random);
        org.externalContract = tricky_text(random);
        // Queries: every prefix of every key, as typed in other case and with spaces around,
        // and unrelated text.
        std::vector<std::string> queries;
        for (const auto& key : search_keys(org)) {
            for (std::size_t n = 0; n <= key.size(); ++n) {
                std::string prefix = key.substr(0, n);
                queries.push_back(prefix);
                std::transform(prefix.begin(), prefix.end(), prefix.begin(), [](char c) {
                    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
                });
                queries.push_back(" " + prefix + "\t");
            }
        }
        for (int n = 0; n < 40; ++n)
            queries.push_back(tricky_text(random));
        for (const auto& query : queries) {
            const bool expected = matches_by_keys(org, query);
            ASSERT_EQ(matches_search(org, query), expected)
                << "name '" << org.name << "', reference '" << org.customerReference << "', query '"
                << query << "'";
            ASSERT_EQ(matches_normalized_search(org, normalize_search_text(query)), expected);
            matched += expected ? 1 : 0;
            ++compared;
        }
    }
    // Both outcomes were exercised often, so agreeing is not agreeing on "no".
    EXPECT_GT(matched, compared / 4);
    EXPECT_GT(compared - matched, compared / 10);
}

TEST(Search, UpperBoundSortsAfterEveryContinuation) {
    const auto bound = prefix_upper_bound("mü");
    EXPECT_LT(std::string("müller"), bound);
    EXPECT_LT(std::string("mü\xF0\x9F\x98\x80"), bound);
    EXPECT_GT(std::string("mv"), std::string("mü").substr(0, 1));
}

}  // namespace
}  // namespace orgdesk::core

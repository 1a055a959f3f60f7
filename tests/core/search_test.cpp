#include <gtest/gtest.h>

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

TEST(Search, UpperBoundSortsAfterEveryContinuation) {
    const auto bound = prefix_upper_bound("mü");
    EXPECT_LT(std::string("müller"), bound);
    EXPECT_LT(std::string("mü\xF0\x9F\x98\x80"), bound);
    EXPECT_GT(std::string("mv"), std::string("mü").substr(0, 1));
}

}  // namespace
}  // namespace orgdesk::core

// The webservice API's providerDomainName, derived from the organization's name.
#include <gtest/gtest.h>

#include "core/provider_domain.hpp"

namespace orgdesk::core {
namespace {

TEST(ProviderDomainName, LowercasesLettersKeepsDigitsAndDropsTheRest) {
    EXPECT_EQ(provider_domain_name("Northwind Traders"), "northwindtraders");
    EXPECT_EQ(provider_domain_name("Adler & Söhne KG"), "adlersohnekg");
    EXPECT_EQ(provider_domain_name("Castello Wines S.r.l."), "castellowinessrl");
    EXPECT_EQ(provider_domain_name("3M-Partners_2024 (EU)"), "3mpartners2024eu");
    EXPECT_EQ(provider_domain_name("mycompany"), "mycompany");
}

TEST(ProviderDomainName, SpellsLatinLettersWithDiacriticsInAscii) {
    EXPECT_EQ(provider_domain_name("Bäckerei Müller GmbH"), "backereimullergmbh");
    EXPECT_EQ(provider_domain_name("Ångström Optics AB"), "angstromopticsab");
    EXPECT_EQ(provider_domain_name("Straße"), "strasse");
    EXPECT_EQ(provider_domain_name("Klaipėda Łódź Œuvre Æsir Þór"), "klaipedalodzoeuvreaesirthor");
    EXPECT_EQ(provider_domain_name("Danube Textiles Kft. Győr"), "danubetextileskftgyor");
}

TEST(ProviderDomainName, DropsOtherScriptsAndMalformedUtf8) {
    EXPECT_EQ(provider_domain_name("Ωmega Logistics ООО"), "megalogistics");
    EXPECT_EQ(provider_domain_name("ab\xff\xc3"
                                   "cd"),
              "abcd");                                        // stray and truncated bytes
    EXPECT_EQ(provider_domain_name("a\xc0\xafz"), "az");      // overlong '/'
    EXPECT_EQ(provider_domain_name("a\xed\xa0\x80z"), "az");  // a surrogate
}

TEST(ProviderDomainName, FallsBackWhenNothingIsLeft) {
    EXPECT_EQ(provider_domain_name(""), kFallbackProviderDomainName);
    EXPECT_EQ(provider_domain_name("株式会社 — !!!"), kFallbackProviderDomainName);
}

TEST(ProviderDomainName, IsCutToOneDnsLabel) {
    const std::string longName(100, 'x');
    EXPECT_EQ(provider_domain_name(longName).size(), kMaxProviderDomainNameLength);
    // A two-letter spelling at the edge does not overflow.
    const std::string edge = std::string(62, 'a') + "ß";
    EXPECT_EQ(provider_domain_name(edge), std::string(62, 'a') + "s");
}

TEST(ProviderDomainName, IsStable) {
    EXPECT_EQ(provider_domain_name("Helios Solar Oy"), provider_domain_name("Helios Solar Oy"));
    EXPECT_EQ(provider_domain_name("HELIOS solar oy"), provider_domain_name("Helios Solar Oy"));
}

}  // namespace
}  // namespace orgdesk::core

// The CJK font is fetched once, the first time text needs it, and the atlas is rebuilt with the
// glyphs seen so far, all that arrived in between at once. Greek, Cyrillic and Latin Extended-A
// are in the first load's fonts but not in the first atlas: they need a rebuild, never a fetch.
#include <gtest/gtest.h>

#include "app/glyph_demand.hpp"

namespace orgdesk::app {
namespace {

using Font = GlyphDemand::Font;

TEST(GlyphDemand, Latin1TextAndTheUiPunctuationNeedNothing) {
    const GlyphDemand demand = note_text({}, R"({"name":"Zürichsee – Müller GmbH € · Ørsted…"})");
    EXPECT_EQ(demand, GlyphDemand{});
    EXPECT_EQ(next_glyph_action(demand), GlyphAction::None);
}

TEST(GlyphDemand, GreekCyrillicAndLatinExtendedTextNeedARebuildNotAFetch) {
    GlyphDemand demand = note_text({}, R"({"name":"Ωmega ООО Łódź","city":"\u0391\u03b8"})");
    EXPECT_EQ(demand.bundled.pending, (std::set<char32_t>{U'Ω', U'О', U'Ł', U'ź', U'Α', U'θ'}));
    EXPECT_TRUE(demand.fetched.pending.empty());
    EXPECT_EQ(next_glyph_action(demand), GlyphAction::RebuildAtlas);

    demand = atlas_rebuilt(demand);
    EXPECT_EQ(demand.bundled.inAtlas.size(), 6U);
    EXPECT_TRUE(demand.bundled.pending.empty());
    demand = note_text(demand, "ООО Ωmega");
    EXPECT_EQ(next_glyph_action(demand), GlyphAction::None) << "already in the atlas";
    EXPECT_EQ(demand.font, GlyphDemand::Font::Absent) << "nothing fetched";
}

TEST(GlyphDemand, BundledGlyphsAreDrawnWhileTheCjkFontIsOnItsWay) {
    GlyphDemand demand = note_text({}, "Ωmega 株式会社");
    EXPECT_EQ(next_glyph_action(demand), GlyphAction::FetchFont);
    demand = font_fetch_started(demand);
    EXPECT_EQ(next_glyph_action(demand), GlyphAction::RebuildAtlas) << "for Ω, without the font";
    demand = atlas_rebuilt(demand);
    EXPECT_EQ(demand.bundled.inAtlas, (std::set<char32_t>{U'Ω'}));
    EXPECT_EQ(demand.fetched.pending.size(), 4U) << "the ideographs wait for their font";
    EXPECT_EQ(next_glyph_action(demand), GlyphAction::None);

    demand = font_arrived(demand, true);
    EXPECT_EQ(next_glyph_action(demand), GlyphAction::RebuildAtlas);
    demand = atlas_rebuilt(demand);
    EXPECT_EQ(demand.fetched.inAtlas.size(), 4U);
    EXPECT_EQ(next_glyph_action(demand), GlyphAction::None);
}

TEST(GlyphDemand, JapaneseTextAsksForTheFontOnce) {
    GlyphDemand demand = note_text({}, "株式会社 テスト");
    EXPECT_EQ(demand.fetched.pending,
              (std::set<char32_t>{U'株', U'式', U'会', U'社', U'テ', U'ス', U'ト'}));
    EXPECT_EQ(next_glyph_action(demand), GlyphAction::FetchFont);

    demand = font_fetch_started(demand);
    EXPECT_EQ(next_glyph_action(demand), GlyphAction::None) << "not fetched a second time";
    demand = note_text(demand, "한국");  // more arrives while the font is on its way
    EXPECT_EQ(next_glyph_action(demand), GlyphAction::None);

    demand = font_arrived(demand, true);
    EXPECT_EQ(next_glyph_action(demand), GlyphAction::RebuildAtlas);
    demand = atlas_rebuilt(demand);
    EXPECT_EQ(demand.fetched.inAtlas.size(), 9U) << "all that waited, in one rebuild";
    EXPECT_TRUE(demand.fetched.pending.empty());
    EXPECT_EQ(next_glyph_action(demand), GlyphAction::None);
}

TEST(GlyphDemand, GlyphsAlreadyInTheAtlasAskForNoRebuild) {
    GlyphDemand demand = font_arrived(font_fetch_started(note_text({}, "株式会社")), true);
    demand = atlas_rebuilt(demand);
    demand = note_text(demand, "株式会社 株式会社");
    EXPECT_EQ(next_glyph_action(demand), GlyphAction::None);
    demand = note_text(demand, "有限会社");
    EXPECT_EQ(demand.fetched.pending, (std::set<char32_t>{U'有', U'限'}));
    EXPECT_EQ(next_glyph_action(demand), GlyphAction::RebuildAtlas);
}

TEST(GlyphDemand, JsonEscapesCountAsTheirCodePoints) {
    const GlyphDemand demand = note_text({}, R"({"name":"\u682a\u5F0F","note":"\u00fc\n\u12"})");
    EXPECT_EQ(demand.fetched.pending, (std::set<char32_t>{U'株', U'式'}));
}

TEST(GlyphDemand, DamagedUtf8IsSkippedNotMisread) {
    // A lone lead byte, a sequence cut short, then a good ideograph.
    const GlyphDemand demand = note_text({}, "\xE6 \xE6\xA0 \xE7\xA4\xBE");
    EXPECT_EQ(demand.fetched.pending, (std::set<char32_t>{U'社'}));
}

TEST(GlyphDemand, AFontThatFailedIsNotAskedForAgain) {
    GlyphDemand demand = font_arrived(font_fetch_started(note_text({}, "株")), false);
    EXPECT_EQ(demand.font, Font::Failed);
    demand = note_text(demand, "式");
    EXPECT_EQ(next_glyph_action(demand), GlyphAction::None);
}

TEST(GlyphDemand, OnlyTheRangesTheFontCarriesAreOnDemand) {
    EXPECT_TRUE(is_on_demand_glyph(U'　'));  // ideographic space
    EXPECT_TRUE(is_on_demand_glyph(U'ア'));
    EXPECT_TRUE(is_on_demand_glyph(U'한'));
    EXPECT_TRUE(is_on_demand_glyph(U'Ａ'));  // fullwidth A
    EXPECT_FALSE(is_on_demand_glyph(U'Ω'));
    EXPECT_FALSE(is_on_demand_glyph(U'😀'));  // beyond 16-bit glyph indexes
    EXPECT_TRUE(is_bundled_glyph(U'Ω'));
    EXPECT_TRUE(is_bundled_glyph(U'ж'));
    EXPECT_TRUE(is_bundled_glyph(U'ł'));
    EXPECT_FALSE(is_bundled_glyph(U'ü'));  // Latin-1: in the first atlas
    EXPECT_FALSE(is_bundled_glyph(U'€'));  // the UI's own: in the first atlas
}

}  // namespace
}  // namespace orgdesk::app

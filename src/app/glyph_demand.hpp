#pragma once
// Which glyphs beyond the first load's the text seen so far needs, and when to fetch the large
// font that has them (CJK: ideographs, kana, Hangul) and rebuild the font atlas with them. The
// first load ships Latin, Greek and Cyrillic only, so it stays small; the CJK font is fetched the
// first time text that needs it arrives, and the atlas then carries just the glyphs seen.
//
// The web front end notes every piece of text that enters the app (server answers, typed or
// pasted text, the address bar, the stored preferences): the cost is paid once per arrival, never
// per frame, however long the lists.
#include <set>
#include <string_view>
#include <utility>
#include <vector>

namespace orgdesk::app {

// Inclusive ranges of code points.
using GlyphRanges = std::vector<std::pair<char32_t, char32_t>>;

// What the on-demand CJK font carries (its subset at build time); all in the Basic Multilingual
// Plane, which is what ImGui's 16-bit glyph index covers.
const GlyphRanges& on_demand_glyph_ranges();
bool is_on_demand_glyph(char32_t c);

struct GlyphDemand {
    enum class Font { Absent, Fetching, Ready, Failed };
    Font font = Font::Absent;
    std::set<char32_t> inAtlas;  // on-demand glyphs the atlas was last built with
    std::set<char32_t> pending;  // seen since, not yet in the atlas

    bool operator==(const GlyphDemand&) const = default;
};

// Adds the on-demand code points of `text` (UTF-8, with JSON's \uXXXX escapes read as the code
// points they stand for) that the atlas lacks to `pending`.
GlyphDemand note_text(GlyphDemand demand, std::string_view text);

enum class GlyphAction { None, FetchFont, RebuildAtlas };
// Fetch once, when the first glyph is needed; rebuild once the font is there and new glyphs wait,
// all of them in one go. A font that failed to arrive is not asked for again in this page.
GlyphAction next_glyph_action(const GlyphDemand& demand);

GlyphDemand font_fetch_started(GlyphDemand demand);
GlyphDemand font_arrived(GlyphDemand demand, bool ok);
// The atlas now holds every glyph that was pending.
GlyphDemand atlas_rebuilt(GlyphDemand demand);

}  // namespace orgdesk::app

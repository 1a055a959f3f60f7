#pragma once
// Which glyphs beyond the first atlas the text seen so far needs, and when to fetch the large
// font that has some of them (CJK: ideographs, kana, Hangul) and rebuild the font atlas. Two kinds:
// - fetched: CJK, from a font the first load does not ship. It is fetched the first time text
//   that needs it arrives, and the atlas then carries just the glyphs seen.
// - bundled: Latin Extended-A, Greek and Cyrillic, in the first load's fonts but not in the first
//   atlas, which holds Latin-1 and the UI's own punctuation only: rasterizing every script of
//   three fonts was a large part of the time to the first frame. A rebuild adds those seen, in
//   the frame their text arrives, before it is drawn.
//
// The web front end notes every piece of text that enters the app (server answers, typed or
// pasted text, the address bar, the stored preferences): the cost is paid once per arrival, never
// per frame, however long the lists. The UI's own strings use no glyph of either kind.
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
// What the first load's fonts carry beyond the first atlas (Latin Extended-A, Greek, Cyrillic).
const GlyphRanges& bundled_glyph_ranges();
bool is_bundled_glyph(char32_t c);

// Glyphs of one kind seen so far: those the atlas was last built with, and those seen since.
struct SeenGlyphs {
    std::set<char32_t> inAtlas;
    std::set<char32_t> pending;

    bool operator==(const SeenGlyphs&) const = default;
};

struct GlyphDemand {
    enum class Font { Absent, Fetching, Ready, Failed };
    Font font = Font::Absent;  // the on-demand CJK font
    SeenGlyphs fetched;        // from that font
    SeenGlyphs bundled;        // from the first load's fonts

    bool operator==(const GlyphDemand&) const = default;
};

// Adds the code points of `text` (UTF-8, with JSON's \uXXXX escapes read as the code points they
// stand for) that need a rebuild, and that the atlas lacks, to their kind's `pending`.
GlyphDemand note_text(GlyphDemand demand, std::string_view text);

enum class GlyphAction { None, FetchFont, RebuildAtlas };
// Fetch once, when the first CJK glyph is needed; rebuild when bundled glyphs wait, or once the
// font is there and CJK glyphs wait, all of them in one go. A font that failed to arrive is not
// asked for again in this page.
GlyphAction next_glyph_action(const GlyphDemand& demand);

GlyphDemand font_fetch_started(GlyphDemand demand);
GlyphDemand font_arrived(GlyphDemand demand, bool ok);
// The atlas now holds every bundled glyph that was pending, and the CJK ones if the font is there.
GlyphDemand atlas_rebuilt(GlyphDemand demand);

}  // namespace orgdesk::app

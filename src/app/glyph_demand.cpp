#include "app/glyph_demand.hpp"

#include <algorithm>
#include <optional>

#include "core/utf8.hpp"

namespace orgdesk::app {
namespace {

std::optional<char32_t> hex4(std::string_view text, std::size_t at) {
    if (at + 4 > text.size())
        return std::nullopt;
    char32_t value = 0;
    for (std::size_t i = at; i < at + 4; ++i) {
        const char h = text[i];
        int digit = 0;
        if (h >= '0' && h <= '9') {
            digit = h - '0';
        } else if (h >= 'a' && h <= 'f') {
            digit = h - 'a' + 10;
        } else if (h >= 'A' && h <= 'F') {
            digit = h - 'A' + 10;
        } else {
            return std::nullopt;
        }
        value = (value << 4U) | static_cast<char32_t>(digit);
    }
    return value;
}

bool in_ranges(const GlyphRanges& ranges, char32_t c) {
    return std::any_of(ranges.begin(), ranges.end(),
                       [c](const auto& range) { return c >= range.first && c <= range.second; });
}

}  // namespace

const GlyphRanges& on_demand_glyph_ranges() {
    // Keep in step with CJK_UNICODES in emsdk-setup.sh, which cuts the font down to these.
    static const GlyphRanges ranges{
        {0x3000, 0x303F},  // CJK symbols and punctuation
        {0x3040, 0x30FF},  // hiragana, katakana
        {0x3100, 0x318F},  // bopomofo, Hangul compatibility jamo
        {0x31F0, 0x31FF},  // katakana phonetic extensions
        {0x3400, 0x4DBF},  // CJK unified ideographs extension A
        {0x4E00, 0x9FFF},  // CJK unified ideographs
        {0xAC00, 0xD7AF},  // Hangul syllables
        {0xF900, 0xFAFF},  // CJK compatibility ideographs
        {0xFF00, 0xFFEF},  // halfwidth and fullwidth forms
    };
    return ranges;
}

bool is_on_demand_glyph(char32_t c) {
    return in_ranges(on_demand_glyph_ranges(), c);
}

const GlyphRanges& bundled_glyph_ranges() {
    // Dear ImGui's Greek and Cyrillic ranges, less their Latin-1, which the first atlas has.
    static const GlyphRanges ranges{
        {0x0100, 0x017F},  // Latin Extended-A
        {0x0370, 0x03FF},  // Greek and Coptic
        {0x0400, 0x052F},  // Cyrillic, Cyrillic Supplement
        {0x2DE0, 0x2DFF},  // Cyrillic Extended-A
        {0xA640, 0xA69F},  // Cyrillic Extended-B
    };
    return ranges;
}

bool is_bundled_glyph(char32_t c) {
    return in_ranges(bundled_glyph_ranges(), c);
}

GlyphDemand note_text(GlyphDemand demand, std::string_view text) {
    std::size_t at = 0;
    while (at < text.size()) {
        std::optional<char32_t> c;
        if (text[at] == '\\' && at + 1 < text.size() && text[at + 1] == 'u') {
            c = hex4(text, at + 2);  // all glyphs of both kinds are in the BMP: no surrogate pairs
            at += c ? 6 : 2;
        } else if (static_cast<unsigned char>(text[at]) < 0xC4) {
            ++at;  // ASCII and Latin-1 (lead bytes C2, C3): nothing of either kind is below U+0100
            continue;
        } else {
            // A byte that starts no valid sequence is skipped: a damaged byte needs no glyph.
            const auto decoded = core::decode_utf8(text, at);
            at += std::max<std::size_t>(decoded.length, 1);
            if (decoded.length > 0)
                c = decoded.code;
        }
        if (!c)
            continue;
        SeenGlyphs* kind = is_bundled_glyph(*c)     ? &demand.bundled
                           : is_on_demand_glyph(*c) ? &demand.fetched
                                                    : nullptr;
        if (kind != nullptr && !kind->inAtlas.contains(*c))
            kind->pending.insert(*c);
    }
    return demand;
}

GlyphAction next_glyph_action(const GlyphDemand& demand) {
    const bool fetchedWait = !demand.fetched.pending.empty();
    if (fetchedWait && demand.font == GlyphDemand::Font::Absent)
        return GlyphAction::FetchFont;
    if (!demand.bundled.pending.empty() || (fetchedWait && demand.font == GlyphDemand::Font::Ready))
        return GlyphAction::RebuildAtlas;
    return GlyphAction::None;
}

GlyphDemand font_fetch_started(GlyphDemand demand) {
    demand.font = GlyphDemand::Font::Fetching;
    return demand;
}

GlyphDemand font_arrived(GlyphDemand demand, bool ok) {
    demand.font = ok ? GlyphDemand::Font::Ready : GlyphDemand::Font::Failed;
    return demand;
}

GlyphDemand atlas_rebuilt(GlyphDemand demand) {
    demand.bundled.inAtlas.merge(demand.bundled.pending);
    demand.bundled.pending.clear();
    if (demand.font == GlyphDemand::Font::Ready) {
        demand.fetched.inAtlas.merge(demand.fetched.pending);
        demand.fetched.pending.clear();
    }
    return demand;
}

}  // namespace orgdesk::app

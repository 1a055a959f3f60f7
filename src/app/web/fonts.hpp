#pragma once
#include <set>
#include <vector>

#include "app/views/ui.hpp"

namespace orgdesk::app::web {

// Loads the UI fonts (Inter, cut down at build time to Latin, Greek and Cyrillic) rasterized for
// `scale` device pixels per CSS pixel, so text stays crisp at any devicePixelRatio. The atlas
// holds Latin-1, the UI's punctuation and `bundledGlyphs`: the Greek, Cyrillic and Latin
// Extended-A glyphs seen so far.
// `extraFont` (a font file's bytes, may be empty) is merged into each font with just the glyphs of
// `extraGlyphs`: the CJK glyphs seen so far, fetched on demand.
views::Fonts load_fonts(float scale, const std::set<char32_t>& bundledGlyphs,
                        const std::vector<unsigned char>& extraFont,
                        const std::set<char32_t>& extraGlyphs);

}  // namespace orgdesk::app::web

#pragma once
// The CJK font, not part of the first load: fetched from the site the first time text needs it
// (see app/glyph_demand.hpp), kept in memory for every later rebuild of the font atlas.
#include <optional>
#include <vector>

namespace orgdesk::app::web {

// Starts the download; its arrival wakes the frame loop.
void fetch_on_demand_font();
// Once, after the download ended: true if the font arrived, false if it could not be had.
std::optional<bool> take_on_demand_font_arrival();
// The font file's bytes (empty until it arrived).
const std::vector<unsigned char>& on_demand_font();

}  // namespace orgdesk::app::web

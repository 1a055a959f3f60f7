#pragma once
#include "app/views/ui.hpp"

namespace orgdesk::app::web {

// Loads the UI fonts (Inter, cut down at build time to Latin, Greek and Cyrillic) rasterized for
// `scale` device pixels per CSS pixel, so text stays crisp at any devicePixelRatio.
views::Fonts load_fonts(float scale);

}  // namespace orgdesk::app::web

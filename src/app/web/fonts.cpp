#include "app/web/fonts.hpp"

#include <imgui.h>

namespace orgdesk::app::web {
namespace {

const ImWchar* glyph_ranges() {
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder builder;
        ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
        builder.AddRanges(atlas.GetGlyphRangesDefault());  // Basic Latin, Latin-1
        builder.AddRanges(atlas.GetGlyphRangesCyrillic());
        builder.AddRanges(atlas.GetGlyphRangesGreek());
        static const ImWchar extra[] = {0x0100, 0x017F,  // Latin Extended-A
                                        0x2000, 0x206F,  // punctuation: dashes, quotes, ...
                                        0x20A0, 0x20CF,  // currency signs
                                        0x2190, 0x21FF,  // arrows
                                        0};
        builder.AddRanges(extra);
        builder.BuildRanges(&ranges);
    }
    return ranges.Data;
}

ImFont* load(const char* path, float pixels) {
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    ImFont* font = ImGui::GetIO().Fonts->AddFontFromFileTTF(path, pixels, &config, glyph_ranges());
    if (font == nullptr)
        font = ImGui::GetIO().Fonts->AddFontDefault();  // never draw nothing
    return font;
}

}  // namespace

views::Fonts load_fonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    views::Fonts fonts;
    fonts.regular = load("/fonts/Inter-Regular.otf", 15.0F * scale);
    fonts.semibold = load("/fonts/Inter-SemiBold.otf", 15.0F * scale);
    fonts.heading = load("/fonts/Inter-SemiBold.otf", 22.0F * scale);
    io.Fonts->Build();
    return fonts;
}

}  // namespace orgdesk::app::web

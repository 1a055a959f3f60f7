#include "app/web/fonts.hpp"

#include <imgui.h>

namespace orgdesk::app::web {
namespace {

// Latin-1 and the punctuation, currency signs and arrows the UI itself writes, plus `bundled`
// (glyph_demand.hpp): rasterizing only these keeps the first frame's atlas small.
const ImWchar* glyph_ranges(const std::set<char32_t>& bundled) {
    static ImVector<ImWchar> ranges;  // kept until Build(), which reads them
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());  // Basic Latin, Latin-1
    static const ImWchar extra[] = {0x2000, 0x206F,  // punctuation: dashes, quotes, ...
                                    0x20A0, 0x20CF,  // currency signs
                                    0x2190, 0x21FF,  // arrows
                                    0};
    builder.AddRanges(extra);
    for (const char32_t c : bundled)
        builder.AddChar(static_cast<ImWchar>(c));  // all in the BMP (glyph_demand.cpp)
    ranges.clear();
    builder.BuildRanges(&ranges);
    return ranges.Data;
}

ImFont* load(const char* path, float pixels, const ImWchar* glyphs) {
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    ImFont* font = ImGui::GetIO().Fonts->AddFontFromFileTTF(path, pixels, &config, glyphs);
    if (font == nullptr)
        font = ImGui::GetIO().Fonts->AddFontDefault();  // never draw nothing
    return font;
}

// Merges the glyphs of `glyphs` from `file` into the font added last.
void merge(const std::vector<unsigned char>& file, const ImWchar* glyphs, float pixels) {
    ImFontConfig config;
    config.MergeMode = true;
    config.FontDataOwnedByAtlas = false;  // the atlas is rebuilt from the same bytes again
    config.OversampleH = 1;  // ideographs are wide and dense: sharper subpixel steps add little
    config.OversampleV = 1;
    // ImGui reads the file only; the const_cast is its API's, not a write.
    void* data =
        const_cast<unsigned char*>(file.data());  // NOLINT(cppcoreguidelines-pro-type-const-cast)
    ImGui::GetIO().Fonts->AddFontFromMemoryTTF(data, static_cast<int>(file.size()), pixels, &config,
                                               glyphs);
}

}  // namespace

views::Fonts load_fonts(float scale, const std::set<char32_t>& bundledGlyphs,
                        const std::vector<unsigned char>& extraFont,
                        const std::set<char32_t>& extraGlyphs) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    views::Fonts fonts;
    const ImWchar* glyphs = glyph_ranges(bundledGlyphs);
    // Kept until Build(), which reads the ranges.
    static ImVector<ImWchar> extraRanges;
    extraRanges.clear();
    if (!extraFont.empty() && !extraGlyphs.empty()) {
        ImFontGlyphRangesBuilder builder;
        for (const char32_t c : extraGlyphs)
            builder.AddChar(static_cast<ImWchar>(c));  // all in the BMP (glyph_demand.cpp)
        builder.BuildRanges(&extraRanges);
    }
    const auto add = [&](const char* path, float pixels) {
        ImFont* font = load(path, pixels, glyphs);
        if (!extraRanges.empty())
            merge(extraFont, extraRanges.Data, pixels);
        return font;
    };
    fonts.regular = add("/fonts/Inter-Regular.otf", 15.0F * scale);
    fonts.semibold = add("/fonts/Inter-SemiBold.otf", 15.0F * scale);
    fonts.heading = add("/fonts/Inter-SemiBold.otf", 22.0F * scale);
    io.Fonts->Build();
    return fonts;
}

}  // namespace orgdesk::app::web

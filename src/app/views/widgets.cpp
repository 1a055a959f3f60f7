#include "app/views/widgets.hpp"

#include <misc/cpp/imgui_stdlib.h>

#include "app/views/item_hooks.hpp"
#include "app/views/theme.hpp"

namespace orgdesk::app::views {

bool primary_button(const char* label, bool enabled, ImVec2 size) {
    ImGui::BeginDisabled(!enabled);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    ImGui::PushStyleColor(ImGuiCol_Border, palette::kAccent);
    const bool clicked = ImGui::Button(label, size);
    ImGui::PopStyleColor(2);
    ImGui::EndDisabled();
    return clicked && enabled;
}

bool secondary_button(const char* label, ImVec2 size) {
    ImGui::PushStyleColor(ImGuiCol_Button, palette::kSurface);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(243, 244, 246, 255));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, IM_COL32(229, 231, 235, 255));
    const bool clicked = ImGui::Button(label, size);
    ImGui::PopStyleColor(3);
    return clicked;
}

void status_chip(const Ui& ui, core::OrgStatus status) {
    const std::string_view text = core::to_string(status);
    const ImVec2 textSize = ImGui::CalcTextSize(text.data(), text.data() + text.size());
    const ImVec2 pad{ui.px(8), ui.px(2)};
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size{textSize.x + pad.x * 2, textSize.y + pad.y * 2};
    const ImU32 color = status_color(status);
    auto* draw = ImGui::GetWindowDrawList();
    ImVec4 tint = ImGui::ColorConvertU32ToFloat4(color);
    tint.w = 0.12F;
    draw->AddRectFilled(pos, {pos.x + size.x, pos.y + size.y}, ImGui::GetColorU32(tint),
                        size.y / 2);
    draw->AddText({pos.x + pad.x, pos.y + pad.y}, color, text.data(), text.data() + text.size());
    ImGui::Dummy(size);
    note_item(text);
}

std::optional<std::string> text_field(const char* id, const std::string& value, const char* hint,
                                      ImGuiInputTextFlags flags) {
    // ImGui edits its own copy while the field is active; the state changes only through the
    // event this returns.
    std::string edited = value;
    if (ImGui::InputTextWithHint(id, hint, &edited, flags) && edited != value)
        return edited;
    return std::nullopt;
}

void field_error(const std::vector<core::FieldError>& errors, std::string_view field) {
    for (const auto& e : errors) {
        if (e.field != field)
            continue;
        ImGui::PushStyleColor(ImGuiCol_Text, palette::kError);
        ImGui::TextWrapped("%s", e.message.c_str());
        ImGui::PopStyleColor();
        note_item(e.message);
    }
}

void muted_text(std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette::kMutedText);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopStyleColor();
}

void note_item(std::string_view label) {
    note_item_rect(label, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

const char* loading_dots() {
    static constexpr const char* kFrames[] = {".", "..", "..."};
    return kFrames[static_cast<int>(ImGui::GetTime() * 3) % 3];
}

}  // namespace orgdesk::app::views

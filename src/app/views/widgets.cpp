#include "app/views/widgets.hpp"

#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <cmath>

#include "app/views/item_hooks.hpp"
#include "app/views/theme.hpp"
#include "core/time_format.hpp"

namespace orgdesk::app::views {

bool primary_button(const char* label, bool enabled, ImVec2 size) {
    ImGui::BeginDisabled(!enabled);
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32_WHITE);
    ImGui::PushStyleColor(ImGuiCol_Border, palette().accent);
    const bool clicked = ImGui::Button(label, size);
    ImGui::PopStyleColor(2);
    ImGui::EndDisabled();
    return clicked && enabled;
}

bool secondary_button(const char* label, ImVec2 size) {
    ImGui::PushStyleColor(ImGuiCol_Button, palette().surface);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, palette().surfaceHovered);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, palette().surfaceActive);
    const bool clicked = ImGui::Button(label, size);
    ImGui::PopStyleColor(3);
    return clicked;
}

void wrap_unless_fits(float width) {
    if (ImGui::GetCursorPosX() + width > ImGui::GetContentRegionMax().x)
        ImGui::NewLine();
}

namespace {

// A rounded chip: `text` in `color` on a light tint of it (`tintAlpha`).
void chip(const Ui& ui, std::string_view text, ImU32 color, float tintAlpha = 0.12F) {
    const ImVec2 textSize = ImGui::CalcTextSize(text.data(), text.data() + text.size());
    const ImVec2 pad{ui.px(8), ui.px(2)};
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const ImVec2 size{textSize.x + pad.x * 2, textSize.y + pad.y * 2};
    auto* draw = ImGui::GetWindowDrawList();
    ImVec4 tint = ImGui::ColorConvertU32ToFloat4(color);
    tint.w = tintAlpha;
    draw->AddRectFilled(pos, {pos.x + size.x, pos.y + size.y}, ImGui::GetColorU32(tint),
                        size.y / 2);
    draw->AddText({pos.x + pad.x, pos.y + pad.y}, color, text.data(), text.data() + text.size());
    ImGui::Dummy(size);
    note_item(text);
}

}  // namespace

void status_chip(const Ui& ui, core::OrgStatus status) {
    chip(ui, core::to_string(status), status_color(status));
}

void order_status_chip(const Ui& ui, core::OrderStatus status) {
    float tint = 0.12F;
    if (status == core::OrderStatus::Provisioning) {
        // A slow pulse of the tint says "working on it"; it asks for frames only while drawn.
        tint = 0.10F + 0.14F * (0.5F + 0.5F * std::sin(static_cast<float>(ImGui::GetTime()) * 4));
        if (ui.keepAnimating)
            ui.keepAnimating();
    }
    chip(ui, core::display_name(status), order_status_color(status), tint);
}

void count_badge(const Ui& ui, int count, ImU32 color, ImVec2 rightCenter, std::string_view label) {
    const std::string text = std::to_string(count);
    const ImVec2 textSize = ImGui::CalcTextSize(text.c_str());
    const float height = textSize.y + ui.px(2);
    const float width = std::max(textSize.x + ui.px(14), height);
    const ImVec2 min{rightCenter.x - width, rightCenter.y - height / 2};
    const ImVec2 max{rightCenter.x, rightCenter.y + height / 2};
    auto* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(min, max, color, height / 2);
    draw->AddText({min.x + (width - textSize.x) / 2, min.y + ui.px(1)}, IM_COL32_WHITE,
                  text.c_str());
    note_item_rect(label, min, max);
}

void error_text(const std::string& message) {
    if (message.empty())
        return;
    ImGui::PushStyleColor(ImGuiCol_Text, palette().error);
    ImGui::TextWrapped("%s", message.c_str());
    ImGui::PopStyleColor();
    note_item(message);
}

void error_notice(const Ui& ui, const Notice& notice) {
    error_text(notice.text);
    if (notice.text.empty() || notice.reference.empty())
        return;
    const std::string reference = "Reference: " + notice.reference;
    muted_text(reference);
    note_item(reference);
    copy_button(ui, "Copy reference##notice-reference", notice.reference, "the reference");
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
        ImGui::PushStyleColor(ImGuiCol_Text, palette().error);
        ImGui::TextWrapped("%s", e.message.c_str());
        ImGui::PopStyleColor();
        note_item(e.message);
    }
}

void muted_text(std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette().mutedText);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopStyleColor();
}

void note_item(std::string_view label) {
    note_item_rect(label, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
}

void note_heading(std::string_view label, int level) {
    note_item(label);
    note_heading_text(level, label);
}

const char* loading_dots() {
    static constexpr const char* kFrames[] = {".", "..", "..."};
    return kFrames[static_cast<int>(ImGui::GetTime() * 3) % 3];
}

}  // namespace orgdesk::app::views

namespace orgdesk::app::views {

std::string order_number(std::string_view id) {
    return std::string(id.substr(id.size() > 8 ? id.size() - 8 : 0));
}

std::string short_time(std::int64_t unixMs) {
    std::string text = core::format_iso8601(unixMs).substr(0, 16);
    if (text.size() > 10)
        text[10] = ' ';
    return text;
}

std::string money_text(core::MinorUnits amount, std::string_view currency) {
    return core::format_amount(amount, currency) + " " + std::string(currency);
}

std::string tax_rate_text(int basisPoints) {
    std::string text = core::format_amount(basisPoints, "EUR");  // 2500 → "25.00"
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.')
        text.pop_back();
    return text + " %";
}

void amount_row(const std::string& label, core::MinorUnits amount, std::string_view currency) {
    const std::string value = money_text(amount, currency);
    muted_text(label);
    ImGui::SameLine(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(value.c_str()).x);
    ImGui::TextUnformatted(value.c_str());
    note_item(label + ": " + value);
}

void card(const char* title, const Ui& ui, float width, const std::function<void()>& body,
          const std::function<void()>& corner) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {ui.px(20), ui.px(16)});
    ImGui::BeginChild(title, {width, 0},
                      ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY |
                          ImGuiChildFlags_AlwaysUseWindowPadding);
    ImGui::PushFont(ui.fonts.semibold);
    ImGui::TextUnformatted(title);
    ImGui::PopFont();
    note_heading(title, 2);
    if (corner)
        corner();
    ImGui::Separator();
    body();
    ImGui::EndChild();
    ImGui::PopStyleVar();
}

void detail_row(const char* label, const std::string& value) {
    muted_text(label);
    ImGui::SameLine(ImGui::GetFontSize() * 10);
    ImGui::TextUnformatted(value.empty() ? "—" : value.c_str());
}

void copy_button(const Ui& ui, const char* label, const std::string& text, const char* what) {
    if (text.empty())
        return;
    ImGui::SameLine();
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, {ui.px(6), ui.px(1)});
    if (ImGui::SmallButton(label))
        ui.dispatch(CopyRequested{text, what});
    ImGui::PopStyleVar();
}

}  // namespace orgdesk::app::views

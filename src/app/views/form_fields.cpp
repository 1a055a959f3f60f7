#include "app/views/form_fields.hpp"

#include <imgui.h>

#include <string>

#include "app/views/theme.hpp"
#include "app/views/widgets.hpp"

namespace orgdesk::app::views {

void form_field(const Ui& ui, FormKind kind, const Form& form, OrgField field, const char* label,
                bool required, const char* hint, bool locked) {
    ImGui::TextUnformatted(label);
    if (required) {
        ImGui::SameLine(0, ui.px(2));
        ImGui::PushStyleColor(ImGuiCol_Text, palette().error);
        ImGui::TextUnformatted("*");
        ImGui::PopStyleColor();
    }
    ImGui::SetNextItemWidth(-1);
    const std::string id = std::string("##") + label;
    ImGui::BeginDisabled(locked);
    if (auto text = text_field(id.c_str(), form.texts[field], hint)) {
        ui.dispatch(FormFieldEdited{kind, field, *text});
    }
    ImGui::EndDisabled();
    if (locked)
        muted_text("Kept by your seller: ask them to change it.");
    field_error(form.fieldErrors, wire_name(field));
}

void form_error(const Ui& ui, const Form& form) {
    error_notice(ui, form.error);
}

bool begin_dialog(const Ui& ui, const char* id, std::string_view title, bool open, float width,
                  const Event& close) {
    if (open && !ImGui::IsPopupOpen(id))
        ImGui::OpenPopup(id);
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Appearing, {0.5F, 0.5F});
    ImGui::SetNextWindowSize({std::min(ui.px(width), viewport->Size.x - ui.px(24)), 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {ui.px(24), ui.px(20)});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, ui.px(10));
    const bool visible =
        ImGui::BeginPopupModal(id, nullptr,
                               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar);
    ImGui::PopStyleVar(2);
    if (!visible)
        return false;
    if (!open) {
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return false;
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Escape))
        ui.dispatch(close);
    ImGui::PushFont(ui.fonts.semibold);
    ImGui::TextUnformatted(title.data(), title.data() + title.size());
    ImGui::PopFont();
    note_heading(title, 2);
    ImGui::Separator();
    return true;
}

void end_dialog() {
    ImGui::EndPopup();
}

void dialog_buttons(const Ui& ui, bool busy, const char* confirm, bool danger,
                    const Event& confirmed, const Event& cancelled) {
    ImGui::Dummy({0, ui.px(6)});
    if (danger) {
        ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(220, 38, 38, 255));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(185, 28, 28, 255));
    }
    // Enter confirms from anywhere in the dialog, as a form's submit button does.
    const bool enter = ImGui::IsKeyPressed(ImGuiKey_Enter, false) ||
                       ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false);
    if (primary_button(confirm, !busy, {ui.px(150), ui.px(38)}) || (enter && !busy))
        ui.dispatch(confirmed);
    if (danger)
        ImGui::PopStyleColor(2);
    ImGui::SameLine();
    if (secondary_button("Cancel##dialog-cancel", {ui.px(100), ui.px(38)}))
        ui.dispatch(cancelled);
}

}  // namespace orgdesk::app::views

#pragma once
// Small drawing helpers shared by the views, so each look is defined once.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "app/views/ui.hpp"
#include "core/error.hpp"
#include "core/organization.hpp"

namespace orgdesk::app::views {

// A filled blue button; drawn greyed out and inert when disabled.
bool primary_button(const char* label, bool enabled = true, ImVec2 size = {});
// A white button with a border, for secondary actions.
bool secondary_button(const char* label, ImVec2 size = {});
// A rounded chip in the status's color.
void status_chip(const Ui& ui, core::OrgStatus status);
// A text field showing `value`; returns the new text when the person changed it.
std::optional<std::string> text_field(const char* id, const std::string& value,
                                      const char* hint = "", ImGuiInputTextFlags flags = 0);
// The message for `field`, in red, if there is one.
void field_error(const std::vector<core::FieldError>& errors, std::string_view field);
void muted_text(std::string_view text);
// Publishes the last drawn item under `label` for the browser tests and the screen-reader mirror.
void note_item(std::string_view label);
// "." ".." "..." in turn, for "Loading" states.
const char* loading_dots();

}  // namespace orgdesk::app::views

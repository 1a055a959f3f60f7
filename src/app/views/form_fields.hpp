#pragma once
// Labelled text fields bound to a form's OrgField, with the field's error beneath.
#include <string_view>

#include "app/views/ui.hpp"

namespace orgdesk::app::views {

// Draws "label" above a full-width text field; `required` adds a marker to the label.
void form_field(const Ui& ui, FormKind kind, const Form& form, OrgField field, const char* label,
                bool required = false, const char* hint = "");
// The form's overall error ("Organization is invalid."), in red.
void form_error(const Form& form);

// Starts the modal dialog `id` while `open`, titled `title`; closes it once state says so.
// Escape asks to close.
bool begin_dialog(const Ui& ui, const char* id, std::string_view title, bool open, float width);
void end_dialog();

}  // namespace orgdesk::app::views

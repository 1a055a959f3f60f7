#pragma once
// Labelled text fields bound to a form's OrgField, with the field's error beneath.
#include <string_view>

#include "app/views/ui.hpp"

namespace orgdesk::app::views {

// Draws "label" above a full-width text field; `required` adds a marker to the label. A
// `locked` field is shown but not editable, and says who keeps it.
void form_field(const Ui& ui, FormKind kind, const Form& form, OrgField field, const char* label,
                bool required = false, const char* hint = "", bool locked = false);
// The form's overall error ("Organization is invalid."), in red.
void form_error(const Ui& ui, const Form& form);

// Starts the modal dialog `id` while `open`, titled `title`; closes it once state says so.
// Escape asks to close with `close`.
bool begin_dialog(const Ui& ui, const char* id, std::string_view title, bool open, float width,
                  const Event& close = DialogClosed{});
void end_dialog();
// A dialog's buttons: the confirming one (red for destructive actions), inert while `busy`, and
// Cancel. Enter confirms, Escape (see begin_dialog) cancels.
void dialog_buttons(const Ui& ui, bool busy, const char* confirm, bool danger,
                    const Event& confirmed = DialogConfirmed{},
                    const Event& cancelled = DialogClosed{});

}  // namespace orgdesk::app::views

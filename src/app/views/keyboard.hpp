#pragma once
// The keyboard: shortcuts reported as KeyPressed events, the "?" panel that lists them, and
// which screens leave the arrow keys and Enter to ImGui's own navigation.
#include <imgui.h>

#include "app/views/ui.hpp"

namespace orgdesk::app::views {

// Reports this frame's shortcuts. Called once per frame, before the screen is drawn.
void read_shortcuts(const State& state, const Ui& ui);
// Whether `c` was typed this frame while no text field has the focus: a shortcut, not text.
bool typed_shortcut(ImWchar c);
// The same, and the character is not typed into the field the shortcut focuses.
bool take_shortcut(ImWchar c);
// Forms and dialogs move with Tab and the arrow keys and press a button with Enter or Space
// (ImGui's keyboard navigation); on lists and details the shortcuts own those keys.
bool wants_keyboard_navigation(const State& state);
// Scrolls a list to its cursor row (the item just drawn) when the arrow keys moved it away.
void follow_row_cursor(bool isCursorRow);
// The "?" panel, over everything while it is open.
void draw_shortcuts_help(const State& state, const Ui& ui);

}  // namespace orgdesk::app::views

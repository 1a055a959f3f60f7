#pragma once
// Small drawing helpers shared by the views, so each look is defined once.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "app/views/ui.hpp"
#include "core/error.hpp"
#include "core/money.hpp"
#include "core/order.hpp"
#include "core/organization.hpp"

namespace orgdesk::app::views {

// A filled blue button; drawn greyed out and inert when disabled.
bool primary_button(const char* label, bool enabled = true, ImVec2 size = {});
// A white button with a border, for secondary actions.
bool secondary_button(const char* label, ImVec2 size = {});
// Called after SameLine() and before an item `width` wide: starts a new line instead when the
// item would not fit on this one (rows of chips on a narrow screen).
void wrap_unless_fits(float width);
// A rounded chip in the status's color.
void status_chip(const Ui& ui, core::OrgStatus status);
// The same for an order, with its name for people ("Pending approval"); Provisioning pulses.
void order_status_chip(const Ui& ui, core::OrderStatus status);
// A small filled pill with a number ("3"), its right edge and middle at `rightCenter`, published
// under `label`.
void count_badge(const Ui& ui, int count, ImU32 color, ImVec2 rightCenter, std::string_view label);
// A message in red, published for the tests and the screen reader.
void error_text(const std::string& message);
// The same for a notice, then the server's reference for it ("Reference: …") and a button that
// copies the reference, for a person to quote when they ask for help.
void error_notice(const Ui& ui, const Notice& notice);
// A text field showing `value`; returns the new text when the person changed it.
std::optional<std::string> text_field(const char* id, const std::string& value,
                                      const char* hint = "", ImGuiInputTextFlags flags = 0);
// The message for `field`, in red, if there is one.
void field_error(const std::vector<core::FieldError>& errors, std::string_view field);
void muted_text(std::string_view text);
// Publishes the last drawn item under `label` for the browser tests and the screen-reader mirror.
void note_item(std::string_view label);
// The same for a heading (1: the screen's title, 2: a card's or dialog's), which also goes to
// the screen reader's list of the screen's headings.
void note_heading(std::string_view label, int level = 1);
// "." ".." "..." in turn, for "Loading" states.
const char* loading_dots();

// The short number people use for an order: the last eight characters of its id (random in a
// UUID v4; the demo data's ids differ only there).
std::string order_number(std::string_view id);
// "2026-11-22 17:42" (UTC), for tables and details.
std::string short_time(std::int64_t unixMs);
// "1250.00 EUR".
std::string money_text(core::MinorUnits amount, std::string_view currency);
// "25 %", "7.7 %" for a rate in basis points.
std::string tax_rate_text(int basisPoints);
// One line of a price summary: the label muted on the left, the amount at the right edge;
// published as "Total: 125.00 EUR".
void amount_row(const std::string& label, core::MinorUnits amount, std::string_view currency);
// A bordered card titled `title`, sized to its content; `corner` draws beside the title.
void card(const char* title, const Ui& ui, float width, const std::function<void()>& body,
          const std::function<void()>& corner = nullptr);
// A label in muted text and its value beside it, in a column of details.
void detail_row(const char* label, const std::string& value);
// A small "Copy id"-style button after the last item that puts `text` on the clipboard.
void copy_button(const Ui& ui, const char* label, const std::string& text, const char* what);

}  // namespace orgdesk::app::views

#pragma once
// How the stores write the values they keep as JSON text (lists of strings, an order's lines), so
// the SQLite and PostgreSQL stores read each other's documents the same way.
#include <string>
#include <vector>

#include "core/order.hpp"

namespace orgdesk::platform {

std::string to_json_array(const std::vector<std::string>& items);
// Anything but an array of strings reads as empty (non-strings are skipped).
std::vector<std::string> from_json_array(const std::string& text);

std::string lines_to_json(const std::vector<core::OrderLine>& lines);
std::vector<core::OrderLine> lines_from_json(const std::string& text);

}  // namespace orgdesk::platform

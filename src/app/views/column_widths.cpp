#include "app/views/column_widths.hpp"

#include <imgui_internal.h>

#include <cmath>

namespace orgdesk::app::views {
namespace {

// ImGui notes the column whose border is held in the frame before; the width it asked for is
// applied at this frame's BeginTable.
bool border_dragged(const ImGuiTable& table) {
    return table.ResizedColumn != -1 || table.LastResizedColumn != -1;
}

bool is_stretch(const ImGuiTableColumn& column) {
    return (column.Flags & ImGuiTableColumnFlags_WidthStretch) != 0;
}

const float* remembered(const OrgColumnWidths& widths, const ImGuiTableColumn& column) {
    const auto found = widths.find(static_cast<OrgSortColumn>(column.UserID));
    return found == widths.end() ? nullptr : &found->second;
}

}  // namespace

void keep_column_widths(const OrgColumnWidths& widths, const Ui& ui) {
    ImGuiTable* table = ImGui::GetCurrentTable();
    if (table == nullptr || widths.empty() || border_dragged(*table))
        return;
    // Fixed columns keep their width; stretch columns share the room left as their remembered
    // widths did (a wider window widens them alike), compared by share, not by pixels.
    float tableStretch = 0;
    float storedStretch = 0;
    bool allStretchKnown = true;
    for (int c = 0; c < table->ColumnsCount; ++c) {
        ImGuiTableColumn& column = table->Columns[c];
        const float* width = remembered(widths, column);
        if (!is_stretch(column)) {
            if (width != nullptr && std::abs(column.WidthRequest - ui.px(*width)) > 0.5F)
                column.WidthRequest = ui.px(*width);
            continue;
        }
        tableStretch += column.StretchWeight;
        storedStretch += width != nullptr ? *width : 0;
        allStretchKnown = allStretchKnown && width != nullptr;
    }
    if (!allStretchKnown || tableStretch <= 0 || storedStretch <= 0)
        return;
    bool differs = false;
    for (int c = 0; c < table->ColumnsCount; ++c) {
        const ImGuiTableColumn& column = table->Columns[c];
        if (is_stretch(column))
            differs = differs || std::abs(column.StretchWeight / tableStretch -
                                          *remembered(widths, column) / storedStretch) > 0.005F;
    }
    for (int c = 0; differs && c < table->ColumnsCount; ++c) {
        ImGuiTableColumn& column = table->Columns[c];
        if (is_stretch(column))
            column.StretchWeight = *remembered(widths, column);
    }
}

void report_column_widths(const OrgColumnWidths& widths, const Ui& ui) {
    const ImGuiTable* table = ImGui::GetCurrentTable();
    if (table == nullptr || !border_dragged(*table))
        return;
    OrgColumnWidths now;
    bool changed = false;
    for (int c = 0; c < table->ColumnsCount; ++c) {
        const ImGuiTableColumn& column = table->Columns[c];
        const float width = std::round(column.WidthGiven / ui.scale);
        now[static_cast<OrgSortColumn>(column.UserID)] = width;
        const float* before = remembered(widths, column);
        changed = changed || before == nullptr || std::abs(*before - width) >= 1.0F;
    }
    if (changed)
        ui.dispatch(OrganizationColumnsResized{std::move(now)});
}

}  // namespace orgdesk::app::views

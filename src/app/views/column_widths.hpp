#pragma once
// The organizations table keeps the column widths the person dragged (OrgColumnWidths, in the
// preferences): ImGui's own table memory is per table id and lost on reload, and the table's id
// changes with its sort. Call between the table's TableSetupColumn calls and its first row, and
// again after the header row.
#include "app/org_sort.hpp"
#include "app/views/ui.hpp"

namespace orgdesk::app::views {

// Gives the table the remembered widths where its own differ (a reload, a new table for a new
// sort), unless a border is being dragged. Columns set up with UserID = the OrgSortColumn.
void keep_column_widths(const OrgColumnWidths& widths, const Ui& ui);
// While a border is dragged, tells the state the widths it leaves (OrganizationColumnsResized).
void report_column_widths(const OrgColumnWidths& widths, const Ui& ui);

}  // namespace orgdesk::app::views

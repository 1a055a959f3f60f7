// The organizations list: search, status filter, and a table that loads more as it scrolls.
#include <imgui.h>

#include <string>

#include "app/views/column_widths.hpp"
#include "app/views/keyboard.hpp"
#include "app/views/theme.hpp"
#include "app/views/ui.hpp"
#include "app/views/widgets.hpp"
#include "core/time_format.hpp"

namespace orgdesk::app::views {
namespace {

void draw_filters(const OrganizationList& list, const Ui& ui) {
    const auto chip = [&](const char* name, std::optional<core::OrgStatus> status) {
        std::string label = name;
        if (status) {
            const auto count = list.counts.find(*status);
            label += " (" + std::to_string(count == list.counts.end() ? 0 : count->second) + ")";
        }
        label += std::string("##filter-") + name;
        wrap_unless_fits(ImGui::CalcTextSize(label.c_str(), nullptr, true).x +
                         ImGui::GetStyle().FramePadding.x * 2);
        const bool selected = list.statusFilter == status;
        if (!selected) {
            if (secondary_button(label.c_str()))
                ui.dispatch(StatusFilterChosen{status});
        } else {
            primary_button(label.c_str());
        }
        ImGui::SameLine();
    };
    chip("All", std::nullopt);
    for (const auto status : {core::OrgStatus::New, core::OrgStatus::Active,
                              core::OrgStatus::Blocked, core::OrgStatus::Rejected}) {
        chip(std::string(core::to_string(status)).c_str(), status);
    }
    ImGui::NewLine();
}

// A click on a column header: the table's sort specs change, and the state is told.
void report_sort(const OrganizationList& list, const Ui& ui) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (specs == nullptr || !specs->SpecsDirty)
        return;
    specs->SpecsDirty = false;
    std::optional<OrgSort> chosen;
    // A phone's table lacks the segment and date columns: their sort is kept, not undone.
    if (specs->SpecsCount == 0 && list.sort &&
        static_cast<int>(list.sort->column) >= ImGui::TableGetColumnCount())
        return;
    if (specs->SpecsCount > 0) {
        const ImGuiTableColumnSortSpecs& first = specs->Specs[0];
        chosen = OrgSort{static_cast<OrgSortColumn>(first.ColumnUserID),
                         first.SortDirection == ImGuiSortDirection_Descending};
    }
    if (chosen != list.sort)
        ui.dispatch(OrganizationSortChosen{chosen});
}

void draw_table(const OrganizationList& list, const Ui& ui) {
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersOuter |
                                       ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                       ImGuiTableFlags_Resizable | ImGuiTableFlags_Sortable |
                                       ImGuiTableFlags_SortTristate;
    // A phone keeps the name and the status; the segment and the date are on the profile.
    // The sort is part of the table's id: a new sort from the state (a click, the person's
    // remembered choice) starts a table that shows it, ImGui's own memory never overrides it.
    const bool narrow = ui.narrow();
    const std::string id = std::string(narrow ? "##organizations-narrow-" : "##organizations-") +
                           (list.sort ? to_text(*list.sort) : "server");
    if (!ImGui::BeginTable(id.c_str(), narrow ? 2 : 4, kFlags, {0, 0}))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    const auto column = [&list](const char* name, OrgSortColumn which, ImGuiTableColumnFlags flags,
                                float size) {
        if (list.sort && list.sort->column == which)
            flags |= ImGuiTableColumnFlags_DefaultSort |
                     (list.sort->descending ? ImGuiTableColumnFlags_PreferSortDescending
                                            : ImGuiTableColumnFlags_PreferSortAscending);
        ImGui::TableSetupColumn(name, flags, size, static_cast<ImGuiID>(which));
    };
    column("Name", OrgSortColumn::Name, ImGuiTableColumnFlags_WidthStretch, 3);
    column("Status", OrgSortColumn::Status, ImGuiTableColumnFlags_WidthFixed, ui.px(110));
    if (!narrow) {
        column("Segment", OrgSortColumn::Segment, ImGuiTableColumnFlags_WidthStretch, 1);
        column("Created", OrgSortColumn::Created, ImGuiTableColumnFlags_WidthFixed, ui.px(120));
    }
    keep_column_widths(list.columnWidths, ui);
    report_sort(list, ui);
    // The headers one by one, so each is published (a browser test clicks "Name").
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int c = 0; c < ImGui::TableGetColumnCount(); ++c) {
        ImGui::TableSetColumnIndex(c);
        const char* name = ImGui::TableGetColumnName(c);
        ImGui::TableHeader(name);
        note_item(name);
    }
    report_column_widths(list.columnWidths, ui);

    const float rowHeight = ui.px(30);
    // Centers the next cell's content of height `h` in the row.
    const auto center_vertically = [rowHeight](float h) {
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (rowHeight - h) / 2);
    };
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(list.items.size()));
    if (list.cursor >= 0)
        clipper.IncludeItemByIndex(list.cursor);  // drawn even when scrolled away, to scroll to
    while (clipper.Step()) {
        for (int row = clipper.DisplayStart; row < clipper.DisplayEnd; ++row) {
            const auto& org = list.items[static_cast<std::size_t>(row)].org;
            ImGui::TableNextRow(0, rowHeight);
            ImGui::TableNextColumn();
            const std::string label = org.name + "##row-" + org.id;
            ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, {0, 0.5F});
            if (ImGui::Selectable(label.c_str(), row == list.cursor,
                                  ImGuiSelectableFlags_SpanAllColumns, {0, rowHeight})) {
                ui.dispatch(OrganizationOpened{org.id});
            }
            follow_row_cursor(row == list.cursor);
            ImGui::PopStyleVar();
            ImGui::TableNextColumn();
            center_vertically(ImGui::GetTextLineHeight() + ui.px(4));
            status_chip(ui, org.status);
            if (narrow)
                continue;
            ImGui::TableNextColumn();
            center_vertically(ImGui::GetTextLineHeight());
            ImGui::TextUnformatted(org.segment.c_str());
            ImGui::TableNextColumn();
            center_vertically(ImGui::GetTextLineHeight());
            muted_text(core::format_date(org.createdAtMs));
        }
    }
    // Near the bottom: ask for the next page (update ignores this while one is on its way).
    if (list.nextCursor && ImGui::GetScrollY() >= ImGui::GetScrollMaxY() - ui.px(200)) {
        ui.dispatch(ListEndReached{});
    }
    if (list.pending) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        muted_text(std::string("Loading") + loading_dots());
    }
    ImGui::EndTable();
}

}  // namespace

void draw_organizations(const State& state, const Ui& ui) {
    const auto& list = state.list;
    ImGui::PushFont(ui.fonts.heading);
    ImGui::TextUnformatted("Organizations");
    ImGui::PopFont();
    note_heading("Organizations");
    if (state.session && core::may_create_organizations(state.session->user.role)) {
        const char* label = "+ New organization##create";
        const float buttonWidth =
            ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2;
        // Beside the heading when both fit, under it otherwise.
        if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ui.px(16) + buttonWidth <=
            ImGui::GetContentRegionMax().x)
            ImGui::SameLine(ImGui::GetContentRegionMax().x - buttonWidth);
        if (primary_button(label))
            ui.dispatch(CreateOrganizationClicked{});
    }

    ImGui::SetNextItemWidth(std::min(ui.px(520), ImGui::GetContentRegionAvail().x));
    if (take_shortcut('/')) {
        // The keyboard focus only lands within the window that has it: after a click elsewhere
        // (the rail, the top bar) that is another window, so this one takes it first.
        ImGui::SetWindowFocus();
        ImGui::SetKeyboardFocusHere();
    }
    if (auto text = text_field("##Search", list.search,
                               "Search by name, UUID, number, customer reference or contract")) {
        ui.dispatch(SearchEdited{*text});
    }
    draw_filters(list, ui);

    error_notice(ui, list.error);
    if (list.loaded && list.items.empty() && !list.pending) {
        muted_text(list.search.empty() && !list.statusFilter
                       ? "No customer organizations yet."
                       : "No organization matches. Try another search or the All filter.");
        return;
    }
    draw_table(list, ui);
}

}  // namespace orgdesk::app::views

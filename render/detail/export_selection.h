// What every exporter writes: the selected events in event order and the
// relations between them, with the helpers several formats share.
// Internal to render/export*.cpp.
#pragma once

#include "render/export.h"

#include <string>
#include <string_view>
#include <vector>

namespace eventgraph::detail {

struct ExportSelection {
  const EventGraph* graph = nullptr;
  std::string title;
  std::vector<EventIndex> events;        ///< sorted, unique
  std::vector<RelationIndex> relations;  ///< in the file's order
};

/// The first and last day the event's date covers, as YYYY-MM-DD; empty
/// for an end that is open or unknown.
std::string earliest_day(const Event& event);
std::string latest_day(const Event& event);

/// Actor names of an event, in its order ("Russia; Ukraine" when joined).
std::vector<std::string> actor_names(const EventGraph& graph, const Event& event);

/// One CSV cell: quoted when it holds a comma, quote or line break; a cell
/// starting with =, +, -, @, tab or carriage return gets a leading ' so a
/// spreadsheet shows it as text instead of running it as a formula.
std::string csv_cell(std::string_view text);

/// The items joined by ";", as CSV list cells and the importer read them.
std::string join_list(const std::vector<std::string>& items);

std::vector<ExportFile> write_graphml(const ExportSelection& s);
std::vector<ExportFile> write_gexf(const ExportSelection& s);
std::vector<ExportFile> write_timelinejs(const ExportSelection& s);
std::vector<ExportFile> write_cytoscape(const ExportSelection& s);
std::vector<ExportFile> write_dataset_json(const ExportSelection& s);
std::vector<ExportFile> write_csv_tables(const ExportSelection& s);
std::vector<ExportFile> write_neo4j(const ExportSelection& s);
/// Mermaid: an error diagnostic instead of files beyond Mermaid's limits.
std::vector<ExportFile> write_mermaid_timeline(const ExportSelection& s,
                                               std::vector<Diagnostic>& diagnostics);
std::vector<ExportFile> write_mermaid_flowchart(const ExportSelection& s,
                                                std::vector<Diagnostic>& diagnostics);

}  // namespace eventgraph::detail

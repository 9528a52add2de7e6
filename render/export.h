// Exporting a selection of the graph to the formats other tools read:
// GraphML, GEXF, TimelineJS, Mermaid, Cytoscape.js, Neo4j bulk-import CSV,
// plain CSV tables and eventgraph's own dataset JSON.
#pragma once

#include "engine/diagnostic.h"
#include "engine/event_graph.h"
#include "engine/relation.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph {

/// The formats `eventgraph export` writes.
enum class ExportFormat {
  graphml,            ///< GraphML for networkx, igraph, Gephi, yEd
  gexf,               ///< GEXF 1.3 with spells, for Gephi's timeline
  timelinejs,         ///< TimelineJS JSON {"title", "events"}
  mermaid_timeline,   ///< a Mermaid `timeline`
  mermaid_flowchart,  ///< a Mermaid `flowchart`
  cytoscape,          ///< Cytoscape.js JSON {"elements": {"nodes", "edges"}}
  neo4j,              ///< neo4j-admin import CSVs and a Cypher LOAD CSV script
  csv,                ///< an events table and a relations table
  json,               ///< the whole dataset (docs/eventgraph-dataset.schema.json)
};

/// "graphml", "gexf", "timelinejs", "mermaid-timeline", "mermaid-flowchart",
/// "cytoscape", "neo4j", "csv", "json".
std::string_view to_string(ExportFormat format);
/// The format named `name` (case-insensitive), or nullopt.
std::optional<ExportFormat> parse_export_format(std::string_view name);
/// Every format name, for help and "did you mean".
std::vector<std::string> export_format_names();

struct ExportOptions {
  ExportFormat format = ExportFormat::json;
  RelationKinds kinds = RelationKinds::all();  ///< relations written (both ends selected)
  std::string title;                           ///< empty: the event file's title
};

/// One file of an export. Formats of one file have an empty `name`; those of
/// several (neo4j, csv) name each: "events.csv", "relations.csv", ...
struct ExportFile {
  std::string name;
  std::string bytes;
};

struct ExportResult {
  std::vector<ExportFile> files;        ///< empty when there are errors
  std::vector<Diagnostic> diagnostics;  ///< errors (over a format's limit) and warnings
  std::string note;                     ///< "12 events, 9 relations"

  bool ok() const { return !files.empty(); }
};

/// Writes `events` (indices into `graph`, in any order; written in event
/// order) and the relations between them whose kind is in options.kinds.
/// The same input gives the same bytes. Never throws.
///
/// Example:
///   auto all = select(graph, EventFilter{});
///   ExportResult r = export_graph(graph, all, {.format = ExportFormat::graphml});
///   // r.files[0].bytes: <?xml ...?><graphml ...>
ExportResult export_graph(const EventGraph& graph, std::span<const EventIndex> events,
                          const ExportOptions& options);

}  // namespace eventgraph

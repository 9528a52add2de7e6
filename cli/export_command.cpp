#include "cli/export_command.h"

#include "cli/output_file.h"
#include "cli/query_support.h"
#include "cli/timeline_command.h"
#include "engine/filter.h"
#include "engine/suggest.h"
#include "engine/traversal.h"
#include "render/export.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <ostream>

namespace eventgraph::cli {

void ExportCommand::add_options(CLI::App& app) {
  app.add_option("format", options_.format,
                 "graphml, gexf, timelinejs, mermaid-timeline, mermaid-flowchart, cytoscape, "
                 "neo4j, csv or json")
      ->required();
  app.add_option("file", options_.file, "Event file (YAML)")->required();
  app.add_option("-o,--output", options_.output,
                 "Write here (default: standard output); for neo4j and csv, a folder to write "
                 "their files in");
  app.add_option("--title", options_.title, "Title (default: the event file's title)");
  app.add_option("--around", options_.around,
                 "Export the events within --depth steps of this event (repeatable)");
  app.add_option("--depth", options_.depth, "Steps from the --around events (default 1)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--via", options_.via,
                 "Relation kinds followed and written, such as causes,references (default: all)");
  add_filter_options(app, options_.filters);
}

int ExportCommand::run(Io& io) {
  const auto format = parse_export_format(options_.format);
  if (!format) {
    io.err << "eventgraph export: unknown format '" << options_.format << "'"
           << did_you_mean(options_.format, export_format_names())
           << "; formats: graphml, gexf, timelinejs, mermaid-timeline, mermaid-flowchart, "
              "cytoscape, neo4j, csv, json\n";
    return kExitUsage;
  }
  const bool several_files = *format == ExportFormat::neo4j || *format == ExportFormat::csv;
  if (several_files && options_.output.empty()) {
    io.err << "eventgraph export: " << options_.format
           << " writes several files: name a folder for them with -o\n";
    return kExitUsage;
  }
  ExportOptions options;
  options.format = *format;
  options.title = options_.title;
  if (!options_.via.empty()) {
    auto kinds = parse_via_or_explain(options_.via, io);
    if (!kinds) return kExitUsage;
    options.kinds = *kinds;
  }
  auto graph = load_graph(options_.file, io);
  if (!graph) return kExitInvalidData;
  const std::optional<EventFilter> filter = filter_or_explain(*graph, options_.filters, io);
  if (!filter) return kExitUsage;
  std::vector<EventIndex> selection;
  if (options_.around.empty()) {
    selection = select(*graph, *filter);
  } else {
    std::vector<EventIndex> seeds;
    for (const std::string& id : options_.around) {
      auto index = find_event_or_explain(*graph, id, io);
      if (!index) return kExitUsage;
      seeds.push_back(*index);
    }
    std::vector<EventIndex> reached;
    for (const Reached& r : neighbourhood(*graph, seeds, options_.depth, options.kinds).events) {
      reached.push_back(r.event);
    }
    selection = select(*graph, reached, *filter);
  }

  say_if_none_match(selection.size(), io);
  const ExportResult result = export_graph(*graph, selection, options);
  for (const Diagnostic& d : result.diagnostics) {
    io.err << "eventgraph export: " << (d.severity == Severity::error ? "error: " : "warning: ")
           << d.message << '\n';
    if (!d.hint.empty()) io.err << "  hint: " << d.hint << '\n';
  }
  if (!result.ok()) {
    io.err << "eventgraph export: nothing written\n";
    return kExitInvalidData;
  }
  if (options_.output.empty()) {
    io.out << result.files.front().bytes;
    io.err << "eventgraph export: " << result.note << '\n';
    return kExitOk;
  }
  namespace fs = std::filesystem;
  std::error_code error;
  if (several_files) fs::create_directories(options_.output, error);
  if (error) {
    io.err << "eventgraph export: cannot create the folder '" << options_.output
           << "': " << error.message() << '\n';
    return kExitInvalidData;
  }
  std::vector<OutputFile> files;
  std::string written;
  for (const ExportFile& file : result.files) {
    const fs::path path =
        file.name.empty() ? fs::path(options_.output) : fs::path(options_.output) / file.name;
    files.push_back({path, file.bytes});
    written += (written.empty() ? "" : ", ") + path.string();
  }
  // A folder of tables is written whole or not at all: no events.csv
  // without its relations.csv.
  if (std::string problem = write_files_atomically(files); !problem.empty()) {
    io.err << "eventgraph export: " << problem << "; nothing written\n";
    return kExitInvalidData;
  }
  io.err << "eventgraph export: " << result.note << " written to " << written << '\n';
  return kExitOk;
}

}  // namespace eventgraph::cli

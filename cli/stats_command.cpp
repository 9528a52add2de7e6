#include "cli/stats_command.h"

#include "engine/stats.h"
#include "render/json_writer.h"

#include <CLI/CLI.hpp>

#include <iomanip>
#include <ostream>

namespace eventgraph::cli {

void StatsCommand::add_options(CLI::App& app) {
  app.add_option("file", options_.file, "Event file (YAML)")->required();
  add_format_option(app, options_.format);
}

int StatsCommand::run(Io& io) {
  auto graph = load_graph(options_.file, io);
  if (!graph) return kExitInvalidData;
  const GraphStats s = compute_stats(*graph);
  if (options_.format == Format::json) {
    io.out << stats_json(options_.file, s);
    return kExitOk;
  }
  auto row = [&](std::string_view label, const std::string& value) {
    io.out << std::left << std::setw(24) << label << value << '\n';
  };
  row("events", std::to_string(s.events));
  row("actors", std::to_string(s.actors));
  row("sources", std::to_string(s.sources));
  for (RelationKind kind : kAllRelationKinds) {
    row(to_string(kind), std::to_string(s.relation_count(kind)));
  }
  row("disputed relations", std::to_string(s.disputed_relations));
  row("span", s.first_day ? format_day(*s.first_day) + " .. " + format_day(*s.last_day) : "-");
  row("events without sources", std::to_string(s.events_without_sources));
  row("connected components", std::to_string(s.components));
  return kExitOk;
}

}  // namespace eventgraph::cli

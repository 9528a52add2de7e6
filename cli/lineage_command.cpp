#include "cli/lineage_command.h"

#include "cli/query_support.h"
#include "engine/filter.h"
#include "engine/traversal.h"

#include <CLI/CLI.hpp>

#include <ostream>

namespace eventgraph::cli {

void LineageCommand::add_options(CLI::App& app) {
  app.add_option("file", options_.file, "Event file (YAML)")->required();
  app.add_option("id", options_.id, "Event id")->required();
  add_via_option(app, options_.via);
  app.add_option("--depth", options_.depth, "The most steps from the event (default: no limit)");
  add_filter_options(app, options_.filters);
  add_format_option(app, options_.format);
}

int LineageCommand::run(Io& io) {
  auto graph = load_graph(options_.file, io);
  if (!graph) return kExitInvalidData;
  return run_lineage(*graph, lineage_, options_, io);
}

int run_lineage(const EventGraph& graph, Lineage lineage, const LineageOptions& o, Io& io,
                JsonStyle style) {
  auto via = parse_via_or_explain(o.via, io);
  if (!via) return kExitUsage;
  auto filter = filter_or_explain(graph, o.filters, io);
  if (!filter) return kExitUsage;
  auto index = find_event_or_explain(graph, o.id, io);
  if (!index) return kExitUsage;

  TraversalOptions options;
  options.via = *via;
  options.depth = o.depth;
  std::vector<Reached> found = lineage == Lineage::ancestors ? ancestors(graph, *index, options)
                                                             : descendants(graph, *index, options);
  if (!filter->empty()) {
    std::erase_if(found,
                  [&](const Reached& r) { return !matches(graph, graph.event(r.event), *filter); });
  }

  const std::string cmd = lineage == Lineage::ancestors ? "ancestors" : "descendants";
  if (o.format == Format::json) {
    QueryEcho echo(cmd);
    echo.set("file", o.file)
        .set("id", o.id)
        .set("via", relation_kind_names(*via))
        .set("depth", o.depth ? EchoValue(std::int64_t{*o.depth}) : EchoValue(nullptr));
    echo_filter(o.filters, echo);
    io.out << reached_json(graph, echo, found, style);
    return kExitOk;
  }
  io.out << count_noun(found.size(), "event")
         << (lineage == Lineage::ancestors ? " led up to " : " followed from ")
         << terminal_safe(o.id) << " along " << join(relation_kind_names(*via));
  if (o.depth) io.out << ", at most " << count_noun(*o.depth, "step") << " away";
  io.out << (found.empty() ? "\n" : ":\n");
  TextTable table;
  for (const Reached& r : found) {
    std::vector<std::string> cells = event_cells(graph.event(r.event));
    cells.front().insert(0, "  ");
    cells.insert(cells.begin() + 2, std::to_string(r.distance));
    table.add(std::move(cells), 2);
  }
  table.print(io.out);
  return kExitOk;
}

}  // namespace eventgraph::cli

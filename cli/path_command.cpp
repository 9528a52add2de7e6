#include "cli/path_command.h"

#include "cli/query_support.h"
#include "engine/paths.h"

#include <CLI/CLI.hpp>

#include <ostream>

namespace eventgraph::cli {

namespace {

QueryEcho echo_of(const PathCommandOptions& o, RelationKinds via) {
  QueryEcho echo("path");
  echo.set("file", o.file)
      .set("from", o.from)
      .set("to", o.to)
      .set("via", relation_kind_names(via))
      .set("k", o.all ? EchoValue(nullptr) : EchoValue(static_cast<std::int64_t>(o.k)))
      .set("all", o.all)
      .set("max_length",
           o.all ? EchoValue(static_cast<std::int64_t>(o.max_length)) : EchoValue(nullptr))
      .set("undirected", o.undirected);
  return echo;
}

void print_text(const EventGraph& graph, const PathCommandOptions& o, RelationKinds via,
                const PathResult& result, std::ostream& out) {
  if (result.paths.empty()) {
    out << "no path from " << terminal_safe(o.from) << " to " << terminal_safe(o.to) << " along "
        << join(relation_kind_names(via)) << (o.undirected ? " (undirected)" : "") << '\n';
    return;
  }
  // One table for every path, so that columns line up across paths.
  TextTable table;
  for (std::size_t p = 0; p < result.paths.size(); ++p) {
    const Path& path = result.paths[p];
    if (p > 0) table.add_line("", 0);
    table.add_line("path " + std::to_string(p + 1) + " (" + count_noun(path.steps(), "step") + ")",
                   0);
    for (std::size_t i = 0; i < path.events.size(); ++i) {
      std::vector<std::string> cells = event_cells(graph.event(path.events[i]));
      cells.front().insert(0, "  ");
      table.add(std::move(cells));
      if (i == path.relations.size()) break;
      const Relation& relation = graph.relation(path.relations[i]);
      std::string line = step_arrow(relation, graph.event(path.events[i]).id);
      const std::string attribution = relation_attribution(relation);
      if (!attribution.empty()) line += "  (" + attribution + ")";
      table.add_line(line, 5);
    }
  }
  table.print(out);
  if (result.truncated) {
    out << "\n(more paths may exist: the search stopped at a cap; see docs/json.md)\n";
  }
}

}  // namespace

void PathCommand::add_options(CLI::App& app) {
  app.add_option("file", options_.file, "Event file (YAML)")->required();
  app.add_option("from", options_.from, "Id of the first event")->required();
  app.add_option("to", options_.to, "Id of the last event")->required();
  add_via_option(app, options_.via);
  auto* k = app.add_option("-k,--k", options_.k,
                           "How many paths, shortest first (at most " + std::to_string(kMaxK) + ")")
                ->default_str("1");
  auto* all = app.add_flag("--all", options_.all, "Every simple path up to --max-length steps");
  app.add_option("--max-length", options_.max_length,
                 "With --all: the most steps a path may take (default " +
                     std::to_string(kDefaultMaxLength) + ", at most " +
                     std::to_string(kMaxPathLength) + ")")
      ->needs(all);
  all->excludes(k);
  app.add_flag("--undirected", options_.undirected,
               "Follow relations both ways, to see how two events connect");
  add_format_option(app, options_.format);
}

int PathCommand::run(Io& io) {
  auto graph = load_graph(options_.file, io);
  if (!graph) return kExitInvalidData;
  return run_path(*graph, options_, io);
}

int run_path(const EventGraph& graph, const PathCommandOptions& o, Io& io, JsonStyle style) {
  auto via = parse_via_or_explain(o.via, io);
  if (!via) return kExitUsage;
  if (!o.all && (o.k < 1 || o.k > kMaxK)) {
    io.err << "eventgraph: --k must be between 1 and " << kMaxK << '\n';
    return kExitUsage;
  }
  if (o.all && (o.max_length < 1 || o.max_length > kMaxPathLength)) {
    io.err << "eventgraph: --max-length must be between 1 and " << kMaxPathLength << '\n';
    return kExitUsage;
  }
  auto from = find_event_or_explain(graph, o.from, io);
  if (!from) return kExitUsage;
  auto to = find_event_or_explain(graph, o.to, io);
  if (!to) return kExitUsage;

  PathOptions options;
  options.via = *via;
  options.undirected = o.undirected;
  const PathResult result = o.all ? all_simple_paths(graph, *from, *to, o.max_length, options)
                                  : k_shortest_paths(graph, *from, *to, o.k, options);
  if (o.format == Format::json) {
    io.out << paths_json(graph, echo_of(o, *via), result, style);
  } else {
    print_text(graph, o, *via, result, io.out);
  }
  return kExitOk;
}

}  // namespace eventgraph::cli

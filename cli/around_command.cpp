#include "cli/around_command.h"

#include "cli/query_support.h"
#include "engine/traversal.h"

#include <CLI/CLI.hpp>

#include <ostream>

namespace eventgraph::cli {

void AroundCommand::add_options(CLI::App& app) {
  app.add_option("file", options_.file, "Event file (YAML)")->required();
  app.add_option("ids", options_.ids, "Event ids")->required();
  app.add_option("--depth", options_.depth, "The most steps from any of the events")
      ->default_str("1");
  add_via_option(app, options_.via);
  add_format_option(app, options_.format);
}

int AroundCommand::run(Io& io) {
  auto graph = load_graph(options_.file, io);
  if (!graph) return kExitInvalidData;
  return run_around(*graph, options_, io);
}

int run_around(const EventGraph& graph, const AroundOptions& o, Io& io, JsonStyle style) {
  auto via = parse_via_or_explain(o.via, io);
  if (!via) return kExitUsage;
  if (o.ids.empty()) {
    io.err << "eventgraph: around needs at least one event id\n";
    return kExitUsage;
  }
  std::vector<EventIndex> seeds;
  for (const std::string& id : o.ids) {
    auto index = find_event_or_explain(graph, id, io);
    if (!index) return kExitUsage;
    seeds.push_back(*index);
  }
  const Neighbourhood around = neighbourhood(graph, seeds, o.depth, *via);
  if (o.format == Format::json) {
    QueryEcho echo("around");
    echo.set("file", o.file)
        .set("ids", o.ids)
        .set("depth", std::int64_t{o.depth})
        .set("via", relation_kind_names(*via));
    io.out << neighbourhood_json(graph, echo, around, style);
    return kExitOk;
  }
  io.out << count_noun(around.events.size(), "event") << " within " << count_noun(o.depth, "step")
         << " of " << terminal_safe(join(o.ids)) << " along " << join(relation_kind_names(*via))
         << ":\n";
  TextTable events;
  for (const Reached& r : around.events) {
    std::vector<std::string> cells = event_cells(graph.event(r.event));
    cells.front().insert(0, "  ");
    cells.insert(cells.begin() + 2, std::to_string(r.distance));
    events.add(std::move(cells), 2);
  }
  events.print(io.out);
  io.out << count_noun(around.relations.size(), "relation")
         << (around.relations.empty() ? "\n" : ":\n");
  TextTable relations;
  for (RelationIndex index : around.relations) {
    const Relation& r = graph.relation(index);
    relations.add(
        {"  " + r.from, std::string(to_string(r.kind)) + " ->", r.to, relation_attribution(r)});
  }
  relations.print(io.out);
  return kExitOk;
}

}  // namespace eventgraph::cli

#include "cli/contradictions_command.h"

#include "cli/query_support.h"
#include "engine/contradictions.h"
#include "engine/filter.h"

#include <CLI/CLI.hpp>

#include <ostream>

namespace eventgraph::cli {

namespace {

std::string claim_heading(const Event& event) {
  return event.actors.empty() ? event.id : event.id + " (" + join(event.actors) + ")";
}

}  // namespace

void ContradictionsCommand::add_options(CLI::App& app) {
  app.add_option("file", options_.file, "Event file (YAML)")->required();
  add_filter_options(app, options_.filters);
  app.add_flag("--touching", options_.touching,
               "Keep pairs with at least one claim that passes the filters (default: both)");
  add_format_option(app, options_.format);
}

int ContradictionsCommand::run(Io& io) {
  auto graph = load_graph(options_.file, io);
  if (!graph) return kExitInvalidData;
  return run_contradictions(*graph, options_, io);
}

int run_contradictions(const EventGraph& graph, const ContradictionsOptions& o, Io& io,
                       JsonStyle style) {
  auto filter = filter_or_explain(graph, o.filters, io);
  if (!filter) return kExitUsage;
  const std::vector<Contradiction> pairs =
      filter->empty() ? contradictions(graph)
                      : contradictions(graph, select(graph, *filter),
                                       o.touching ? PairScope::either : PairScope::both);
  if (o.format == Format::json) {
    QueryEcho echo("contradictions");
    echo.set("file", o.file);
    echo_filter(o.filters, echo);
    echo.set("touching", o.touching);
    io.out << contradictions_json(graph, echo, pairs, style);
    return kExitOk;
  }
  if (pairs.empty()) {
    io.out << "no contradictions\n";
    return kExitOk;
  }
  TextTable table;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const Contradiction& c = pairs[i];
    const Event& a = graph.event(c.a);
    const Event& b = graph.event(c.b);
    const Relation& relation = graph.relation(c.relation);
    if (i > 0) table.add_line("", 0);
    table.add_line(claim_heading(a) + " contradicts " + claim_heading(b), 0);
    table.add({"  " + a.date.text(), a.id, a.title});
    table.add({"  " + b.date.text(), b.id, b.title});
    std::vector<std::string> attribution;
    if (!relation.claimed_by.empty())
      attribution.push_back("claimed by " + join(relation.claimed_by));
    if (!relation.disputed_by.empty()) {
      attribution.push_back("disputed by " + join(relation.disputed_by));
    }
    attribution.push_back("sources: " + join(contradiction_sources(graph, c)));
    table.add_line(join(attribution, "; "), 2);
    if (!relation.note.empty()) table.add_line("note: " + relation.note, 2);
  }
  table.print(io.out);
  return kExitOk;
}

}  // namespace eventgraph::cli

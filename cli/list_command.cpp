#include "cli/list_command.h"

#include "cli/query_support.h"
#include "engine/filter.h"
#include "render/event_table.h"

#include <CLI/CLI.hpp>

#include <ostream>

namespace eventgraph::cli {

void ListCommand::add_options(CLI::App& app) {
  app.add_option("file", options_.file, "Event file (YAML)")->required();
  add_filter_options(app, options_.filters);
  add_format_option(app, options_.format, /*with_tables=*/true);
}

int ListCommand::run(Io& io) {
  auto graph = load_graph(options_.file, io);
  if (!graph) return kExitInvalidData;
  return run_list(*graph, options_, io);
}

int run_list(const EventGraph& graph, const ListOptions& options, Io& io, JsonStyle style) {
  auto filter = filter_or_explain(graph, options.filters, io);
  if (!filter) return kExitUsage;
  const std::vector<EventIndex> events = select(graph, *filter);
  say_if_none_match(events.size(), io);
  if (options.format == Format::json) {
    QueryEcho echo("list");
    echo.set("file", options.file);
    echo_filter(options.filters, echo);
    io.out << events_json(graph, echo, events, style);
    return kExitOk;
  }
  if (options.format == Format::csv) {
    io.out << events_csv(graph, events);
    return kExitOk;
  }
  if (options.format == Format::markdown) {
    io.out << events_markdown(graph, events);
    return kExitOk;
  }
  TextTable table;
  for (EventIndex e : events) table.add(event_cells(graph.event(e)));
  table.print(io.out);
  return kExitOk;
}

}  // namespace eventgraph::cli

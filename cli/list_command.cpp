#include "cli/list_command.h"

#include "cli/query_support.h"
#include "engine/filter.h"

#include <CLI/CLI.hpp>

#include <ostream>

namespace eventgraph::cli {

namespace {

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string day_or_empty(const std::optional<date::sys_days>& day) {
  return day ? format_day(*day) : std::string();
}

}  // namespace

void ListCommand::add_options(CLI::App& app) {
  app.add_option("file", options_.file, "Event file (YAML)")->required();
  add_filter_options(app, options_.filters);
  add_format_option(app, options_.format, /*with_csv=*/true);
}

int ListCommand::run(Io& io) {
  auto graph = load_graph(options_.file, io);
  if (!graph) return kExitInvalidData;
  return run_list(*graph, options_, io);
}

std::string events_csv(const EventGraph& graph, std::span<const EventIndex> events) {
  std::string csv = "id,date,earliest,latest,precision,kind,title,actors,place,tags,sources\r\n";
  for (EventIndex index : events) {
    const Event& e = graph.event(index);
    const std::string fields[] = {e.id,
                                  e.date.text(),
                                  day_or_empty(e.date.earliest()),
                                  day_or_empty(e.date.latest()),
                                  std::string(to_string(e.date.precision())),
                                  e.kind,
                                  e.title,
                                  join(e.actors, ";"),
                                  e.place,
                                  join(e.tags, ";"),
                                  join(e.sources, ";")};
    for (std::size_t i = 0; i < std::size(fields); ++i) {
      if (i) csv += ',';
      csv += csv_field(fields[i]);
    }
    csv += "\r\n";
  }
  return csv;
}

int run_list(const EventGraph& graph, const ListOptions& options, Io& io, JsonStyle style) {
  auto filter = filter_or_explain(graph, options.filters, io);
  if (!filter) return kExitUsage;
  const std::vector<EventIndex> events = select(graph, *filter);
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
  TextTable table;
  for (EventIndex e : events) table.add(event_cells(graph.event(e)));
  table.print(io.out);
  if (events.empty()) io.err << "no events match\n";
  return kExitOk;
}

}  // namespace eventgraph::cli

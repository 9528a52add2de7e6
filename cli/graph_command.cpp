#include "cli/graph_command.h"

#include "cli/output_file.h"
#include "cli/query_support.h"
#include "engine/filter.h"
#include "engine/traversal.h"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <numeric>
#include <ostream>
#include <system_error>

namespace eventgraph::cli {

void GraphCommand::add_options(CLI::App& app) {
  app.add_option("file", options_.file, "Event file (YAML)")->required();
  app.add_option("-o,--output", options_.output,
                 "Write the diagram to this file (its extension chooses the format); "
                 "default: standard output");
  app.add_option_function<std::string>(
         "--format",
         [this](const std::string& name) { options_.format = parse_diagram_format(name); },
         "svg, png, pdf or dot (default: from the output's extension, else svg)")
      ->check(CLI::IsMember({"svg", "png", "pdf", "dot", "gv"}, CLI::ignore_case));
  app.add_option_function<std::string>(
         "--layout",
         [this](const std::string& name) { options_.graph.layout = *parse_diagram_layout(name); },
         "auto, dot, neato, fdp, sfdp or time (default: auto: dot for small selections, "
         "time above --time-layout-above events)")
      ->check(CLI::IsMember({"auto", "automatic", "dot", "neato", "fdp", "sfdp", "time"},
                            CLI::ignore_case));
  app.add_option("--time-layout-above", options_.graph.time_layout_above,
                 "With --layout auto, use the time layout above this many events")
      ->default_val(options_.graph.time_layout_above)
      ->check(CLI::NonNegativeNumber);
  app.add_option("--title", options_.graph.title, "Title (default: the event file's title)");
  app.add_option_function<std::string>(
         "--rankdir",
         [this](const std::string& name) { options_.graph.rankdir = *parse_rank_direction(name); },
         "Direction time runs in the dot layout: LR (default), TB, RL or BT")
      ->check(CLI::IsMember({"LR", "TB", "RL", "BT"}, CLI::ignore_case));
  app.add_option_function<std::string>(
         "--theme",
         [this](const std::string& name) {
           options_.graph.theme = name == "dark" ? Theme::dark : Theme::light;
         },
         "light (default) or dark")
      ->check(CLI::IsMember({"light", "dark"}));
  app.add_flag_callback(
      "--no-legend", [this] { options_.graph.legend = false; }, "Leave out the legend");
  app.add_option("--around", options_.around,
                 "Draw the events within --depth steps of this event (repeatable)");
  app.add_option("--depth", options_.depth, "Steps from the --around events (default 1)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--via", options_.via,
                 "Relation kinds followed and drawn, such as causes,references (default: all)");
  add_filter_options(app, options_.filters);
}

int GraphCommand::run(Io& io) {
  RelationKinds kinds = RelationKinds::all();
  if (!options_.via.empty()) {
    auto parsed = parse_via_or_explain(options_.via, io);
    if (!parsed) return kExitUsage;
    kinds = *parsed;
  }
  DiagramFormat format = DiagramFormat::svg;
  if (options_.format) {
    format = *options_.format;
  } else if (!options_.output.empty()) {
    auto by_extension = diagram_format_for_path(options_.output);
    if (!by_extension) {
      io.err << "eventgraph graph: cannot tell the format from '" << options_.output
             << "'; use .svg, .png, .pdf or .dot, or --format\n";
      return kExitUsage;
    }
    format = *by_extension;
  }

  auto graph = load_graph(options_.file, io);
  if (!graph) return kExitInvalidData;

  const std::optional<EventFilter> filter = filter_or_explain(*graph, options_.filters, io);
  if (!filter) return kExitUsage;
  std::vector<EventIndex> selection;
  GraphOptions graph_options = options_.graph;
  if (options_.around.empty()) {
    selection = select(*graph, *filter);
  } else {
    std::vector<EventIndex> seeds;
    std::string names;
    for (const std::string& id : options_.around) {
      auto index = find_event_or_explain(*graph, id, io);
      if (!index) return kExitUsage;
      seeds.push_back(*index);
      names += (names.empty() ? "“" : "”, “") + graph->event(*index).title;
    }
    std::vector<EventIndex> reached;
    for (const Reached& r : neighbourhood(*graph, seeds, options_.depth, kinds).events) {
      reached.push_back(r.event);
    }
    selection = select(*graph, reached, *filter);
    if (graph_options.title.empty()) {
      graph_options.title =
          graph->title() + ": around " + names + "” (" + count_noun(options_.depth, "step") + ")";
    }
  }

  say_if_none_match(selection.size(), io);
  graph_options.format = format;
  graph_options.kinds = kinds;
  DiagramResult diagram = render_diagram(*graph, selection, graph_options);
  for (const Diagnostic& d : diagram.diagnostics) io.err << format_diagnostic_line(d) << '\n';
  if (!diagram.ok()) return kExitInvalidData;
  io.err << "eventgraph graph: " << diagram.note << '\n';
  if (options_.output.empty()) {
    io.out.write(diagram.bytes.data(), static_cast<std::streamsize>(diagram.bytes.size()));
    return kExitOk;
  }
  if (std::string error = write_file_atomically(options_.output, diagram.bytes); !error.empty()) {
    io.err << "eventgraph graph: " << error << '\n';
    return kExitInvalidData;
  }
  return kExitOk;
}

}  // namespace eventgraph::cli

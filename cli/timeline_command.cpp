#include "cli/timeline_command.h"

#include "cli/output_file.h"
#include "engine/filter.h"
#include "render/raster.h"
#include "render/timeline.h"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <map>
#include <ostream>
#include <system_error>

namespace eventgraph::cli {

namespace {

enum class OutputKind { svg, png, pdf };

std::optional<OutputKind> output_kind(const std::string& path) {
  std::string extension = std::filesystem::path(path).extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (extension == ".svg") return OutputKind::svg;
  if (extension == ".png") return OutputKind::png;
  if (extension == ".pdf") return OutputKind::pdf;
  return std::nullopt;
}

// A choice among names, mapped to an enum. CLI::CheckedTransformer would
// also accept the enum's numbers ("--lanes 1") and list them in --help.
template <typename Enum>
CLI::Option* add_choice(CLI::App& app, const std::string& name, Enum& target,
                        const std::map<std::string, Enum>& choices, const std::string& help) {
  std::vector<std::string> names;
  for (const auto& [choice, value] : choices) names.push_back(choice);
  return app
      .add_option_function<std::string>(
          name,
          [&target, choices](const std::string& given) {
            std::string lower = given;
            for (char& c : lower)
              c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            target = choices.at(lower);
          },
          help)
      ->check(CLI::IsMember(names, CLI::ignore_case));
}

}  // namespace

void TimelineCommand::add_options(CLI::App& app) {
  TimelineOptions& t = options_.timeline;
  app.add_option("file", options_.file, "Event file (YAML)")->required();
  app.add_option("-o,--output", options_.output,
                 "Write to this file: .svg, .png (librsvg, 2x) or .pdf (librsvg + cairo); "
                 "default: SVG to standard output");
  app.add_option("--title", t.title, "Title (default: the event file's title)");
  app.add_option("--width", t.width, "Design width in pixels (default 1200)")
      ->check(CLI::Validator(
          [](std::string& text) {
            // CLI::Range lets NaN through (every comparison with it is false).
            const double width = std::strtod(text.c_str(), nullptr);
            return width >= 480.0 && width <= 20000.0
                       ? std::string()
                       : "Value " + text + " not in range [480 - 20000]";
          },
          "FLOAT in [480 - 20000]"));
  add_choice(app, "--lanes", t.lanes,
             {{"none", LaneMode::none},
              {"actor", LaneMode::actor},
              {"affiliation", LaneMode::affiliation},
              {"kind", LaneMode::kind},
              {"tag", LaneMode::tag}},
             "Group events into lanes by actor, affiliation (default), kind, tag, or none");
  app.add_flag("--lanes-repeat", t.lanes_repeat,
               "Draw an event in every lane it belongs to (default: only its first)");
  add_choice(app, "--relations", t.relations,
             {{"none", RelationSelection::none},
              {"causes", RelationSelection::causes},
              {"all", RelationSelection::all}},
             "Relations drawn: none, causes, or all (default)");
  add_choice(
      app, "--theme", t.theme,
      {{"auto", ThemeMode::automatic}, {"light", ThemeMode::light}, {"dark", ThemeMode::dark}},
      "Colours: auto (default: light, dark where the reader prefers dark), light or dark");
  add_choice(app, "--compress", t.compression,
             {{"auto", Compression::automatic}, {"on", Compression::on}, {"off", Compression::off}},
             "Axis breaks for long empty stretches: auto (default), on (more eagerly) or off");
  add_choice(app, "--scale", t.axis_scale, {{"linear", AxisScale::linear}, {"log", AxisScale::log}},
             "Time axis: linear (default), or log (years before the end, for deep time)");
  // The query commands' filters; --from and --to also set the view's window.
  add_filter_options(app, options_.filters);
}

int TimelineCommand::run(Io& io) {
  std::optional<OutputKind> kind = OutputKind::svg;
  if (!options_.output.empty()) kind = output_kind(options_.output);
  if (!kind) {
    io.err << "eventgraph timeline: cannot tell the format from '" << options_.output
           << "'; use .svg, .png or .pdf\n";
    return kExitUsage;
  }
  auto graph = load_graph(options_.file, io);
  if (!graph) return kExitInvalidData;
  const std::optional<EventFilter> filter = filter_or_explain(*graph, options_.filters, io);
  if (!filter) return kExitUsage;
  TimelineOptions timeline = options_.timeline;
  if (filter->from) timeline.from = *filter->from;
  if (filter->to) timeline.to = *filter->to;
  const std::vector<EventIndex> selection = select(*graph, *filter);
  say_if_none_match(selection.size(), io);
  if (!fonts_exact()) {
    io.err << "eventgraph timeline: warning: DejaVu Sans not found in " << kDejaVuDir
           << "; labels are spaced by estimate (install fonts-dejavu-core)\n";
  }
  std::string bytes = render_timeline_svg(*graph, selection, timeline);
  if (*kind != OutputKind::svg) {
    RasterResult raster =
        convert_svg(bytes, *kind == OutputKind::png ? RasterFormat::png : RasterFormat::pdf);
    if (!raster.ok()) {
      io.err << "eventgraph timeline: " << raster.error << '\n';
      return kExitInvalidData;
    }
    bytes = std::move(raster.bytes);
  }
  if (options_.output.empty()) {
    io.out << bytes;
    return kExitOk;
  }
  if (std::string failed = write_file_atomically(options_.output, bytes); !failed.empty()) {
    io.err << "eventgraph timeline: " << failed << '\n';
    return kExitInvalidData;
  }
  return kExitOk;
}

}  // namespace eventgraph::cli

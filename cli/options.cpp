#include "cli/options.h"

#include "engine/suggest.h"

#include <CLI/CLI.hpp>

#include <map>
#include <sstream>

namespace eventgraph::cli {

namespace {

constexpr const char* kVersion = "eventgraph 0.1.0 (event file format 1)";

void add_format(CLI::App& command, Format& format, bool csv = false) {
  std::map<std::string, Format> names{{"text", Format::text}, {"json", Format::json}};
  if (csv) names.emplace("csv", Format::csv);
  command.add_option("--format", format, "Output format")
      ->transform(CLI::CheckedTransformer(names, CLI::ignore_case))
      ->default_str("text");
}

}  // namespace

CommandLine parse_command_line(const std::vector<std::string>& args) {
  CLI::App app{"eventgraph: timelines and event graphs from YAML event files", "eventgraph"};
  app.set_version_flag("--version", kVersion);
  app.require_subcommand(1);
  app.fallthrough(false);

  CheckCommand check;
  CLI::App* check_app =
      app.add_subcommand("check", "Validate event files; diagnostics go to stderr");
  check_app->add_option("files", check.files, "Event files (YAML)")->required();
  add_format(*check_app, check.format);

  DateCommand date;
  CLI::App* date_app = app.add_subcommand("date", "Show how EDTF date strings are understood");
  date_app->add_option("dates", date.dates, "EDTF strings, e.g. 2022-21 or 2025-10/..")->required();
  add_format(*date_app, date.format);

  StatsCommand stats;
  CLI::App* stats_app = app.add_subcommand("stats", "Count events, actors, sources and relations");
  stats_app->add_option("file", stats.file, "Event file (YAML)")->required();
  add_format(*stats_app, stats.format);

  CommandLine result;
  // CLI11 wants the arguments last-first.
  std::vector<std::string> reversed(args.rbegin(), args.rend());
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    std::ostringstream out, err;
    result.exit_code = app.exit(e, out, err) == 0 ? kExitOk : kExitUsage;
    result.message = result.exit_code == kExitOk ? out.str() : err.str();
    if (result.exit_code != kExitOk && !args.empty() && !args.front().starts_with("-")) {
      std::vector<std::string> names;
      for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        names.push_back(sub->get_name());
      }
      const bool known = std::find(names.begin(), names.end(), args.front()) != names.end();
      if (!known) {
        result.message = "eventgraph: unknown command '" + args.front() + "'" +
                         did_you_mean(args.front(), names) + "\nRun with --help for the list.\n";
      }
    }
    return result;
  }
  if (check_app->parsed()) result.command = check;
  if (date_app->parsed()) result.command = date;
  if (stats_app->parsed()) result.command = stats;
  return result;
}

}  // namespace eventgraph::cli

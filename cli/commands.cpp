#include "cli/commands.h"

#include "engine/loader.h"
#include "engine/stats.h"
#include "render/json_writer.h"

#include <algorithm>
#include <iomanip>
#include <ostream>

namespace eventgraph::cli {

namespace {

void print_diagnostics(const LoadResult& result, std::ostream& err) {
  for (const Diagnostic& d : result.diagnostics) err << format_diagnostic(d, result.source);
}

std::string count(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

int run_check(const CheckCommand& command, std::ostream& out, std::ostream& err) {
  std::vector<FileReport> reports;
  bool valid = true;
  for (const std::string& file : command.files) {
    LoadResult result = load_file(file);
    valid = valid && result.ok();
    if (command.format == Format::json) {
      reports.push_back({file, std::move(result.diagnostics)});
      continue;
    }
    print_diagnostics(result, err);
    const auto warnings = static_cast<std::size_t>(
        std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                      [](const Diagnostic& d) { return d.severity == Severity::warning; }));
    if (result.ok()) {
      out << file << ": valid, " << count(result.graph->events().size(), "event") << ", "
          << count(result.graph->relations().size(), "relation") << ", "
          << count(warnings, "warning") << '\n';
    } else {
      err << file << ": invalid, " << count(result.diagnostics.size() - warnings, "error") << ", "
          << count(warnings, "warning") << '\n';
    }
  }
  if (command.format == Format::json) out << check_json(reports);
  return valid ? kExitOk : kExitInvalidData;
}

int run_date(const DateCommand& command, std::ostream& out, std::ostream& err) {
  bool valid = true;
  for (const std::string& text : command.dates) valid = valid && parse_edtf(text).ok();
  if (command.format == Format::json) {
    out << dates_json(command.dates);
    return valid ? kExitOk : kExitInvalidData;
  }
  std::size_t width = 4;
  for (const std::string& text : command.dates) width = std::max(width, text.size());
  for (const std::string& text : command.dates) {
    EdtfParseResult parsed = parse_edtf(text);
    if (!parsed.ok()) {
      err << "eventgraph: " << parsed.error << '\n';
      continue;
    }
    const EdtfDate& d = parsed.date;
    auto end = [](Bound bound, date::sys_days day) {
      return bound == Bound::known ? format_day(day) : "(" + std::string(to_string(bound)) + ")";
    };
    out << std::left << std::setw(static_cast<int>(width)) << d.text() << "  " << std::setw(8)
        << to_string(d.precision()) << "  " << end(d.start(), d.known_first()) << " .. "
        << end(d.end(), d.known_last());
    if (d.uncertain()) out << "  uncertain";
    if (d.approximate()) out << "  approximate";
    out << '\n';
  }
  return valid ? kExitOk : kExitInvalidData;
}

// Loads a file for a query command; prints diagnostics when it is invalid.
std::optional<EventGraph> load_for_query(const std::string& file, std::ostream& err) {
  LoadResult result = load_file(file);
  if (!result.ok()) {
    print_diagnostics(result, err);
    err << file << ": invalid; run 'eventgraph check " << file << "' for details\n";
    return std::nullopt;
  }
  return std::move(result.graph);
}

int run_stats(const StatsCommand& command, std::ostream& out, std::ostream& err) {
  auto graph = load_for_query(command.file, err);
  if (!graph) return kExitInvalidData;
  const GraphStats s = compute_stats(*graph);
  if (command.format == Format::json) {
    out << stats_json(command.file, s);
    return kExitOk;
  }
  auto row = [&](std::string_view label, const std::string& value) {
    out << std::left << std::setw(24) << label << value << '\n';
  };
  row("events", std::to_string(s.events));
  row("actors", std::to_string(s.actors));
  row("sources", std::to_string(s.sources));
  for (RelationKind kind : kAllRelationKinds) {
    row(std::string(to_string(kind)), std::to_string(s.relation_count(kind)));
  }
  row("disputed relations", std::to_string(s.disputed_relations));
  row("span", s.first_day ? format_day(*s.first_day) + " .. " + format_day(*s.last_day) : "-");
  row("events without sources", std::to_string(s.events_without_sources));
  row("connected components", std::to_string(s.components));
  return kExitOk;
}

}  // namespace

int run(const Command& command, std::ostream& out, std::ostream& err) {
  return std::visit(
      [&](const auto& c) -> int {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, CheckCommand>) return run_check(c, out, err);
        if constexpr (std::is_same_v<T, DateCommand>) return run_date(c, out, err);
        if constexpr (std::is_same_v<T, StatsCommand>) return run_stats(c, out, err);
      },
      command);
}

int main(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CommandLine line = parse_command_line(args);
  if (!line.command) {
    (line.exit_code == kExitOk ? out : err) << line.message;
    return line.exit_code;
  }
  return run(*line.command, out, err);
}

}  // namespace eventgraph::cli

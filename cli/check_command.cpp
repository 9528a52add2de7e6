#include "cli/check_command.h"

#include "engine/snapshot.h"
#include "render/json_writer.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <ostream>

namespace eventgraph::cli {

namespace {

// The diagnostics, then "FILE: valid, N events, ..." or "FILE: invalid, ...".
void print_summary(const std::string& file, const LoadResult& result, Io& io) {
  io.err << format_diagnostics(result.diagnostics, result.source);
  const auto warnings = static_cast<std::size_t>(
      std::count_if(result.diagnostics.begin(), result.diagnostics.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::warning; }));
  if (result.ok()) {
    io.out << file << ": valid, " << count_noun(result.graph->events().size(), "event") << ", "
           << count_noun(result.graph->relations().size(), "relation") << ", "
           << count_noun(warnings, "warning") << '\n';
  } else {
    io.err << file << ": invalid, " << count_noun(result.diagnostics.size() - warnings, "error")
           << ", " << count_noun(warnings, "warning") << '\n';
  }
}

}  // namespace

void CheckCommand::add_options(CLI::App& app) {
  app.add_option("files", options_.files, "Event files (YAML)")->required();
  add_format_option(app, options_.format);
  add_edtf_level_option(app, options_.edtf_level);
}

int CheckCommand::run(Io& io) {
  std::vector<FileReport> reports;
  bool valid = true;
  for (const std::string& file : options_.files) {
    LoadOptions load;
    load.edtf_level = parse_edtf_level(options_.edtf_level).value_or(EdtfLevel::two);
    // The snapshot cache holds Level 2 loads; a lower level loads afresh.
    LoadResult result = load.edtf_level == EdtfLevel::two
                            ? load_file_cached(file, load, cache_options())
                            : load_file(file, load);
    valid = valid && result.ok();
    if (options_.format == Format::json) {
      reports.push_back({file, std::move(result.diagnostics)});
    } else {
      print_summary(file, result, io);
    }
    // The last file's graph is dropped at exit, unfreed; earlier ones are
    // freed as we go, so checking many files does not hold them all.
    if (result.graph && &file == &options_.files.back()) keep_until_exit(std::move(*result.graph));
  }
  if (options_.format == Format::json) io.out << check_json(reports);
  return valid ? kExitOk : kExitInvalidData;
}

}  // namespace eventgraph::cli

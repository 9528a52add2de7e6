#include "cli/check_command.h"

#include "engine/snapshot.h"
#include "render/json_writer.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <ostream>

namespace eventgraph::cli {

void CheckCommand::add_options(CLI::App& app) {
  app.add_option("files", options_.files, "Event files (YAML)")->required();
  add_format_option(app, options_.format);
}

int CheckCommand::run(Io& io) {
  std::vector<FileReport> reports;
  bool valid = true;
  for (const std::string& file : options_.files) {
    LoadResult result = load_file_cached(file, {}, cache_options());
    valid = valid && result.ok();
    if (options_.format == Format::json) {
      reports.push_back({file, std::move(result.diagnostics)});
      continue;
    }
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
  if (options_.format == Format::json) io.out << check_json(reports);
  return valid ? kExitOk : kExitInvalidData;
}

}  // namespace eventgraph::cli

#include "cli/import_command.h"

#include "cli/output_file.h"
#include "cli/timeline_command.h"
#include "engine/import.h"
#include "engine/suggest.h"

#include <CLI/CLI.hpp>

#include <ostream>

namespace eventgraph::cli {

void ImportCommand::add_options(CLI::App& app) {
  app.add_option("arguments", options_.arguments,
                 "[FORMAT] INPUT: FORMAT is timelinejs, timelinejs-sheet, csv, tsv, wikidata or "
                 "json (default: guessed from the file)")
      ->required()
      ->expected(1, 2);
  app.add_option("-o,--output", options_.output,
                 "Write the event file here (default: standard output)");
  app.add_option("--map", options_.maps,
                 "COLUMN=FIELD: read a column (or query variable) as this field; COLUMN= ignores "
                 "it (repeatable)")
      ->allow_extra_args(false);
  app.add_option("--title", options_.title, "The event file's title (default: the input's)");
}

int ImportCommand::run(Io& io) {
  ImportOptions options;
  options.title = options_.title;
  const std::string input = options_.arguments.back();
  if (options_.arguments.size() == 2) {
    options.format = parse_import_format(options_.arguments.front());
    if (!options.format) {
      io.err << "eventgraph import: unknown format '" << options_.arguments.front() << "'"
             << did_you_mean(options_.arguments.front(), import_format_names())
             << "; formats: timelinejs, timelinejs-sheet, csv, tsv, wikidata, json\n";
      return kExitUsage;
    }
  }
  for (const std::string& map : options_.maps) {
    const std::size_t equals = map.find('=');
    if (equals == std::string::npos || equals == 0) {
      io.err << "eventgraph import: --map '" << map << "' is not COLUMN=FIELD\n";
      return kExitUsage;
    }
    options.column_map.emplace_back(map.substr(0, equals), map.substr(equals + 1));
  }
  const ImportResult result = import_file(input, options);
  for (const Diagnostic& d : result.diagnostics) {
    io.err << format_diagnostic_line(d) << '\n';
    if (!d.hint.empty()) io.err << "  hint: " << d.hint << '\n';
  }
  if (!result.ok()) {
    io.err << "eventgraph import: nothing written\n";
    return kExitInvalidData;
  }
  if (!result.unmapped.empty()) {
    io.err << "eventgraph import: not mapped (kept as comments in the event file):\n";
    for (const std::string& line : result.unmapped) io.err << "  - " << line << '\n';
  }
  if (options_.output.empty()) {
    io.out << *result.yaml;
  } else if (std::string error = write_file_atomically(options_.output, *result.yaml);
             !error.empty()) {
    io.err << "eventgraph import: " << error << '\n';
    return kExitInvalidData;
  }
  io.err << "eventgraph import: " << count_noun(result.events, "event") << ", "
         << count_noun(result.relations, "relation")
         << (options_.output.empty() ? "" : " written to " + options_.output) << '\n';
  return kExitOk;
}

}  // namespace eventgraph::cli

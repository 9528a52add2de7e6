// Importing timelines from other tools: TimelineJS (JSON and its Google
// Sheets template), spreadsheets (CSV, TSV), Wikidata query results and
// eventgraph's own JSON export, each turned into a checked event file.
#pragma once

#include "engine/diagnostic.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace eventgraph {

/// The formats `eventgraph import` reads.
enum class ImportFormat {
  timelinejs,        ///< TimelineJS JSON: {"title", "events", "eras"}
  timelinejs_sheet,  ///< TimelineJS's Google Sheets template, saved as CSV
  csv,               ///< a spreadsheet saved as CSV, header row first
  tsv,               ///< the same, tab-separated
  wikidata,          ///< SPARQL query results as JSON (the query service's "JSON" download)
  json,              ///< eventgraph's own dataset JSON (`eventgraph export json`)
};

/// "timelinejs", "timelinejs-sheet", "csv", "tsv", "wikidata", "json".
std::string_view to_string(ImportFormat format);
/// The format named `name`, or nullopt.
std::optional<ImportFormat> parse_import_format(std::string_view name);
/// Every format name, for help and "did you mean".
std::vector<std::string> import_format_names();

/// The format of `text` read from `path`, when the extension and the first
/// bytes make it clear; nullopt with `why` set when they do not.
std::optional<ImportFormat> guess_import_format(const std::filesystem::path& path,
                                                std::string_view text, std::string* why);

/// What to import and how.
struct ImportOptions {
  std::optional<ImportFormat> format;  ///< nullopt: guessed from the file name and content
  /// CSV, TSV and Wikidata: column (or query variable) name to field name,
  /// as `--map COLUMN=FIELD`; an empty field ignores the column.
  std::vector<std::pair<std::string, std::string>> column_map;
  std::string title;  ///< the dataset's title; empty: from the input, else none
};

/// The outcome: the event file's text when there are no errors, the
/// diagnostics (errors stop the import; warnings say what was guessed), and
/// what the input held that the event file has no place for.
struct ImportResult {
  std::optional<std::string> yaml;
  std::vector<Diagnostic> diagnostics;
  std::vector<std::string> unmapped;  ///< one line each, also written as comments in `yaml`
  std::size_t events = 0;
  std::size_t relations = 0;

  bool ok() const { return yaml.has_value(); }
};

/// Field names `--map` accepts: id, title, date, start, end, kind, actors,
/// place, tags, summary, sources, causes, references, contradicts, url.
std::vector<std::string> import_field_names();

/// Turns `text` (read from `file`, the name diagnostics use) into an event
/// file that `eventgraph check` accepts: ids are slugs of the input's ids or
/// titles, unique and the same for the same input; dates keep exactly the
/// input's precision. Never throws.
///
/// Example:
///   ImportResult r = import_text("title,date\nTalks,2022-03-29\n", "talks.csv", {});
///   // r.yaml holds one event with id 'talks' and date "2022-03-29"
ImportResult import_text(std::string_view text, const std::string& file,
                         const ImportOptions& options);

/// Reads `path` (at most 256 MiB) and imports it; an unreadable file, or a
/// format that cannot be guessed, is a diagnostic. Never throws.
ImportResult import_file(const std::filesystem::path& path, const ImportOptions& options);

}  // namespace eventgraph

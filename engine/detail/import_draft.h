// What every importer builds before the common finish: events as the input
// names them, relations by the input's keys, notes on what did not fit.
// Internal to engine/import*.cpp.
#pragma once

#include "engine/event.h"
#include "engine/import.h"
#include "engine/slug.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace eventgraph::detail {

/// Where a value came from: a position when the input has lines, and words
/// a user finds it by ("row 4, column C 'date'", "/events/3/start_date").
struct Origin {
  Location location;
  std::string where;
};

struct DraftRelation {
  std::string target;  ///< the target as the input names it: an id, a title, a Wikidata item
  Relation details;    ///< kind, sources, claims and note; from and to are filled at the end
  Origin origin;
  /// False when the target may lie outside the input (a Wikidata cause that
  /// the query did not return): it is then listed as not mapped.
  bool missing_is_error = true;
};

struct DraftEvent {
  Event event;                    ///< id empty until finish_import assigns one
  std::string id;                 ///< the id the input gives, or empty
  bool id_is_exact = false;       ///< take `id` as it is (eventgraph's own JSON)
  std::vector<std::string> keys;  ///< other names relations may use for it (a URL, a title)
  std::vector<DraftRelation> relations;
  std::vector<std::string> notes;  ///< comment lines: what did not map
  Origin origin;
};

/// Actors and sources the input names, declared once each by their text.
class Registry {
 public:
  /// The actor id for a name or id as the input writes it; a slug stays as
  /// it is, a name gets a slug and becomes the actor's name.
  std::string actor(std::string_view text, std::vector<Actor>& actors);
  /// The source id for a title or URL; a URL becomes the source's url with
  /// a bracketed title.
  std::string source(std::string_view text, std::vector<Source>& sources);
  /// Declares a source with an id of the caller's making (a slug base).
  std::string add_source(Source source, std::vector<Source>& sources);

 private:
  SlugAllocator actor_slugs_, source_slugs_;
  std::unordered_map<std::string, std::string> actor_of_, source_of_;
};

struct Draft {
  std::string title;
  std::vector<Actor> actors;
  std::vector<Source> sources;
  std::vector<DraftEvent> events;
  std::vector<Diagnostic> diagnostics;  ///< errors stop the import
  std::vector<std::string> unmapped;    ///< what the input held that has no place
  std::vector<std::string> header;      ///< comment lines for the top of the file
  Registry registry;

  void error(const Origin& at, std::string message, std::string hint, const std::string& file);
  void warning(const Origin& at, std::string message, std::string hint, const std::string& file);
};

/// Assigns ids, resolves relation targets, cleans text, checks the result as
/// `eventgraph check` would, and writes it as commented YAML.
ImportResult finish_import(Draft draft, const std::string& file, ImportFormat format);

/// Each importer: input text to a draft (errors in draft.diagnostics).
Draft read_spreadsheet(std::string_view text, const std::string& file,
                       const ImportOptions& options);
Draft read_timelinejs_sheet(std::string_view text, const std::string& file);
Draft read_timelinejs(std::string_view text, const std::string& file);
Draft read_wikidata(std::string_view text, const std::string& file, const ImportOptions& options);
Draft read_dataset_json(std::string_view text, const std::string& file);

/// `text` with a trailing and leading blank removed.
std::string_view trim(std::string_view text);

/// Splits a `;`-separated list cell, trimming each item and dropping empties.
std::vector<std::string> split_list(std::string_view cell);

}  // namespace eventgraph::detail

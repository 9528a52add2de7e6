// The import formats, guessing one from a file, and the helpers every
// importer shares. Each format's reader is its own file (import_*.cpp);
// import_finish.cpp turns what they read into a checked event file.
#include "engine/import.h"

#include "engine/detail/import_draft.h"
#include "engine/detail/read_file.h"
#include "engine/validate.h"

#include <algorithm>
#include <array>

namespace eventgraph {

namespace {

constexpr std::array<std::pair<ImportFormat, std::string_view>, 6> kFormats = {{
    {ImportFormat::timelinejs, "timelinejs"},
    {ImportFormat::timelinejs_sheet, "timelinejs-sheet"},
    {ImportFormat::csv, "csv"},
    {ImportFormat::tsv, "tsv"},
    {ImportFormat::wikidata, "wikidata"},
    {ImportFormat::json, "json"},
}};

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The first line of a CSV, lowercased, for recognising the TimelineJS
// template by its columns.
std::string first_line(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return lower_ascii(text.substr(0, text.find_first_of("\r\n")));
}

bool looks_like_timelinejs_sheet(std::string_view header) {
  return header.find("headline") != std::string::npos && header.find("year") != std::string::npos;
}

}  // namespace

std::string_view to_string(ImportFormat format) {
  for (const auto& [f, name] : kFormats) {
    if (f == format) return name;
  }
  return "csv";
}

std::optional<ImportFormat> parse_import_format(std::string_view name) {
  const std::string lower = lower_ascii(name);
  for (const auto& [f, n] : kFormats) {
    if (n == lower) return f;
  }
  return std::nullopt;
}

std::vector<std::string> import_format_names() {
  std::vector<std::string> names;
  for (const auto& [f, name] : kFormats) names.emplace_back(name);
  return names;
}

std::vector<std::string> import_field_names() {
  return {"id",   "title",   "date",    "start",  "end",        "kind",        "actors", "place",
          "tags", "summary", "sources", "causes", "references", "contradicts", "url"};
}

std::optional<ImportFormat> guess_import_format(const std::filesystem::path& path,
                                                std::string_view text, std::string* why) {
  const std::string extension = lower_ascii(path.extension().string());
  std::string_view body = text;
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  const std::size_t first = body.find_first_not_of(" \t\r\n");
  const char lead = first == std::string_view::npos ? '\0' : body[first];
  if (extension == ".json" || lead == '{') {
    // The top-level keys tell the three JSON formats apart.
    const std::string_view head = body.substr(0, 1 << 16);
    if (head.find("\"eventgraph\"") != std::string_view::npos) return ImportFormat::json;
    if (head.find("\"head\"") != std::string_view::npos &&
        head.find("\"results\"") != std::string_view::npos) {
      return ImportFormat::wikidata;
    }
    if (head.find("\"events\"") != std::string_view::npos ||
        head.find("\"start_date\"") != std::string_view::npos) {
      return ImportFormat::timelinejs;
    }
    if (why) {
      *why =
          "a JSON file that is neither TimelineJS (\"events\"), Wikidata results "
          "(\"head\", \"results\") nor eventgraph's JSON (\"eventgraph\")";
    }
    return std::nullopt;
  }
  if (extension == ".tsv" || extension == ".tab") return ImportFormat::tsv;
  if (extension == ".csv" || extension == ".txt") {
    return looks_like_timelinejs_sheet(first_line(text)) ? ImportFormat::timelinejs_sheet
                                                         : ImportFormat::csv;
  }
  if (extension == ".yaml" || extension == ".yml") {
    if (why) *why = "an event file already: run 'eventgraph check' on it";
    return std::nullopt;
  }
  if (why) *why = "the extension '" + extension + "' names no format this command reads";
  return std::nullopt;
}

ImportResult import_text(std::string_view text, const std::string& file,
                         const ImportOptions& options) {
  ImportFormat format = ImportFormat::csv;
  if (options.format) {
    format = *options.format;
  } else {
    std::string why;
    auto guessed = guess_import_format(file, text, &why);
    if (!guessed) {
      ImportResult result;
      result.diagnostics.push_back({file,
                                    {},
                                    Severity::error,
                                    "cannot tell the format: " + why,
                                    "name it: eventgraph import FORMAT FILE, with FORMAT one of "
                                    "timelinejs, timelinejs-sheet, csv, tsv, wikidata, json"});
      return result;
    }
    format = *guessed;
  }
  ImportOptions chosen = options;
  chosen.format = format;
  detail::Draft draft;
  switch (format) {
    case ImportFormat::csv:
    case ImportFormat::tsv:
      draft = detail::read_spreadsheet(text, file, chosen);
      break;
    case ImportFormat::timelinejs_sheet:
      draft = detail::read_timelinejs_sheet(text, file);
      break;
    case ImportFormat::timelinejs:
      draft = detail::read_timelinejs(text, file);
      break;
    case ImportFormat::wikidata:
      draft = detail::read_wikidata(text, file, chosen);
      break;
    case ImportFormat::json:
      draft = detail::read_dataset_json(text, file);
      break;
  }
  if (!options.title.empty()) draft.title = options.title;
  return detail::finish_import(std::move(draft), file, format);
}

ImportResult import_file(const std::filesystem::path& path, const ImportOptions& options) {
  detail::FileText file = detail::read_file(path, std::size_t{256} << 20);
  if (!file.text) {
    ImportResult result;
    result.diagnostics.push_back(std::move(file.problem));
    return result;
  }
  return import_text(*file.text, path.string(), options);
}

namespace detail {

std::string_view trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

std::vector<std::string> split_list(std::string_view cell) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= cell.size()) {
    const std::size_t end = std::min(cell.find(';', start), cell.size());
    const std::string_view item = trim(cell.substr(start, end - start));
    if (!item.empty()) items.emplace_back(item);
    start = end + 1;
  }
  return items;
}

void Draft::error(const Origin& at, std::string message, std::string hint,
                  const std::string& file) {
  if (!at.where.empty()) message = at.where + ": " + message;
  diagnostics.push_back({file, at.location, Severity::error, std::move(message), std::move(hint)});
}

void Draft::warning(const Origin& at, std::string message, std::string hint,
                    const std::string& file) {
  if (!at.where.empty()) message = at.where + ": " + message;
  diagnostics.push_back(
      {file, at.location, Severity::warning, std::move(message), std::move(hint)});
}

std::string Registry::actor(std::string_view text, std::vector<Actor>& actors) {
  const std::string key(text);
  if (auto found = actor_of_.find(key); found != actor_of_.end()) return found->second;
  Actor actor;
  actor.name = key;
  actor.id = is_slug(key) && actor_slugs_.reserve(key) ? key : actor_slugs_.allocate(key, "actor");
  actor_of_.emplace(key, actor.id);
  actors.push_back(actor);
  return actor.id;
}

std::string Registry::source(std::string_view text, std::vector<Source>& sources) {
  const std::string key(text);
  if (auto found = source_of_.find(key); found != source_of_.end()) return found->second;
  Source source;
  const bool url = key.starts_with("http://") || key.starts_with("https://");
  if (url) {
    source.url = key;
    source.title = "[" + key + "]";
  } else {
    source.title = key;
  }
  std::string base = key;
  if (url) base = key.substr(key.find("//") + 2);
  if (base.starts_with("www.")) base = base.substr(4);
  source.id =
      is_slug(key) && source_slugs_.reserve(key) ? key : source_slugs_.allocate(base, "source");
  source_of_.emplace(key, source.id);
  sources.push_back(source);
  return source.id;
}

std::string Registry::add_source(Source source, std::vector<Source>& sources) {
  source.id = source_slugs_.allocate(source.id, "source");
  sources.push_back(source);
  return sources.back().id;
}

}  // namespace detail

}  // namespace eventgraph

// YAML tree to model: every field checked, every problem reported with its
// position, then cross-references and the graph checks.
#include "engine/loader.h"

#include "engine/detail/read_file.h"
#include "engine/detail/reference_sites.h"
#include "engine/detail/text_checks.h"
#include "engine/detail/yaml_tree.h"
#include "engine/suggest.h"
#include "engine/validate.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <span>
#include <sstream>
#include <unordered_set>
#include <utility>

namespace eventgraph {

namespace {

using detail::YamlNode;

constexpr std::array<std::string_view, 6> kTopKeys = {"eventgraph", "title",   "edtf-level",
                                                      "actors",     "sources", "events"};
constexpr std::array<std::string_view, 3> kActorKeys = {"name", "role", "affiliation"};
constexpr std::array<std::string_view, 5> kSourceKeys = {"title", "publisher", "author", "date",
                                                         "url"};
constexpr std::array<std::string_view, 12> kEventKeys = {
    "id",   "title",   "date",    "kind",   "actors",     "place",
    "tags", "summary", "sources", "causes", "references", "contradicts"};
constexpr std::array<std::string_view, 5> kRelationKeys = {"event", "sources", "claimed_by",
                                                           "disputed_by", "note"};

constexpr std::string_view kDateHint =
    "EDTF dates look like 2022, 2022-03, 2022-03-29, 2022-21 (spring), 2022-03/2022-04 or "
    "2022-03-29?; see docs/format.md";

// Reads one event file's sections as yaml-cpp completes them.
class DatasetBuilder final : public detail::YamlSectionSink {
 public:
  DatasetBuilder(std::string file, const LoadOptions& options)
      : file_(std::move(file)), options_(options) {
    dataset_.file = file_;
  }

  bool take(std::string_view section, const YamlNode* key, YamlNode& node) override {
    if (section == "events" && key == nullptr) {
      if (dataset_.events.size() >= options_.max_events) {
        if (!events_limit_reported_) {
          error(node.location,
                "more than " + std::to_string(options_.max_events) + " events in one file",
                "split the file, or raise the limit (LoadOptions::max_events)");
          events_limit_reported_ = true;
        }
        return true;
      }
      read_event(node);
      return true;
    }
    // A repeated actor or source key is reported by the YAML reader as a
    // duplicate key; reading it again would report it twice.
    if (section == "actors" && key != nullptr && key->is_scalar()) {
      if (declared_actors_.insert(key->text).second) read_actor(*key, node);
      return true;
    }
    if (section == "sources" && key != nullptr && key->is_scalar()) {
      if (declared_sources_.insert(key->text).second) read_source(*key, node);
      return true;
    }
    return false;
  }

  // `complete` is false for the part of a file read before the YAML
  // stopped: what is there is checked, what is missing may come later.
  void read_root(const YamlNode& root, bool complete = true) {
    if (!complete && !root.is_map()) return;
    if (root.type == YamlNode::Type::null) {
      error({1, 1}, "the file is empty",
            "an event file starts with 'eventgraph: 1'; see docs/format.md");
      return;
    }
    if (!root.is_map()) {
      error(root.location, "the top of the file must be a map, not " + std::string(describe(root)),
            "an event file starts with 'eventgraph: 1' and lists its events under 'events:'");
      return;
    }
    check_keys(root, kTopKeys, "at the top of the file");
    const YamlNode* version = find(root, "eventgraph");
    if (!version) {
      if (complete)
        error({1, 1}, "missing 'eventgraph' format version", "start the file with 'eventgraph: 1'");
    } else if (complete && (!version->is_scalar() || version->text != "1")) {
      error(version->location,
            version->is_scalar()
                ? "unsupported format version '" + detail::quote(version->text) + "'"
                : "the format version must be 1, not " + std::string(describe(*version)),
            "this eventgraph reads format version 1: write 'eventgraph: 1'");
    } else {
      dataset_.version = 1;
    }
    if (const YamlNode* title = find(root, "title")) read_text(*title, "title", dataset_.title);
    if (const YamlNode* level = find(root, "edtf-level")) check_edtf_level(*level);
    expect_section(root, "actors", YamlNode::Type::map, "actors: {lavrov: {name: Sergey Lavrov}}");
    expect_section(root, "sources", YamlNode::Type::map, "sources: {rt-2024: {title: ...}}");
    const YamlNode* events = find(root, "events");
    if (!events) {
      if (complete)
        error(root.location, "missing 'events' list",
              "add 'events:' with one '- id: ...' per event");
    } else {
      expect_section(root, "events", YamlNode::Type::sequence, "events: [ {id: ..., ...} ]");
    }
  }

  // `edtf-level: 0|1|2`: every date in the file must stay within it.
  void check_edtf_level(const YamlNode& node) {
    const auto level = node.is_scalar() ? parse_edtf_level(node.text) : std::nullopt;
    if (!level) {
      error(node.location, "'edtf-level' must be 0, 1 or 2",
            "write 'edtf-level: 1' to keep to forms Level 1 tools read");
      return;
    }
    for (const auto& [location, text] : leveled_dates_) {
      EdtfParseResult parsed = parse_edtf(text, *level);
      if (!parsed.ok()) {
        error(location, parsed.error,
              "this file sets 'edtf-level: " + node.text + "'; raise it or rewrite the date");
      }
    }
  }

  Dataset take_dataset() { return std::move(dataset_); }
  detail::ReferenceSites take_sites() { return std::move(sites_); }
  std::vector<Diagnostic>& diagnostics() { return diagnostics_; }

 private:
  void error(Location at, std::string message, std::string hint = "") {
    diagnostics_.push_back({file_, at, Severity::error, std::move(message), std::move(hint)});
  }

  static const YamlNode* find(const YamlNode& map, std::string_view key) {
    for (std::size_t i = 0; i < map.map_size(); ++i) {
      if (map.key(i).is_scalar() && map.key(i).text == key) return &map.value(i);
    }
    return nullptr;
  }

  template <std::size_t N>
  void check_keys(const YamlNode& map, const std::array<std::string_view, N>& known,
                  std::string_view where) {
    for (std::size_t i = 0; i < map.map_size(); ++i) {
      const YamlNode& key = map.key(i);
      if (!key.is_scalar()) continue;  // reported by the YAML reader
      if (std::find(known.begin(), known.end(), key.text) != known.end()) continue;
      std::vector<std::string> names(known.begin(), known.end());
      auto near = nearest(key.text, names);
      std::string known_list;
      for (std::string_view name : known)
        known_list += (known_list.empty() ? "" : ", ") + std::string(name);
      std::string hint = trap_hint(map, i, std::span<const std::string_view>(known));
      error(key.location,
            "unknown key '" + detail::quote(key.text) + "' " + std::string(where) +
                (near ? " (did you mean '" + *near + "'?)" : ""),
            hint.empty() ? "known keys here: " + known_list : hint);
    }
  }

  // A hint for the unknown keys authors write by habit, or "".
  static std::string trap_hint(const YamlNode& map, std::size_t i,
                               std::span<const std::string_view> known) {
    const YamlNode& key = map.key(i);
    const bool event = std::find(known.begin(), known.end(), "contradicts") != known.end();
    if (event && (key.text == "start" || key.text == "end")) {
      return "an event has one 'date'; write a span as date: START/END, like "
             "date: 1914-07-28/1918-11-11";
    }
    if (event && (key.text == "url" || key.text == "link")) {
      return "links belong to sources: declare it under 'sources:' as "
             "my-source: {title: ..., url: ...} and cite it with sources: [my-source]";
    }
    // `{name: Smith, then director}`: the comma ended the value, and the rest
    // became a key with no value on the same line.
    if (i > 0 && map.value(i).type == YamlNode::Type::null && map.value(i - 1).is_scalar() &&
        map.key(i - 1).is_scalar() && map.value(i - 1).location.line == key.location.line) {
      return "a comma inside { } ends a value; quote the value: " + map.key(i - 1).text + ": \"" +
             map.value(i - 1).text + ", " + key.text + "\"";
    }
    return "";
  }

  void expect_section(const YamlNode& root, std::string_view name, YamlNode::Type type,
                      std::string_view example) {
    const YamlNode* section = find(root, name);
    if (!section || section->type == type || section->type == YamlNode::Type::null) return;
    error(section->location,
          "'" + std::string(name) + "' must be " +
              (type == YamlNode::Type::map ? "a map" : "a list") + ", not " +
              std::string(describe(*section)),
          "write it like " + std::string(example));
  }

  // A text field: a scalar whose characters are all allowed in our outputs.
  bool read_text(const YamlNode& node, std::string_view field, std::string& out) {
    if (node.type == YamlNode::Type::null) return false;
    if (!node.is_scalar()) {
      error(node.location,
            "'" + std::string(field) + "' must be text, not " + std::string(describe(node)),
            node.is_sequence() ? "quote it if the text starts with '['"
                               : "quote it if the text starts with '{'");
      return false;
    }
    if (auto problem = detail::check_scalar(node.text)) {
      error(node.location, "'" + std::string(field) + "' " + *problem,
            "remove the character or write it out in words");
      return false;
    }
    out = node.text;
    return true;
  }

  bool read_required(const YamlNode& map, std::string_view field, std::string& out,
                     std::string_view what) {
    const YamlNode* node = find(map, field);
    if (!node || node->type == YamlNode::Type::null) {
      error(node ? node->location : map.location,
            std::string(what) + " has no '" + std::string(field) + "'",
            "add '" + std::string(field) + ": ...'");
      return false;
    }
    if (!read_text(*node, field, out)) return false;
    if (out.find_first_not_of(" \t\r\n") == std::string::npos) {
      error(node->location, "'" + std::string(field) + "' is empty", "give it some text");
      return false;
    }
    return true;
  }

  // A list of ids or words; each item's position goes to `sites` when asked.
  std::vector<std::string> read_list(
      const YamlNode& node, std::string_view field,
      detail::ReferenceField site_field = detail::ReferenceField::none, std::uint32_t owner = 0) {
    std::vector<std::string> items;
    if (node.type == YamlNode::Type::null) return items;
    if (!node.is_sequence()) {
      error(node.location,
            "'" + std::string(field) + "' must be a list, not " + std::string(describe(node)),
            node.is_scalar()
                ? "write " + std::string(field) + ": [" + detail::quote(node.text) + "]"
                : "write " + std::string(field) + ": [a, b]");
      return items;
    }
    for (const YamlNode& item : node.children) {
      std::string text;
      if (!item.is_scalar()) {
        error(item.location, "each item of '" + std::string(field) + "' must be text, not " +
                                 std::string(describe(item)));
        continue;
      }
      if (!read_text(item, field, text)) continue;
      if (site_field != detail::ReferenceField::none) {
        sites_.push_back(
            {site_field, owner, static_cast<std::uint32_t>(items.size()), item.location});
      }
      items.push_back(std::move(text));
    }
    return items;
  }

  bool read_date(const YamlNode& node, std::string_view field, EdtfDate& out) {
    std::string text;
    if (!read_text(node, field, text)) {
      if (node.type == YamlNode::Type::null)
        error(node.location, "'" + std::string(field) + "' is empty", std::string(kDateHint));
      return false;
    }
    EdtfParseResult parsed = parse_edtf(text, options_.edtf_level);
    if (!parsed.ok()) {
      const bool above_level =
          options_.edtf_level < EdtfLevel::two && parse_edtf(text, EdtfLevel::two).ok();
      error(node.location, parsed.error,
            above_level ? "this load allows EDTF level " +
                              std::to_string(static_cast<int>(options_.edtf_level)) +
                              " (--edtf-level); raise it or rewrite the date"
                        : std::string(kDateHint));
      return false;
    }
    // Events arrive before the top-level map is complete, so a file's
    // `edtf-level:` is checked against these once the root is read.
    if (parsed.date.level() > EdtfLevel::zero) leveled_dates_.push_back({node.location, text});
    out = parsed.date;
    return true;
  }

  void read_actor(const YamlNode& key, const YamlNode& node) {
    Actor actor;
    actor.id = key.text;
    actor.location = key.location;
    if (!node.is_map()) {
      error(node.location,
            "actor '" + detail::quote(key.text) + "' must be a map, not " +
                std::string(describe(node)),
            "write " + detail::quote(key.text) + ": {name: ...}");
      return;
    }
    check_keys(node, kActorKeys, "in actor '" + detail::quote(key.text) + "'");
    read_required(node, "name", actor.name, "actor '" + detail::quote(key.text) + "'");
    if (const YamlNode* role = find(node, "role")) read_text(*role, "role", actor.role);
    if (const YamlNode* aff = find(node, "affiliation"))
      read_text(*aff, "affiliation", actor.affiliation);
    dataset_.actors.push_back(std::move(actor));
  }

  void read_source(const YamlNode& key, const YamlNode& node) {
    Source source;
    source.id = key.text;
    source.location = key.location;
    if (!node.is_map()) {
      error(node.location,
            "source '" + detail::quote(key.text) + "' must be a map, not " +
                std::string(describe(node)),
            "write " + detail::quote(key.text) + ": {title: ...}");
      return;
    }
    check_keys(node, kSourceKeys, "in source '" + detail::quote(key.text) + "'");
    read_required(node, "title", source.title, "source '" + detail::quote(key.text) + "'");
    if (const YamlNode* v = find(node, "publisher")) read_text(*v, "publisher", source.publisher);
    if (const YamlNode* v = find(node, "author")) read_text(*v, "author", source.author);
    if (const YamlNode* v = find(node, "url")) read_text(*v, "url", source.url);
    if (const YamlNode* v = find(node, "date"); v && v->type != YamlNode::Type::null) {
      EdtfDate date;
      if (read_date(*v, "date", date)) source.date = date;
    }
    dataset_.sources.push_back(std::move(source));
  }

  void read_event(const YamlNode& node) {
    if (!node.is_map()) {
      error(node.location, "each event must be a map, not " + std::string(describe(node)),
            "write events as '- id: ...' followed by 'title:', 'date:' and so on");
      return;
    }
    check_keys(node, kEventKeys, "in event");
    const auto owner = static_cast<std::uint32_t>(dataset_.events.size());
    Event event;
    event.location = node.location;
    if (const YamlNode* id = find(node, "id")) event.location = id->location;
    const bool has_id = read_required(node, "id", event.id, "event");
    const std::string what = has_id ? "event '" + detail::quote(event.id) + "'" : "event";
    read_required(node, "title", event.title, what);
    if (const YamlNode* date = find(node, "date"); date && date->type != YamlNode::Type::null) {
      read_date(*date, "date", event.date);
    } else {
      error(date ? date->location : event.location, what + " has no 'date'",
            "add 'date: ...' in EDTF, e.g. 'date: 2022-03' or 'date: \"2022?\"'");
    }
    if (const YamlNode* v = find(node, "kind")) read_text(*v, "kind", event.kind);
    if (const YamlNode* v = find(node, "place")) read_text(*v, "place", event.place);
    if (const YamlNode* v = find(node, "summary")) read_text(*v, "summary", event.summary);
    if (const YamlNode* v = find(node, "tags")) event.tags = read_list(*v, "tags");
    if (const YamlNode* v = find(node, "actors")) {
      event.actors = read_list(*v, "actors", detail::ReferenceField::event_actor, owner);
    }
    if (const YamlNode* v = find(node, "sources")) {
      event.sources = read_list(*v, "sources", detail::ReferenceField::event_source, owner);
    }
    for (RelationKind kind : kAllRelationKinds) {
      if (const YamlNode* v = find(node, to_string(kind))) read_relations(*v, kind, event.id);
    }
    dataset_.events.push_back(std::move(event));
  }

  void read_relations(const YamlNode& list, RelationKind kind, const std::string& from) {
    const std::string field(to_string(kind));
    if (list.type == YamlNode::Type::null) return;
    if (!list.is_sequence()) {
      error(list.location, "'" + field + "' must be a list, not " + std::string(describe(list)),
            list.is_scalar()
                ? "write " + field + ": [" + detail::quote(list.text) + "]"
                : "write " + field + ": [event-id, {event: other-id, claimed_by: [actor]}]");
      return;
    }
    for (const YamlNode& item : list.children) {
      Relation relation;
      relation.from = from;
      relation.kind = kind;
      relation.location = item.location;
      const auto owner = static_cast<std::uint32_t>(dataset_.relations.size());
      if (item.is_scalar()) {
        if (!read_text(item, field, relation.to)) continue;
      } else if (item.is_map()) {
        check_keys(item, kRelationKeys, "in a '" + field + "' item");
        if (const YamlNode* target = find(item, "event")) relation.location = target->location;
        if (!read_required(item, "event", relation.to, "'" + field + "' item")) continue;
        if (const YamlNode* v = find(item, "sources")) {
          relation.sources =
              read_list(*v, "sources", detail::ReferenceField::relation_source, owner);
        }
        if (const YamlNode* v = find(item, "claimed_by")) {
          relation.claimed_by =
              read_list(*v, "claimed_by", detail::ReferenceField::relation_claimed_by, owner);
        }
        if (const YamlNode* v = find(item, "disputed_by")) {
          relation.disputed_by =
              read_list(*v, "disputed_by", detail::ReferenceField::relation_disputed_by, owner);
        }
        if (const YamlNode* v = find(item, "note")) read_text(*v, "note", relation.note);
      } else {
        error(item.location,
              "each item of '" + field + "' must be an event id or a map, not " +
                  std::string(describe(item)),
              "write " + field + ": [event-id] or " + field +
                  ": [{event: event-id, sources: [...]}]");
        continue;
      }
      dataset_.relations.push_back(std::move(relation));
    }
  }

  std::string file_;
  const LoadOptions& options_;
  std::vector<std::pair<Location, std::string>> leveled_dates_;
  Dataset dataset_;
  detail::ReferenceSites sites_;
  std::vector<Diagnostic> diagnostics_;
  bool events_limit_reported_ = false;
  std::unordered_set<std::string> declared_actors_, declared_sources_;
};

// A UTF-8 byte order mark is valid and invisible: drop it so that columns
// on line 1 count as the reader sees them.
std::string_view without_byte_order_mark(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  return text;
}

// "256 MiB" for the default limit, "100 bytes" for a small one in tests.
std::string size_text(std::size_t bytes) {
  constexpr std::size_t kMiB = std::size_t{1} << 20;
  if (bytes >= kMiB && bytes % kMiB == 0) return std::to_string(bytes / kMiB) + " MiB";
  return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

std::string too_large_message(std::size_t max_bytes) {
  return "the file is larger than " + size_text(max_bytes);
}

std::string too_large_hint() {
  return "split it, or raise the limit (LoadOptions::max_file_bytes)";
}

// The lines [first, last] (1-based) of the block-style item of the
// top-level `events:` list that holds `line`, or nullopt. Plain text work:
// it runs after yaml-cpp has given up on the file.
std::optional<std::pair<int, int>> event_item_lines(std::string_view text, int line) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  auto indent = [](std::string_view l) { return l.find_first_not_of(' '); };
  auto blank = [&](std::string_view l) {
    const std::size_t i = indent(l);
    return i == std::string_view::npos || l[i] == '#' || l[i] == '\r';
  };
  std::size_t at = 0;
  while (at < lines.size() &&
         !(lines[at].starts_with("events:") && (lines[at].size() == 7 || lines[at][7] == ' ' ||
                                                lines[at][7] == '\r' || lines[at][7] == '#'))) {
    ++at;
  }
  std::optional<std::size_t> dash;  // the items' indentation
  std::optional<std::pair<int, int>> item;
  for (++at; at < lines.size(); ++at) {
    const std::string_view l = lines[at];
    if (blank(l)) continue;
    const std::size_t i = indent(l);
    const bool is_item = l[i] == '-' && (i + 1 == l.size() || l[i + 1] == ' ' || l[i + 1] == '\r');
    if (!dash && !is_item) return std::nullopt;  // not a block list of items
    if (!dash) dash = i;
    if (i < *dash || (i == *dash && !is_item)) break;  // the list has ended
    const int number = static_cast<int>(at) + 1;
    if (i == *dash) {
      if (item && item->first <= line && line <= item->second) return item;
      item = std::pair(number, number);
    } else if (item) {
      item->second = number;
    }
  }
  if (item && item->first <= line && line <= item->second) return item;
  return std::nullopt;
}

// Spaces over lines [first, last] (1-based), keeping every position.
void blank_lines(std::string& text, std::pair<int, int> lines) {
  int number = 1;
  for (char& c : text) {
    if (c == '\n') {
      ++number;
    } else if (number >= lines.first && number <= lines.second) {
      c = ' ';
    }
  }
}

constexpr int kMaxRecoveries = 50;

}  // namespace

ParseResult parse_dataset(std::string_view text, std::string file, const LoadOptions& options) {
  ParseResult result;
  result.dataset.file = file;
  if (text.size() > options.max_file_bytes) {
    result.diagnostics.push_back(
        {file, {}, Severity::error, too_large_message(options.max_file_bytes), too_large_hint()});
    return result;
  }
  text = without_byte_order_mark(text);
  if (auto bad = detail::check_yaml_text(text)) {
    result.diagnostics.push_back({file, bad->location, Severity::error, bad->message, bad->hint});
    detail::to_character_columns(text, result.diagnostics);
    return result;
  }
  detail::YamlLimits limits;
  limits.max_depth = options.max_depth;
  limits.max_alias_nodes = options.max_alias_nodes;
  // A YAML error inside one event item would hide the problems of all the
  // others, so, as a compiler resumes at the next statement, the item is
  // blanked out (positions kept) and the file read again; the errors of
  // each pass are kept, the field problems of the last pass reported.
  std::string blanked;
  std::vector<Diagnostic> recovered;
  std::optional<DatasetBuilder> builder;
  detail::YamlReadResult yaml;
  for (int pass = 0;; ++pass) {
    builder.emplace(file, options);
    yaml = detail::read_yaml(pass == 0 ? text : std::string_view(blanked), file, limits, &*builder);
    if (yaml.ok || yaml.diagnostics.empty() || pass == kMaxRecoveries) break;
    const Diagnostic& stop = yaml.diagnostics.front();
    const auto item =
        event_item_lines(pass == 0 ? text : std::string_view(blanked), stop.location.line);
    if (!item) break;
    if (pass == 0) blanked = std::string(text);
    blank_lines(blanked, *item);
    recovered.push_back(stop);
  }
  builder->read_root(yaml.root, yaml.ok);
  result.diagnostics = std::move(recovered);
  for (Diagnostic& d : yaml.diagnostics) result.diagnostics.push_back(std::move(d));
  for (Diagnostic& d : builder->diagnostics()) result.diagnostics.push_back(std::move(d));
  result.dataset = builder->take_dataset();
  result.dataset.file = file;
  // Field errors leave the model partial but usable, so cross-references
  // are checked too: one run reports every problem. Not after a recovery:
  // references to a blanked event would be reported as unknown.
  if (yaml.ok && blanked.empty()) {
    detail::ReferenceSites sites = builder->take_sites();
    for (Diagnostic& d : detail::validate_references(result.dataset, &sites)) {
      result.diagnostics.push_back(std::move(d));
    }
  }
  detail::to_character_columns(text, result.diagnostics);
  sort_diagnostics(result.diagnostics);
  return result;
}

LoadResult load_string(std::string_view text, std::string file, const LoadOptions& options) {
  LoadResult result;
  // parse_dataset drops the byte order mark itself; dropping it here too
  // would let a second one through.
  ParseResult parsed = parse_dataset(text, file, options);
  text = without_byte_order_mark(text);
  result.diagnostics = std::move(parsed.diagnostics);
  if (!has_errors(result.diagnostics)) {
    EventGraph graph(std::move(parsed.dataset));
    std::vector<Diagnostic> graph_diagnostics = validate_graph(graph);
    detail::to_character_columns(text, graph_diagnostics);
    for (Diagnostic& d : graph_diagnostics) result.diagnostics.push_back(std::move(d));
    sort_diagnostics(result.diagnostics);
    if (!has_errors(result.diagnostics)) result.graph = std::move(graph);
  }
  if (!result.diagnostics.empty()) result.source = std::string(text);
  return result;
}

LoadResult load_file(const std::filesystem::path& path, const LoadOptions& options) {
  detail::FileText file = detail::read_file(path, options.max_file_bytes);
  if (!file.text) {
    LoadResult result;
    result.diagnostics.push_back(std::move(file.problem));
    return result;
  }
  return load_string(*file.text, path.string(), options);
}

namespace detail {

FileText read_file(const std::filesystem::path& path, std::size_t max_bytes) {
  FileText result;
  auto fail = [&](std::string message, std::string hint) {
    result.problem = {path.string(), {}, Severity::error, std::move(message), std::move(hint)};
    return result;
  };
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return fail("is a directory, not an event file", "");
  // A regular file's size is known up front: refuse a huge one before
  // reading it (pipes and devices are caught by the bounded read below).
  if (std::filesystem::is_regular_file(path, ec)) {
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (!ec && size > max_bytes) return fail(too_large_message(max_bytes), too_large_hint());
  }
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return fail("cannot open the file: " + std::string(std::strerror(errno)), "check the path");
  std::string text;
  constexpr std::size_t kChunk = 1 << 20;
  while (in && text.size() <= max_bytes) {
    const std::size_t old = text.size();
    text.resize(old + std::min(kChunk, max_bytes + 1 - old));
    in.read(text.data() + old, static_cast<std::streamsize>(text.size() - old));
    text.resize(old + static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) return fail("cannot read the file", "");
  result.text = std::move(text);
  return result;
}

}  // namespace detail

}  // namespace eventgraph

// The common end of every import: ids, relation targets, clean text, the
// checks `eventgraph check` makes, and the commented event file.
#include "engine/detail/import_draft.h"
#include "engine/detail/text_checks.h"
#include "engine/event_graph.h"
#include "engine/suggest.h"
#include "engine/validate.h"
#include "engine/yaml_writer.h"

#include <optional>
#include <unordered_map>

namespace eventgraph::detail {

namespace {

// Control characters cannot be carried by every output format (and the
// loader refuses them): each becomes a space, with a warning.
class TextCleaner {
 public:
  TextCleaner(Draft& draft, const std::string& file) : draft_(draft), file_(file) {}

  void clean(std::string& text, const Origin& origin, std::string_view field) {
    if (!check_scalar(text)) return;
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
      char32_t c = 0;
      std::size_t length = decode_utf8(text, i, c);
      if (length == 0) {
        out += "\xEF\xBF\xBD";
        i += 1;
        continue;
      }
      const std::string_view one = std::string_view(text).substr(i, length);
      out += check_scalar(one) ? std::string_view(" ") : one;
      i += length;
    }
    text = std::move(out);
    draft_.warning(origin,
                   "control characters in '" + std::string(field) + "' were replaced by spaces", "",
                   file_);
  }

  void clean(std::vector<std::string>& items, const Origin& origin, std::string_view field) {
    for (std::string& item : items) clean(item, origin, field);
  }

 private:
  Draft& draft_;
  const std::string& file_;
};

void clean_all(Draft& draft, const std::string& file) {
  TextCleaner cleaner(draft, file);
  const Origin whole;
  cleaner.clean(draft.title, whole, "title");
  for (Actor& a : draft.actors) {
    for (std::string* text : {&a.name, &a.role, &a.affiliation})
      cleaner.clean(*text, whole, "actor");
  }
  for (Source& s : draft.sources) {
    for (std::string* text : {&s.title, &s.publisher, &s.author, &s.url}) {
      cleaner.clean(*text, whole, "source");
    }
  }
  for (DraftEvent& d : draft.events) {
    Event& e = d.event;
    cleaner.clean(e.title, d.origin, "title");
    cleaner.clean(e.kind, d.origin, "kind");
    cleaner.clean(e.place, d.origin, "place");
    cleaner.clean(e.summary, d.origin, "summary");
    cleaner.clean(e.tags, d.origin, "tags");
    for (DraftRelation& r : d.relations) cleaner.clean(r.details.note, r.origin, "note");
  }
}

void assign_ids(Draft& draft, const std::string& file) {
  SlugAllocator slugs;
  std::unordered_map<std::string, std::size_t> first_with;
  // Ids the input fixes come first, so no title's slug can take one.
  for (std::size_t i = 0; i < draft.events.size(); ++i) {
    DraftEvent& d = draft.events[i];
    if (d.id.empty()) continue;
    auto [it, added] = first_with.try_emplace(d.id, i);
    if (!added) {
      draft.error(d.origin, "the id '" + quote(d.id) + "' is used twice",
                  "the first is at " + draft.events[it->second].origin.where, file);
      continue;
    }
    if (d.id_is_exact || is_slug(d.id)) {
      d.event.id = d.id;
      slugs.reserve(d.id);
    }
  }
  for (DraftEvent& d : draft.events) {
    if (!d.event.id.empty()) continue;
    d.event.id = slugs.allocate(d.id.empty() ? d.event.title : d.id, "event");
  }
}

constexpr std::size_t kAmbiguous = static_cast<std::size_t>(-1);

void add_key(std::unordered_map<std::string, std::size_t>& keys, const std::string& key,
             std::size_t index) {
  if (key.empty()) return;
  auto [it, added] = keys.try_emplace(key, index);
  if (!added && it->second != index) it->second = kAmbiguous;
}

// Resolves every relation's target; returns the relations, from filled,
// and each one's origin in `origins`.
std::vector<Relation> resolve_relations(Draft& draft, const std::string& file,
                                        std::vector<Origin>& origins) {
  std::unordered_map<std::string, std::size_t> by_id, by_title;
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < draft.events.size(); ++i) {
    const DraftEvent& d = draft.events[i];
    add_key(by_id, d.event.id, i);
    add_key(by_id, d.id, i);
    for (const std::string& key : d.keys) add_key(by_id, key, i);
    add_key(by_title, d.event.title, i);
    ids.push_back(d.event.id);
  }
  std::vector<Relation> relations;
  for (DraftEvent& d : draft.events) {
    for (DraftRelation& r : d.relations) {
      std::optional<std::size_t> target;
      if (auto found = by_id.find(r.target); found != by_id.end()) {
        target = found->second;
      } else if (auto titled = by_title.find(r.target);
                 titled != by_title.end() && !d.id_is_exact) {
        // eventgraph's own JSON names targets by id only; others may use titles.
        target = titled->second;
      }
      if (!target || *target == kAmbiguous) {
        const bool ambiguous = target.has_value();
        const std::string kind(to_string(r.details.kind));
        if (!r.missing_is_error) {
          const std::string line =
              "'" + d.event.id + "' " + kind + " '" + r.target + "': not among the imported events";
          d.notes.push_back("not mapped: " + kind + " " + r.target + " (not in the input)");
          draft.unmapped.push_back(line);
          continue;
        }
        draft.error(
            r.origin,
            ambiguous
                ? "'" + quote(r.target) + "' names more than one event"
                : "no event '" + quote(r.target) + "' in the file" + did_you_mean(r.target, ids),
            ambiguous ? "name the event by its id" : "relations name events by id or title", file);
        continue;
      }
      Relation relation = r.details;
      relation.from = d.event.id;
      relation.to = draft.events[*target].event.id;
      relations.push_back(std::move(relation));
      origins.push_back(r.origin);
    }
  }
  return relations;
}

// Diagnostics from the checks point at placeholder lines (event i is line
// i + 1, relation r line events + r + 1); this puts each back where the
// input has it.
struct Placement {
  std::vector<Origin> origins;
  void apply(std::vector<Diagnostic>& diagnostics, const std::string& file) const {
    for (Diagnostic& d : diagnostics) {
      d.file = file;
      const auto line = static_cast<std::size_t>(d.location.line);
      if (line == 0 || line > origins.size()) continue;
      const Origin& origin = origins[line - 1];
      if (!origin.where.empty()) d.message = origin.where + ": " + d.message;
      d.location = origin.location;
    }
  }
};

}  // namespace

ImportResult finish_import(Draft draft, const std::string& file, ImportFormat format) {
  ImportResult result;
  if (!has_errors(draft.diagnostics)) {
    clean_all(draft, file);
    assign_ids(draft, file);
  }
  Dataset dataset;
  Placement placement;
  if (!has_errors(draft.diagnostics)) {
    dataset.version = 1;
    dataset.file = file;
    dataset.title = draft.title;
    std::vector<Origin> relation_origins;
    dataset.relations = resolve_relations(draft, file, relation_origins);
    for (DraftEvent& d : draft.events) {
      d.event.location = {static_cast<int>(placement.origins.size()) + 1, 1};
      placement.origins.push_back(d.origin);
      dataset.events.push_back(d.event);
    }
    for (std::size_t r = 0; r < dataset.relations.size(); ++r) {
      dataset.relations[r].location = {static_cast<int>(placement.origins.size()) + 1, 1};
      placement.origins.push_back(relation_origins[r]);
    }
    dataset.actors = draft.actors;
    dataset.sources = draft.sources;
  }
  std::vector<Diagnostic> checks;
  if (!has_errors(draft.diagnostics)) {
    std::size_t without_sources = 0;
    for (Diagnostic& d : validate_references(dataset)) {
      if (d.severity == Severity::warning && d.message.ends_with("' has no sources")) {
        ++without_sources;
        continue;
      }
      checks.push_back(std::move(d));
    }
    if (!has_errors(checks)) {
      EventGraph graph{Dataset(dataset)};
      for (Diagnostic& d : validate_graph(graph)) checks.push_back(std::move(d));
    }
    placement.apply(checks, file);
    if (without_sources > 0) {
      checks.push_back({file,
                        {},
                        Severity::warning,
                        std::to_string(without_sources) + " of " +
                            std::to_string(dataset.events.size()) + " events have no sources",
                        "add a sources column (ids, titles or URLs separated by ';')"});
    }
  }
  for (Diagnostic& d : checks) draft.diagnostics.push_back(std::move(d));
  sort_diagnostics(draft.diagnostics);
  result.diagnostics = std::move(draft.diagnostics);
  result.unmapped = draft.unmapped;
  if (has_errors(result.diagnostics)) return result;
  // What one event could not carry is listed at the end of the run too,
  // under its id, as well as in a comment above the event.
  for (const DraftEvent& d : draft.events) {
    for (const std::string& note : d.notes) {
      if (note.starts_with("not mapped: ")) {
        result.unmapped.push_back("'" + d.event.id + "': " + note.substr(12));
      }
    }
  }

  YamlComments comments;
  comments.header.push_back("Imported from " + file + " (" + std::string(to_string(format)) +
                            ") by eventgraph import; check it with 'eventgraph check'.");
  for (std::string& line : draft.header) comments.header.push_back(std::move(line));
  for (DraftEvent& d : draft.events) comments.events.push_back(std::move(d.notes));
  if (!draft.unmapped.empty()) {
    comments.footer.push_back("Not mapped (the event file has no place for these):");
    for (const std::string& line : draft.unmapped) comments.footer.push_back("- " + line);
  }
  result.events = dataset.events.size();
  result.relations = dataset.relations.size();
  result.yaml = dataset_yaml(dataset, comments);
  return result;
}

}  // namespace eventgraph::detail

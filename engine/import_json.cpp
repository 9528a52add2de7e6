// eventgraph's own dataset JSON (`eventgraph export json`): the event file's
// model written as JSON, read back field by field with JSON pointers in
// every message.
#include "engine/detail/import_draft.h"
#include "engine/detail/json_input.h"
#include "engine/detail/text_checks.h"
#include "engine/suggest.h"

#include <array>

namespace eventgraph::detail {

namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 5> kTopKeys = {"eventgraph", "title", "actors", "sources",
                                                      "events"};
constexpr std::array<std::string_view, 3> kActorKeys = {"name", "role", "affiliation"};
constexpr std::array<std::string_view, 5> kSourceKeys = {"title", "publisher", "author", "date",
                                                         "url"};
constexpr std::array<std::string_view, 12> kEventKeys = {
    "id",   "title",   "date",    "kind",   "actors",     "place",
    "tags", "summary", "sources", "causes", "references", "contradicts"};
constexpr std::array<std::string_view, 5> kRelationKeys = {"event", "sources", "claimed_by",
                                                           "disputed_by", "note"};

class DatasetJsonReader {
 public:
  explicit DatasetJsonReader(const std::string& file) : file_(file) {}

  Draft run(std::string_view text) {
    JsonInput input = parse_json_input(text, file_);
    if (input.error) {
      draft_.diagnostics.push_back(*input.error);
      return std::move(draft_);
    }
    const json& root = input.document;
    if (!root.is_object()) {
      fail("", "the document must be a map, not " + std::string(describe_json(root)),
           "eventgraph's JSON starts with {\"eventgraph\": 1, ...}");
      return std::move(draft_);
    }
    check_keys(root, kTopKeys, "");
    const auto version = root.find("eventgraph");
    if (version == root.end() || !(*version == 1 || *version == "1")) {
      fail("/eventgraph", "missing or unsupported format version", "write \"eventgraph\": 1");
    }
    text_of(root, "", "title", draft_.title);
    if (const auto actors = root.find("actors"); actors != root.end() && !actors->is_null()) {
      if (expect(*actors, json::value_t::object, "/actors")) {
        for (const auto& [id, value] : actors->items()) read_actor(id, value);
      }
    }
    if (const auto sources = root.find("sources"); sources != root.end() && !sources->is_null()) {
      if (expect(*sources, json::value_t::object, "/sources")) {
        for (const auto& [id, value] : sources->items()) read_source(id, value);
      }
    }
    const auto events = root.find("events");
    if (events == root.end()) {
      fail("", "missing 'events' list", "add \"events\": []");
    } else if (!events->is_null() && expect(*events, json::value_t::array, "/events")) {
      for (std::size_t i = 0; i < events->size(); ++i) {
        read_event((*events)[i], pointer_child("/events", i));
      }
    }
    return std::move(draft_);
  }

 private:
  void fail(const std::string& pointer, std::string message, std::string hint) {
    draft_.error({{}, pointer.empty() ? "at the top" : pointer}, std::move(message),
                 std::move(hint), file_);
  }

  bool expect(const json& value, json::value_t type, const std::string& pointer) {
    if (value.type() == type) return true;
    const bool object = type == json::value_t::object;
    fail(pointer,
         std::string("must be ") + (object ? "a map" : "a list") + ", not " +
             std::string(describe_json(value)),
         "");
    return false;
  }

  template <std::size_t N>
  void check_keys(const json& object, const std::array<std::string_view, N>& known,
                  const std::string& pointer) {
    const std::vector<std::string> names(known.begin(), known.end());
    for (const auto& [key, value] : object.items()) {
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      fail(pointer_child(pointer, key),
           "unknown key '" + quote(key) + "'" + did_you_mean(key, names),
           "known keys here: " + join_names(names));
    }
  }

  static std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
  }

  // An optional text field; null is the same as leaving it out.
  bool text_of(const json& object, const std::string& pointer, std::string_view key,
               std::string& out) {
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) return false;
    if (!found->is_string()) {
      fail(pointer_child(pointer, key), "must be text, not " + std::string(describe_json(*found)),
           "");
      return false;
    }
    out = found->get<std::string>();
    return true;
  }

  std::vector<std::string> list_of(const json& object, const std::string& pointer,
                                   std::string_view key) {
    std::vector<std::string> items;
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) return items;
    const std::string here = pointer_child(pointer, key);
    if (!expect(*found, json::value_t::array, here)) return items;
    for (std::size_t i = 0; i < found->size(); ++i) {
      const json& item = (*found)[i];
      if (!item.is_string()) {
        fail(pointer_child(here, i), "must be text, not " + std::string(describe_json(item)), "");
        continue;
      }
      items.push_back(item.get<std::string>());
    }
    return items;
  }

  std::optional<EdtfDate> date_of(const json& object, const std::string& pointer) {
    std::string text;
    if (!text_of(object, pointer, "date", text)) return std::nullopt;
    EdtfParseResult parsed = parse_edtf(text);
    if (!parsed.ok()) {
      fail(pointer_child(pointer, "date"), parsed.error, "dates are EDTF; see docs/format.md");
      return std::nullopt;
    }
    return parsed.date;
  }

  void read_actor(const std::string& id, const json& value) {
    const std::string pointer = pointer_child("/actors", id);
    if (!expect(value, json::value_t::object, pointer)) return;
    check_keys(value, kActorKeys, pointer);
    Actor actor;
    actor.id = id;
    if (!text_of(value, pointer, "name", actor.name)) fail(pointer, "actor has no 'name'", "");
    text_of(value, pointer, "role", actor.role);
    text_of(value, pointer, "affiliation", actor.affiliation);
    draft_.actors.push_back(std::move(actor));
  }

  void read_source(const std::string& id, const json& value) {
    const std::string pointer = pointer_child("/sources", id);
    if (!expect(value, json::value_t::object, pointer)) return;
    check_keys(value, kSourceKeys, pointer);
    Source source;
    source.id = id;
    if (!text_of(value, pointer, "title", source.title)) fail(pointer, "source has no 'title'", "");
    text_of(value, pointer, "publisher", source.publisher);
    text_of(value, pointer, "author", source.author);
    text_of(value, pointer, "url", source.url);
    source.date = date_of(value, pointer);
    draft_.sources.push_back(std::move(source));
  }

  void read_event(const json& value, const std::string& pointer) {
    if (!expect(value, json::value_t::object, pointer)) return;
    check_keys(value, kEventKeys, pointer);
    DraftEvent d;
    d.origin.where = pointer;
    d.id_is_exact = true;
    Event& e = d.event;
    if (!text_of(value, pointer, "id", d.id)) fail(pointer, "event has no 'id'", "");
    if (!text_of(value, pointer, "title", e.title)) fail(pointer, "event has no 'title'", "");
    if (auto date = date_of(value, pointer)) {
      e.date = *date;
    } else if (!value.contains("date") || value["date"].is_null()) {
      fail(pointer, "event has no 'date'", "");
    }
    text_of(value, pointer, "kind", e.kind);
    text_of(value, pointer, "place", e.place);
    text_of(value, pointer, "summary", e.summary);
    e.actors = list_of(value, pointer, "actors");
    e.tags = list_of(value, pointer, "tags");
    e.sources = list_of(value, pointer, "sources");
    for (RelationKind kind : kAllRelationKinds) read_relations(value, pointer, kind, d);
    draft_.events.push_back(std::move(d));
  }

  void read_relations(const json& event, const std::string& pointer, RelationKind kind,
                      DraftEvent& d) {
    const std::string key(to_string(kind));
    const auto found = event.find(key);
    if (found == event.end() || found->is_null()) return;
    const std::string here = pointer_child(pointer, key);
    if (!expect(*found, json::value_t::array, here)) return;
    for (std::size_t i = 0; i < found->size(); ++i) {
      const json& item = (*found)[i];
      const std::string at = pointer_child(here, i);
      DraftRelation r;
      r.details.kind = kind;
      r.origin.where = at;
      if (item.is_string()) {
        r.target = item.get<std::string>();
      } else if (item.is_object()) {
        check_keys(item, kRelationKeys, at);
        if (!text_of(item, at, "event", r.target)) {
          fail(at, "relation has no 'event'", "");
          continue;
        }
        r.details.sources = list_of(item, at, "sources");
        r.details.claimed_by = list_of(item, at, "claimed_by");
        r.details.disputed_by = list_of(item, at, "disputed_by");
        text_of(item, at, "note", r.details.note);
      } else {
        fail(at, "must be an event id or a map, not " + std::string(describe_json(item)), "");
        continue;
      }
      d.relations.push_back(std::move(r));
    }
  }

  const std::string& file_;
  Draft draft_;
};

}  // namespace

Draft read_dataset_json(std::string_view text, const std::string& file) {
  return DatasetJsonReader(file).run(text);
}

}  // namespace eventgraph::detail

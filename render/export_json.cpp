// The JSON exports: eventgraph's dataset JSON (read back by `import json`),
// Cytoscape.js elements and TimelineJS. nlohmann::ordered_json keeps keys in
// the order written, so the bytes are the same run to run.
#include "render/date_words.h"
#include "render/detail/export_selection.h"
#include "render/detail/timeline_lanes.h"

#include <nlohmann/json.hpp>

namespace eventgraph::detail {

namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& document) {
  // Text in the graph is valid UTF-8 (the loader checks); replace, rather
  // than throw, should anything else ever reach here.
  return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

void set_if(Json& object, const char* key, const std::string& value) {
  if (!value.empty()) object[key] = value;
}

void set_if(Json& object, const char* key, const std::vector<std::string>& values) {
  if (!values.empty()) object[key] = values;
}

Json relation_json(const Relation& r) {
  Json item;
  item["event"] = r.to;
  set_if(item, "sources", r.sources);
  set_if(item, "claimed_by", r.claimed_by);
  set_if(item, "disputed_by", r.disputed_by);
  set_if(item, "note", r.note);
  return item;
}

}  // namespace

std::vector<ExportFile> write_dataset_json(const ExportSelection& s) {
  const EventGraph& g = *s.graph;
  Json root;
  root["eventgraph"] = 1;
  set_if(root, "title", s.title);
  Json actors = Json::object();
  for (const Actor& a : g.actors()) {
    Json actor;
    actor["name"] = a.name;
    set_if(actor, "role", a.role);
    set_if(actor, "affiliation", a.affiliation);
    actors[a.id] = std::move(actor);
  }
  root["actors"] = std::move(actors);
  Json sources = Json::object();
  for (const Source& src : g.sources()) {
    Json source;
    source["title"] = src.title;
    set_if(source, "publisher", src.publisher);
    set_if(source, "author", src.author);
    if (src.date) source["date"] = src.date->text();
    set_if(source, "url", src.url);
    sources[src.id] = std::move(source);
  }
  root["sources"] = std::move(sources);
  // Each event's relations under it, by kind, as the event file writes them.
  std::vector<std::vector<RelationIndex>> listed(g.events().size());
  for (RelationIndex r : s.relations) listed[g.endpoints(r).from].push_back(r);
  Json events = Json::array();
  for (EventIndex index : s.events) {
    const Event& e = g.event(index);
    Json event;
    event["id"] = e.id;
    event["title"] = e.title;
    event["date"] = e.date.text();
    set_if(event, "kind", e.kind);
    set_if(event, "actors", e.actors);
    set_if(event, "place", e.place);
    set_if(event, "tags", e.tags);
    set_if(event, "summary", e.summary);
    set_if(event, "sources", e.sources);
    for (RelationKind kind : kAllRelationKinds) {
      Json items = Json::array();
      for (RelationIndex r : listed[index]) {
        if (g.relation(r).kind == kind) items.push_back(relation_json(g.relation(r)));
      }
      if (!items.empty()) event[std::string(to_string(kind))] = std::move(items);
    }
    events.push_back(std::move(event));
  }
  root["events"] = std::move(events);
  return {{"", dump(root)}};
}

std::vector<ExportFile> write_cytoscape(const ExportSelection& s) {
  const EventGraph& g = *s.graph;
  Json nodes = Json::array();
  for (EventIndex index : s.events) {
    const Event& e = g.event(index);
    Json data;
    data["id"] = e.id;
    data["label"] = e.title;
    data["date"] = e.date.text();
    set_if(data, "earliest", earliest_day(e));
    set_if(data, "latest", latest_day(e));
    set_if(data, "kind", e.kind);
    data["actors"] = actor_names(g, e);
    data["tags"] = e.tags;
    set_if(data, "place", e.place);
    set_if(data, "summary", e.summary);
    nodes.push_back(Json{{"data", std::move(data)}});
  }
  Json edges = Json::array();
  for (RelationIndex index : s.relations) {
    const Relation& r = g.relation(index);
    Json data;
    // Node and edge ids share one namespace in Cytoscape.js; event ids are
    // slugs, which never hold ':'.
    data["id"] = "relation:" + std::to_string(index);
    data["source"] = r.from;
    data["target"] = r.to;
    data["kind"] = std::string(to_string(r.kind));
    data["disputed"] = r.disputed();
    data["claimed_by"] = r.claimed_by;
    data["disputed_by"] = r.disputed_by;
    data["sources"] = r.sources;
    set_if(data, "note", r.note);
    edges.push_back(Json{{"data", std::move(data)}});
  }
  Json root;
  root["data"] = Json{{"title", s.title}};
  root["elements"] = Json{{"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
  return {{"", dump(root)}};
}

namespace {

// TimelineJS numbers years as people do (-1 is 1 BCE): astronomical 0 is -1.
std::int64_t timelinejs_year(std::int64_t astronomical) {
  return astronomical <= 0 ? astronomical - 1 : astronomical;
}

// One end of a date as a TimelineJS date object, as precise as that end.
std::optional<Json> date_object(std::string_view text) {
  const EdtfParseResult parsed = parse_edtf(text);
  if (!parsed.ok() || parsed.date.start() != Bound::known) return std::nullopt;
  const CivilDay day = to_civil(parsed.date.known_first());
  Json object;
  object["year"] = std::to_string(timelinejs_year(day.year.value()));
  const Precision p = parsed.date.precision();
  if (p == Precision::day || p == Precision::month || p == Precision::season) {
    object["month"] = std::to_string(static_cast<unsigned>(day.month));
  }
  if (p == Precision::day) object["day"] = std::to_string(static_cast<unsigned>(day.day));
  return object;
}

// Whether the date objects say all the date says; if not, display_date
// carries it in words.
bool objects_say_it_all(const EdtfDate& date) {
  if (date.uncertain() || date.approximate()) return false;
  if (date.start() != Bound::known || date.end() != Bound::known) return false;
  const std::string& text = date.text();
  if (text.find('X') != std::string::npos) return false;
  for (std::string_view side :
       {std::string_view(text).substr(0, text.find('/')),
        text.find('/') == std::string::npos ? std::string_view()
                                            : std::string_view(text).substr(text.find('/') + 1)}) {
    if (side.empty()) continue;
    const Precision p = parse_edtf(side).date.precision();
    if (p == Precision::season || p == Precision::decade || p == Precision::century) return false;
  }
  return true;
}

std::string html_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\n':
        out += "<br>";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::vector<ExportFile> write_timelinejs(const ExportSelection& s) {
  const EventGraph& g = *s.graph;
  // Groups are the timeline view's lanes (by affiliation, as it draws them).
  const LanePlan lanes = plan_lanes(g, s.events, LaneMode::affiliation, false);
  Json events = Json::array();
  for (std::size_t i = 0; i < s.events.size(); ++i) {
    const Event& e = g.event(s.events[i]);
    const std::string& text = e.date.text();
    const std::size_t slash = text.find('/');
    Json event;
    auto start = date_object(std::string_view(text).substr(0, slash));
    if (!start) start = date_object(format_day(e.date.known_first()));
    event["start_date"] = *start;
    if (slash != std::string::npos) {
      if (auto end = date_object(std::string_view(text).substr(slash + 1))) {
        event["end_date"] = *end;
      }
    }
    if (!objects_say_it_all(e.date)) event["display_date"] = describe_date(e.date);
    Json body;
    body["headline"] = html_text(e.title);
    if (!e.summary.empty()) body["text"] = "<p>" + html_text(e.summary) + "</p>";
    event["text"] = std::move(body);
    if (!lanes.of_event[i].empty() && lanes.names.size() > 1) {
      event["group"] = lanes.names[lanes.of_event[i].front()];
    }
    event["unique_id"] = e.id;
    // The exact EDTF date, which `import timelinejs` prefers when it agrees
    // with the date objects (TimelineJS ignores keys it does not know).
    event["edtf"] = text;
    events.push_back(std::move(event));
  }
  Json root;
  root["title"] = Json{{"text", Json{{"headline", html_text(s.title)}}}};
  root["events"] = std::move(events);
  return {{"", dump(root)}};
}

}  // namespace eventgraph::detail

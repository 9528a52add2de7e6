#include "render/query_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace eventgraph {

namespace {

using nlohmann::ordered_json;

std::string dump(const ordered_json& document, JsonStyle style) {
  const int indent = style == JsonStyle::pretty ? 2 : -1;
  return document.dump(indent, ' ', false, ordered_json::error_handler_t::replace) + '\n';
}

ordered_json day_or_null(const std::optional<Day>& day) {
  return day ? ordered_json(format_day(*day)) : ordered_json(nullptr);
}

ordered_json text_or_null(const std::string& text) {
  return text.empty() ? ordered_json(nullptr) : ordered_json(text);
}

ordered_json date_json(const EdtfDate& d) {
  return {{"edtf", d.text()},
          {"earliest", day_or_null(d.earliest())},
          {"latest", day_or_null(d.latest())},
          {"precision", to_string(d.precision())},
          {"uncertain", d.uncertain()},
          {"approximate", d.approximate()}};
}

ordered_json event_json(const Event& e) {
  return {{"id", e.id},
          {"title", e.title},
          {"date", date_json(e.date)},
          {"kind", text_or_null(e.kind)},
          {"actors", e.actors},
          {"place", text_or_null(e.place)},
          {"tags", e.tags},
          {"sources", e.sources}};
}

ordered_json relation_json(const Relation& r) {
  return {{"from", r.from},
          {"to", r.to},
          {"kind", to_string(r.kind)},
          {"claimed_by", r.claimed_by},
          {"disputed_by", r.disputed_by},
          {"sources", r.sources},
          {"note", text_or_null(r.note)}};
}

ordered_json echo_json(const QueryEcho& query) {
  ordered_json echo = ordered_json::object();
  for (const auto& [key, value] : query.fields()) {
    std::visit([&, &k = key](const auto& v) { echo[k] = v; }, value);
  }
  return echo;
}

ordered_json document(const QueryEcho& query) {
  return {{"eventgraph", 1}, {"query", echo_json(query)}};
}

ordered_json reached_array(const EventGraph& graph, std::span<const Reached> events) {
  ordered_json array = ordered_json::array();
  for (const Reached& r : events) {
    ordered_json e = event_json(graph.event(r.event));
    e["distance"] = r.distance;
    array.push_back(std::move(e));
  }
  return array;
}

}  // namespace

QueryEcho& QueryEcho::set(const std::string& key, EchoValue value) {
  auto found = std::find_if(fields_.begin(), fields_.end(),
                            [&](const auto& field) { return field.first == key; });
  if (found != fields_.end()) {
    found->second = std::move(value);
  } else {
    fields_.emplace_back(key, std::move(value));
  }
  return *this;
}

std::string events_json(const EventGraph& graph, const QueryEcho& query,
                        std::span<const EventIndex> events, JsonStyle style) {
  ordered_json array = ordered_json::array();
  for (EventIndex e : events) array.push_back(event_json(graph.event(e)));
  ordered_json doc = document(query);
  doc["events"] = std::move(array);
  return dump(doc, style);
}

std::string reached_json(const EventGraph& graph, const QueryEcho& query,
                         std::span<const Reached> events, JsonStyle style) {
  ordered_json doc = document(query);
  doc["events"] = reached_array(graph, events);
  return dump(doc, style);
}

std::string neighbourhood_json(const EventGraph& graph, const QueryEcho& query,
                               const Neighbourhood& around, JsonStyle style) {
  ordered_json relations = ordered_json::array();
  for (RelationIndex r : around.relations) relations.push_back(relation_json(graph.relation(r)));
  ordered_json doc = document(query);
  doc["events"] = reached_array(graph, around.events);
  doc["relations"] = std::move(relations);
  return dump(doc, style);
}

std::string paths_json(const EventGraph& graph, const QueryEcho& query, const PathResult& paths,
                       JsonStyle style) {
  ordered_json array = ordered_json::array();
  for (const Path& path : paths.paths) {
    ordered_json ids = ordered_json::array();
    for (EventIndex e : path.events) ids.push_back(graph.event(e).id);
    ordered_json relations = ordered_json::array();
    for (RelationIndex r : path.relations) relations.push_back(relation_json(graph.relation(r)));
    array.push_back(
        {{"steps", path.steps()}, {"events", std::move(ids)}, {"relations", std::move(relations)}});
  }
  ordered_json doc = document(query);
  doc["paths"] = std::move(array);
  doc["truncated"] = paths.truncated;
  return dump(doc, style);
}

std::string contradictions_json(const EventGraph& graph, const QueryEcho& query,
                                std::span<const Contradiction> pairs, JsonStyle style) {
  ordered_json array = ordered_json::array();
  for (const Contradiction& c : pairs) {
    const Relation& r = graph.relation(c.relation);
    array.push_back({{"a", graph.event(c.a).id},
                     {"b", graph.event(c.b).id},
                     {"a_actors", graph.event(c.a).actors},
                     {"b_actors", graph.event(c.b).actors},
                     {"sources", contradiction_sources(graph, c)},
                     {"claimed_by", r.claimed_by},
                     {"disputed_by", r.disputed_by},
                     {"note", text_or_null(r.note)}});
  }
  ordered_json doc = document(query);
  doc["pairs"] = std::move(array);
  return dump(doc, style);
}

std::string conflicts_json(const EventGraph& graph, const QueryEcho& query,
                           std::span<const TemporalConflict> conflicts, JsonStyle style) {
  ordered_json array = ordered_json::array();
  for (const TemporalConflict& c : conflicts) {
    const Endpoints ends = graph.endpoints(c.relation);
    array.push_back({{"relation", relation_json(graph.relation(c.relation))},
                     {"certain", c.certain},
                     {"cause_date", date_json(graph.event(ends.from).date)},
                     {"effect_date", date_json(graph.event(ends.to).date)}});
  }
  ordered_json doc = document(query);
  doc["conflicts"] = std::move(array);
  return dump(doc, style);
}

std::string show_json(const EventGraph& graph, const QueryEcho& query, EventIndex index,
                      JsonStyle style) {
  const Event& event = graph.event(index);
  ordered_json e = event_json(event);
  e["summary"] = text_or_null(event.summary);

  // Relations touching the event, in relation order, and every actor and
  // source the event and those relations name, in order of first mention.
  std::vector<std::string> actor_ids = event.actors, source_ids = event.sources;
  auto mention = [](std::vector<std::string>& ids, const std::vector<std::string>& more) {
    for (const std::string& id : more) {
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
  };
  ordered_json relations = ordered_json::array();
  std::vector<RelationIndex> touching;
  for (const Step& step : graph.neighbours(index, RelationKinds::all())) {
    touching.push_back(step.relation);
  }
  std::sort(touching.begin(), touching.end());
  for (RelationIndex r : touching) {
    const Relation& relation = graph.relation(r);
    relations.push_back(relation_json(relation));
    mention(actor_ids, relation.claimed_by);
    mention(actor_ids, relation.disputed_by);
    mention(source_ids, relation.sources);
  }
  ordered_json actors = ordered_json::array();
  for (const std::string& id : actor_ids) {
    const Actor* a = graph.find_actor(id);
    if (!a) continue;
    actors.push_back({{"id", a->id},
                      {"name", a->name},
                      {"role", text_or_null(a->role)},
                      {"affiliation", text_or_null(a->affiliation)}});
  }
  ordered_json sources = ordered_json::array();
  for (const std::string& id : source_ids) {
    const Source* s = graph.find_source(id);
    if (!s) continue;
    sources.push_back({{"id", s->id},
                       {"title", s->title},
                       {"publisher", text_or_null(s->publisher)},
                       {"author", text_or_null(s->author)},
                       {"date", s->date ? ordered_json(s->date->text()) : ordered_json(nullptr)},
                       {"url", text_or_null(s->url)}});
  }
  ordered_json doc = document(query);
  doc["event"] = std::move(e);
  doc["relations"] = std::move(relations);
  doc["actors"] = std::move(actors);
  doc["sources"] = std::move(sources);
  return dump(doc, style);
}

}  // namespace eventgraph

#include "render/query_json.h"

#include "engine/filter.h"
#include "engine/loader.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace {

using eventgraph::EventGraph;
using eventgraph::JsonStyle;
using eventgraph::QueryEcho;
using nlohmann::json;

const EventGraph& graph() {
  static const EventGraph g = [] {
    auto loaded = eventgraph::load_file(EVENTGRAPH_TEST_DATA "/query/graph.yaml");
    REQUIRE(loaded.ok());
    return std::move(*loaded.graph);
  }();
  return g;
}

eventgraph::EventIndex index_of(std::string_view id) { return *graph().find_event(id); }

}  // namespace

TEST_CASE("QueryEcho keeps fields in order and replaces in place") {
  QueryEcho echo("path");
  echo.set("from", std::string("a")).set("k", std::int64_t{3}).set("from", std::string("b"));
  REQUIRE(echo.fields().size() == 3);
  CHECK(echo.fields()[0].first == "cmd");
  CHECK(echo.fields()[1].first == "from");
  CHECK(std::get<std::string>(echo.fields()[1].second) == "b");
  const std::vector<eventgraph::EventIndex> none;
  CHECK(eventgraph::events_json(graph(), echo, none, JsonStyle::line) ==
        "{\"eventgraph\":1,\"query\":{\"cmd\":\"path\",\"from\":\"b\",\"k\":3},\"events\":[]}\n");
}

TEST_CASE("an event in JSON has the documented fields, days as YYYY-MM-DD") {
  const std::vector<eventgraph::EventIndex> events = {index_of("delta"), index_of("oscar")};
  const json doc = json::parse(eventgraph::events_json(graph(), QueryEcho("list"), events));
  REQUIRE(doc["events"].size() == 2);
  CHECK(doc["events"][0] == json::parse(R"({
    "id": "delta", "title": "Meeting in the middle",
    "date": {"edtf": "2020-05-10", "earliest": "2020-05-10", "latest": "2020-05-10",
             "precision": "day", "uncertain": false, "approximate": false},
    "kind": "meeting", "actors": ["bob"], "place": null, "tags": ["middle"],
    "sources": ["s1", "s2"]})"));
  CHECK(doc["events"][1]["date"] == json::parse(R"({"edtf": "2020-06-20/..",
    "earliest": "2020-06-20", "latest": null, "precision": "interval",
    "uncertain": false, "approximate": false})"));
}

TEST_CASE("pretty and line styles hold the same document") {
  const std::vector<eventgraph::EventIndex> events = {index_of("echo")};
  const std::string pretty = eventgraph::events_json(graph(), QueryEcho("list"), events);
  const std::string line =
      eventgraph::events_json(graph(), QueryEcho("list"), events, JsonStyle::line);
  CHECK(std::count(line.begin(), line.end(), '\n') == 1);
  CHECK(line.back() == '\n');
  CHECK(std::count(pretty.begin(), pretty.end(), '\n') > 10);
  CHECK(json::parse(pretty) == json::parse(line));
  // Non-ASCII text is kept as UTF-8, not \u-escaped.
  CHECK(line.find("Élan of the Ωmega step") != std::string::npos);
}

TEST_CASE("strings are escaped, and invalid UTF-8 becomes U+FFFD") {
  auto loaded = eventgraph::load_string(
      "eventgraph: 1\nsources: {s: {title: S}}\nevents:\n"
      "  - {id: q, title: \"He said \\\"no\\\" \\\\ then\\tleft\", date: 2020, sources: [s]}\n",
      "escape.yaml");
  REQUIRE(loaded.ok());
  const std::vector<eventgraph::EventIndex> events = {0};
  QueryEcho echo("list");
  echo.set("match", std::string("bad \xff byte"));
  const std::string text = eventgraph::events_json(*loaded.graph, echo, events, JsonStyle::line);
  CHECK(text.find(R"("title":"He said \"no\" \\ then\tleft")") != std::string::npos);
  const json doc = json::parse(text);
  CHECK(doc["query"]["match"] == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("paths JSON: event ids, relations and truncated") {
  eventgraph::PathResult result =
      eventgraph::k_shortest_paths(graph(), index_of("alpha"), index_of("foxtrot"), 1, {});
  json doc = json::parse(eventgraph::paths_json(graph(), QueryEcho("path"), result));
  CHECK(doc["truncated"] == false);
  REQUIRE(doc["paths"].size() == 1);
  CHECK(doc["paths"][0]["steps"] == 2);
  CHECK(doc["paths"][0]["events"] == json::array({"alpha", "xray", "foxtrot"}));
  CHECK(doc["paths"][0]["relations"][0] == json::parse(R"({"from": "alpha", "to": "xray",
    "kind": "causes", "claimed_by": [], "disputed_by": [], "sources": [], "note": null})"));
  result.truncated = true;
  result.paths.clear();
  doc = json::parse(eventgraph::paths_json(graph(), QueryEcho("path"), result));
  CHECK(doc["paths"].empty());
  CHECK(doc["truncated"] == true);
}

TEST_CASE("reached and neighbourhood JSON carry distances") {
  const auto found = eventgraph::ancestors(graph(), index_of("foxtrot"), {.depth = 1});
  json doc = json::parse(eventgraph::reached_json(graph(), QueryEcho("ancestors"), found));
  REQUIRE(doc["events"].size() == 3);
  CHECK(doc["events"][0]["id"] == "xray");
  CHECK(doc["events"][0]["distance"] == 1);

  const eventgraph::EventIndex seeds[] = {index_of("delta")};
  const auto around =
      eventgraph::neighbourhood(graph(), seeds, 1, eventgraph::RelationKinds::all());
  doc = json::parse(eventgraph::neighbourhood_json(graph(), QueryEcho("around"), around));
  CHECK(doc["events"].size() == 4);
  CHECK(doc["relations"].size() == 3);
}

TEST_CASE("contradictions and conflicts JSON") {
  const auto pairs = eventgraph::contradictions(graph());
  json doc =
      json::parse(eventgraph::contradictions_json(graph(), QueryEcho("contradictions"), pairs));
  REQUIRE(doc["pairs"].size() == 2);
  CHECK(doc["pairs"][1] == json::parse(R"({"a": "sierra", "b": "papa", "a_actors": ["carol"],
    "b_actors": ["alice"], "sources": ["s1", "s2"], "claimed_by": ["carol"],
    "disputed_by": ["alice"], "note": null})"));

  const auto conflicts = eventgraph::temporal_conflicts(graph());
  doc = json::parse(eventgraph::conflicts_json(graph(), QueryEcho("consistency"), conflicts));
  REQUIRE(doc["conflicts"].size() == 1);
  CHECK(doc["conflicts"][0]["certain"] == false);
  CHECK(doc["conflicts"][0]["cause_date"]["edtf"] == "2020");
  CHECK(doc["conflicts"][0]["effect_date"]["edtf"] == "2020-06-10");
}

TEST_CASE("show JSON: the event in full with its relations, actors and sources") {
  const json doc =
      json::parse(eventgraph::show_json(graph(), QueryEcho("show"), index_of("alpha")));
  CHECK(doc["event"]["summary"] == "Where the chain begins.");
  CHECK(doc["relations"].size() == 4);  // three causes out, one references in
  CHECK(doc["actors"] == json::parse(R"([{"id": "alice", "name": "Alice Archer",
    "role": "analyst", "affiliation": "north"}])"));
  CHECK(doc["sources"] == json::parse(R"([{"id": "s1", "title": "First report",
    "publisher": "Example Wire", "author": null, "date": "2021-05-01", "url": null}])"));
}

TEST_CASE("the same query gives the same bytes") {
  const auto found = eventgraph::descendants(graph(), index_of("alpha"), {});
  CHECK(eventgraph::reached_json(graph(), QueryEcho("descendants"), found) ==
        eventgraph::reached_json(graph(), QueryEcho("descendants"), found));
}

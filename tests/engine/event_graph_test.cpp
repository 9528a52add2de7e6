#include "engine/event_graph.h"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

namespace {

using eventgraph::Dataset;
using eventgraph::Event;
using eventgraph::EventGraph;
using eventgraph::EventIndex;
using eventgraph::Relation;
using eventgraph::RelationKind;
using eventgraph::RelationKinds;
using eventgraph::Step;

Event event(std::string id, std::string_view date) {
  Event e;
  e.id = std::move(id);
  e.title = "Event " + e.id;
  auto parsed = eventgraph::parse_edtf(date);
  REQUIRE(parsed.ok());
  e.date = parsed.date;
  return e;
}

Relation relation(std::string from, std::string to, RelationKind kind) {
  Relation r;
  r.from = std::move(from);
  r.to = std::move(to);
  r.kind = kind;
  return r;
}

std::vector<std::string> ids(const EventGraph& graph) {
  std::vector<std::string> out;
  for (const Event& e : graph.events()) out.push_back(e.id);
  return out;
}

// Steps as "relation-kind:event-id", in the order the graph returns them.
std::vector<std::string> steps(const EventGraph& graph, const std::vector<Step>& found) {
  std::vector<std::string> out;
  for (const Step& step : found) {
    out.push_back(std::string(to_string(graph.relation(step.relation).kind)) + ":" +
                  graph.event(step.event).id);
  }
  return out;
}

// Events in file order a..g, with dates that sort them differently.
Dataset sample() {
  Dataset data;
  data.file = "sample.yaml";
  data.title = "Sample";
  data.events = {event("a", "2022"),      event("b", "2022-01"), event("c", "2022-03"),
                 event("d", "../2021"),   event("e", "2022/.."), event("f", "2022"),
                 event("g", "2021-12-25")};
  data.actors = {{"putin", "Vladimir Putin", "", "", {}}, {"lavrov", "Sergey Lavrov", "", "", {}}};
  data.sources = {{"tass", "TASS report", "", "", std::nullopt, "", {}},
                  {"rt", "RT article", "", "", std::nullopt, "", {}}};
  data.relations = {
      relation("c", "a", RelationKind::references),  relation("a", "c", RelationKind::causes),
      relation("a", "c", RelationKind::contradicts), relation("g", "a", RelationKind::causes),
      relation("b", "c", RelationKind::references),  relation("a", "b", RelationKind::causes)};
  return data;
}

}  // namespace

TEST_CASE("events are in chronological order: earliest day, latest day, id", "[event_graph]") {
  const EventGraph graph(sample());
  // d has an open start, before every known day; b ends before a; a and f
  // tie on both days and go by id; e's open end sorts after a's 31 December.
  CHECK(ids(graph) == std::vector<std::string>{"d", "g", "b", "a", "f", "e", "c"});
  CHECK(graph.title() == "Sample");
  CHECK(graph.file() == "sample.yaml");
}

TEST_CASE("events, actors and sources are found by id", "[event_graph]") {
  const EventGraph graph(sample());
  for (EventIndex i = 0; i < graph.events().size(); ++i) {
    CHECK(graph.find_event(graph.event(i).id) == i);
  }
  CHECK(graph.event(*graph.find_event("c")).title == "Event c");
  CHECK_FALSE(graph.find_event("zz").has_value());
  CHECK_FALSE(graph.find_event("").has_value());

  REQUIRE(graph.actors().size() == 2);
  CHECK(graph.actors()[0].id == "lavrov");  // sorted by id
  CHECK(graph.actors()[1].id == "putin");
  REQUIRE(graph.find_actor("putin") != nullptr);
  CHECK(graph.find_actor("putin")->name == "Vladimir Putin");
  CHECK(graph.find_actor("Putin") == nullptr);

  REQUIRE(graph.sources().size() == 2);
  CHECK(graph.sources()[0].id == "rt");
  CHECK(graph.find_source("tass")->title == "TASS report");
  CHECK(graph.find_source("cnn") == nullptr);

  CHECK(graph.event_ids() == std::vector<std::string>{"a", "b", "c", "d", "e", "f", "g"});
}

TEST_CASE("relations are sorted by their ends' positions, then kind", "[event_graph]") {
  const EventGraph graph(sample());
  std::vector<std::string> order;
  for (eventgraph::RelationIndex r = 0; r < graph.relations().size(); ++r) {
    const Relation& rel = graph.relation(r);
    const auto ends = graph.endpoints(r);
    CHECK(graph.event(ends.from).id == rel.from);
    CHECK(graph.event(ends.to).id == rel.to);
    order.push_back(rel.from + " " + std::string(to_string(rel.kind)) + " " + rel.to);
  }
  // Positions: g=1, b=2, a=3, c=6.
  CHECK(order == std::vector<std::string>{
                     "g causes a",
                     "b references c",
                     "a causes b",
                     "a causes c",
                     "a contradicts c",
                     "c references a",
                 });
}

TEST_CASE("outgoing, incoming and neighbours filter by kind", "[event_graph]") {
  const EventGraph graph(sample());
  const EventIndex a = *graph.find_event("a");
  const EventIndex c = *graph.find_event("c");
  const auto all = RelationKinds::all();
  const RelationKinds causes(RelationKind::causes);

  CHECK(steps(graph, graph.outgoing(a, all)) ==
        std::vector<std::string>{"causes:b", "causes:c", "contradicts:c"});
  CHECK(steps(graph, graph.outgoing(a, causes)) ==
        std::vector<std::string>{"causes:b", "causes:c"});
  CHECK(steps(graph, graph.incoming(a, all)) ==
        std::vector<std::string>{"causes:g", "references:c"});
  CHECK(steps(graph, graph.incoming(a, RelationKinds(RelationKind::contradicts))).empty());
  CHECK(steps(graph, graph.outgoing(a, RelationKinds())).empty());

  // neighbours: both directions, sorted by the other event's position, so
  // a contradiction is found from either end.
  CHECK(steps(graph, graph.neighbours(a, all)) ==
        std::vector<std::string>{"causes:g", "causes:b", "causes:c", "contradicts:c",
                                 "references:c"});
  CHECK(steps(graph, graph.neighbours(c, RelationKinds(RelationKind::contradicts))) ==
        std::vector<std::string>{"contradicts:a"});
  const EventIndex e = *graph.find_event("e");
  CHECK(graph.neighbours(e, all).empty());
}

TEST_CASE("an empty dataset makes an empty graph", "[event_graph]") {
  const EventGraph graph{Dataset{}};
  CHECK(graph.events().empty());
  CHECK(graph.relations().empty());
  CHECK(graph.event_ids().empty());
  CHECK_FALSE(graph.find_event("a").has_value());
}

TEST_CASE("a moved graph keeps its lookups", "[event_graph]") {
  EventGraph first(sample());
  EventGraph second(std::move(first));
  CHECK(second.find_event("a").has_value());
  EventGraph third{Dataset{}};
  third = std::move(second);
  REQUIRE(third.find_event("c").has_value());
  CHECK(third.event(*third.find_event("c")).id == "c");
  CHECK(third.find_actor("lavrov") != nullptr);
}

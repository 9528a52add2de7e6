#include "engine/traversal.h"

#include "engine/loader.h"
#include "tests/engine/query_graph.h"
#include "tests/support/synthetic.h"

#include <catch2/catch.hpp>

#include <deque>
#include <string>
#include <utility>

namespace {

using eventgraph::EventGraph;
using eventgraph::Reached;
using eventgraph::TraversalOptions;
using eventgraph::testing::index_of;
using eventgraph::testing::query_graph;

using Distances = std::vector<std::pair<std::string, std::uint32_t>>;

Distances distances(const EventGraph& graph, const std::vector<Reached>& reached) {
  Distances out;
  for (const Reached& r : reached) out.emplace_back(graph.event(r.event).id, r.distance);
  return out;
}

TraversalOptions options(std::string_view kinds, std::optional<std::uint32_t> depth = {}) {
  TraversalOptions o;
  o.via = *eventgraph::parse_relation_kinds(kinds, nullptr);
  o.depth = depth;
  return o;
}

}  // namespace

TEST_CASE("ancestors: every cause, chronologically, with its distance") {
  const auto& g = query_graph();
  CHECK(distances(g, eventgraph::ancestors(g, index_of(g, "foxtrot"), {})) ==
        Distances{{"yankee", 2},
                  {"alpha", 2},
                  {"bravo", 2},
                  {"charlie", 2},
                  {"xray", 1},
                  {"delta", 1},
                  {"echo", 1}});
  CHECK(distances(g, eventgraph::ancestors(g, index_of(g, "foxtrot"), options("causes", 1))) ==
        Distances{{"xray", 1}, {"delta", 1}, {"echo", 1}});
  CHECK(eventgraph::ancestors(g, index_of(g, "alpha"), {}).empty());
  CHECK(eventgraph::ancestors(g, index_of(g, "foxtrot"), options("causes", 0)).empty());
}

TEST_CASE("descendants: every effect, chronologically, with its distance") {
  const auto& g = query_graph();
  CHECK(distances(g, eventgraph::descendants(g, index_of(g, "alpha"), {})) ==
        Distances{
            {"bravo", 1}, {"charlie", 1}, {"xray", 1}, {"delta", 2}, {"echo", 2}, {"foxtrot", 2}});
  CHECK(eventgraph::descendants(g, index_of(g, "foxtrot"), {}).empty());
}

TEST_CASE("lineage along references and contradicts") {
  const auto& g = query_graph();
  // Statements that refer to an event are its ancestors along references.
  CHECK(distances(g, eventgraph::ancestors(g, index_of(g, "alpha"), options("references"))) ==
        Distances{{"romeo", 1}});
  CHECK(distances(g, eventgraph::descendants(g, index_of(g, "romeo"), options("references"))) ==
        Distances{{"alpha", 1}, {"foxtrot", 1}});
  CHECK(distances(g,
                  eventgraph::ancestors(g, index_of(g, "foxtrot"), options("causes,references"))) ==
        Distances{{"yankee", 2},
                  {"alpha", 2},
                  {"bravo", 2},
                  {"charlie", 2},
                  {"xray", 1},
                  {"delta", 1},
                  {"echo", 1},
                  {"romeo", 1}});
  // contradicts is symmetric, so it reaches both ways.
  CHECK(distances(g, eventgraph::descendants(g, index_of(g, "quebec"), options("contradicts"))) ==
        Distances{{"papa", 1}, {"sierra", 2}});
}

TEST_CASE("neighbourhood: the subgraph within N steps of some events") {
  const auto& g = query_graph();
  const eventgraph::EventIndex delta[] = {index_of(g, "delta")};
  auto around = eventgraph::neighbourhood(
      g, delta, 1, eventgraph::RelationKinds(eventgraph::RelationKind::causes));
  CHECK(distances(g, around.events) ==
        Distances{{"bravo", 1}, {"charlie", 1}, {"delta", 0}, {"foxtrot", 1}});
  std::vector<std::pair<std::string, std::string>> relations;
  for (auto r : around.relations) relations.emplace_back(g.relation(r).from, g.relation(r).to);
  CHECK(relations == std::vector<std::pair<std::string, std::string>>{
                         {"bravo", "delta"}, {"charlie", "delta"}, {"delta", "foxtrot"}});

  around = eventgraph::neighbourhood(g, delta, 2,
                                     eventgraph::RelationKinds(eventgraph::RelationKind::causes));
  CHECK(distances(g, around.events) == Distances{{"alpha", 2},
                                                 {"bravo", 1},
                                                 {"charlie", 1},
                                                 {"xray", 2},
                                                 {"delta", 0},
                                                 {"echo", 2},
                                                 {"foxtrot", 1}});
  CHECK(around.relations.size() == 9);  // every causes relation but yankee -> echo
}

TEST_CASE("neighbourhood of several seeds") {
  const auto& g = query_graph();
  const eventgraph::EventIndex seeds[] = {index_of(g, "zulu"), index_of(g, "papa"),
                                          index_of(g, "zulu")};
  auto around = eventgraph::neighbourhood(g, seeds, 1, eventgraph::RelationKinds::all());
  CHECK(distances(g, around.events) ==
        Distances{{"zulu", 0}, {"papa", 0}, {"quebec", 1}, {"sierra", 1}});
  CHECK(around.relations.size() == 2);
}

TEST_CASE("lineage in data/events.yaml") {
  const auto& g = eventgraph::testing::seed_graph();
  // What led up to the collapse of the Istanbul talks, by the competing accounts.
  auto led_up = distances(g, eventgraph::ancestors(g, index_of(g, "istanbul-talks-collapse"), {}));
  CHECK(led_up == Distances{{"bucharest-summit-declaration", 5},
                            {"december-2021-draft-treaties", 4},
                            {"draft-treaties-rejected", 3},
                            {"full-scale-invasion", 2},
                            {"bucha-killings-revealed", 1},
                            {"alleged-us-uk-pressure", 1},
                            {"johnson-intervention", 1}});
  // What followed from the Budapest summit's cancellation.
  CHECK(distances(g, eventgraph::descendants(g, index_of(g, "budapest-summit-cancelled"), {})) ==
        Distances{{"rosneft-lukoil-sanctions", 1}, {"abu-dhabi-talks", 2}});
}

namespace {

// A causes chain of 200 events, the k-th dated 1800 + k, with ids that sort
// the other way round ("e999" is the earliest), so that the answer's order
// can only come from the dates.
const EventGraph& chain_graph() {
  static const EventGraph graph = [] {
    std::string yaml = "eventgraph: 1\nevents:\n";
    for (int k = 0; k < 200; ++k) {
      yaml += "  - {id: e" + std::to_string(999 - k) + ", title: T, date: \"" +
              std::to_string(1800 + k) + "\"";
      if (k + 1 < 200) yaml += ", causes: [e" + std::to_string(998 - k) + "]";
      yaml += "}\n";
    }
    eventgraph::LoadResult loaded = eventgraph::load_string(yaml, "chain.yaml");
    REQUIRE(loaded.ok());
    return std::move(*loaded.graph);
  }();
  return graph;
}

}  // namespace

TEST_CASE("lineage answers are chronological whether they are small or large") {
  const auto& g = chain_graph();
  // A few events of 200.
  CHECK(distances(g, eventgraph::ancestors(g, index_of(g, "e997"), {})) ==
        Distances{{"e999", 2}, {"e998", 1}});
  CHECK(distances(g, eventgraph::descendants(g, index_of(g, "e802"), {})) ==
        Distances{{"e801", 1}, {"e800", 2}});
  // Most of them.
  const auto all = eventgraph::ancestors(g, index_of(g, "e800"), {});
  REQUIRE(all.size() == 199);
  for (std::size_t k = 0; k < all.size(); ++k) {
    INFO("position " << k);
    CHECK(g.event(all[k].event).id == "e" + std::to_string(999 - k));
    CHECK(all[k].distance == 199 - k);
  }
  CHECK(eventgraph::descendants(g, index_of(g, "e999"), options("causes", 3)).size() == 3);
}

TEST_CASE("lineage agrees with a plain breadth-first walk over every relation kind") {
  // Walks that follow causes alone read tables of their own; this checks
  // them, and the mixed-kind walks, against EventGraph's public steps.
  const auto loaded = eventgraph::load_string(
      eventgraph::synthetic::generate_event_yaml({.events = 2000, .seed = 3}), "synthetic.yaml");
  REQUIRE(loaded.ok());
  const EventGraph& g = *loaded.graph;
  auto plain_walk = [&](eventgraph::EventIndex from, eventgraph::RelationKinds via, bool forward) {
    std::vector<std::optional<std::uint32_t>> distance(g.events().size());
    distance[from] = 0;
    std::deque<eventgraph::EventIndex> queue{from};
    while (!queue.empty()) {
      const auto at = queue.front();
      queue.pop_front();
      auto steps = forward ? g.outgoing(at, via) : g.incoming(at, via);
      // contradicts is read both ways whatever the direction
      for (const auto& step : forward ? g.incoming(at, via) : g.outgoing(at, via)) {
        if (g.relation(step.relation).kind == eventgraph::RelationKind::contradicts)
          steps.push_back(step);
      }
      for (const auto& step : steps) {
        if (distance[step.event]) continue;
        distance[step.event] = *distance[at] + 1;
        queue.push_back(step.event);
      }
    }
    std::vector<Reached> reached;
    for (eventgraph::EventIndex v = 0; v < distance.size(); ++v) {
      if (distance[v] && v != from) reached.push_back({v, *distance[v]});
    }
    return reached;
  };
  for (const char* kinds : {"causes", "references", "causes,references", "causes,contradicts",
                            "causes,references,contradicts"}) {
    for (eventgraph::EventIndex event : {0u, 555u, 1000u, 1999u}) {
      INFO(kinds << ", event " << event);
      const auto expected_up = plain_walk(event, options(kinds).via, false);
      const auto expected_down = plain_walk(event, options(kinds).via, true);
      CHECK(distances(g, eventgraph::ancestors(g, event, options(kinds))) ==
            distances(g, expected_up));
      CHECK(distances(g, eventgraph::descendants(g, event, options(kinds))) ==
            distances(g, expected_down));
    }
  }
}

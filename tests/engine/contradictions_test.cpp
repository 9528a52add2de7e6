#include "engine/contradictions.h"

#include "engine/filter.h"
#include "engine/loader.h"
#include "tests/engine/query_graph.h"

#include <catch2/catch.hpp>

namespace {

using eventgraph::Contradiction;
using eventgraph::EventGraph;
using eventgraph::PairScope;
using eventgraph::testing::index_of;
using eventgraph::testing::query_graph;

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs pairs(const EventGraph& graph, const std::vector<Contradiction>& found) {
  Pairs out;
  for (const Contradiction& c : found) out.emplace_back(graph.event(c.a).id, graph.event(c.b).id);
  return out;
}

}  // namespace

TEST_CASE("every contradicts pair, as written, in relation order") {
  const auto& g = query_graph();
  auto all = eventgraph::contradictions(g);
  CHECK(pairs(g, all) == Pairs{{"papa", "quebec"}, {"sierra", "papa"}});
  CHECK(g.relation(all[1].relation).claimed_by == std::vector<std::string>{"carol"});
  CHECK(g.relation(all[1].relation).disputed_by == std::vector<std::string>{"alice"});
}

TEST_CASE("contradictions within an event set") {
  const auto& g = query_graph();
  const std::vector<eventgraph::EventIndex> set = {index_of(g, "sierra"), index_of(g, "papa"),
                                                   index_of(g, "alpha")};
  CHECK(pairs(g, eventgraph::contradictions(g, set)) == Pairs{{"sierra", "papa"}});
  CHECK(pairs(g, eventgraph::contradictions(g, set, PairScope::either)) ==
        Pairs{{"papa", "quebec"}, {"sierra", "papa"}});

  eventgraph::EventFilter bob;
  bob.actors = {"bob"};
  const auto bobs = eventgraph::select(g, bob);
  CHECK(eventgraph::contradictions(g, bobs).empty());
  CHECK(pairs(g, eventgraph::contradictions(g, bobs, PairScope::either)) ==
        Pairs{{"papa", "quebec"}});
}

TEST_CASE("the sources behind a pair: the relation's, then each claim's, once") {
  const auto& g = query_graph();
  auto all = eventgraph::contradictions(g);
  CHECK(eventgraph::contradiction_sources(g, all[0]) == std::vector<std::string>{"s1", "s2"});
  // sierra -> papa: relation [s1], sierra [s2], papa [s1].
  CHECK(eventgraph::contradiction_sources(g, all[1]) == std::vector<std::string>{"s1", "s2"});
}

TEST_CASE("temporal conflicts as a query") {
  const auto& g = query_graph();
  const auto everything = eventgraph::select(g, {});
  auto conflicts = eventgraph::temporal_conflicts(g, everything);
  REQUIRE(conflicts.size() == 1);
  CHECK(g.relation(conflicts[0].relation).from == "yankee");
  CHECK(g.relation(conflicts[0].relation).to == "echo");
  CHECK_FALSE(conflicts[0].certain);
  const std::vector<eventgraph::EventIndex> echo = {index_of(g, "echo")};
  CHECK(eventgraph::temporal_conflicts(g, echo).empty());
  CHECK(eventgraph::temporal_conflicts(g, echo, PairScope::either).size() == 1);
}

TEST_CASE("contradictions in data/events.yaml") {
  const auto& g = eventgraph::testing::seed_graph();
  const auto found = pairs(g, eventgraph::contradictions(g));
  CHECK(std::find(found.begin(), found.end(),
                  std::pair<std::string, std::string>{"lavrov-cbs-interview", "blinken-claim"}) !=
        found.end());
  CHECK(std::find(found.begin(), found.end(),
                  std::pair<std::string, std::string>{"zelenskyy-rejects-johnson-claim",
                                                      "johnson-intervention-claim"}) !=
        found.end());
  // Who contradicts Blinken? Lavrov, twice.
  eventgraph::EventFilter blinken;
  blinken.actors = {"blinken"};
  const auto claims =
      eventgraph::contradictions(g, eventgraph::select(g, blinken), PairScope::either);
  REQUIRE(claims.size() == 2);
  for (const auto& c : claims) {
    const auto& actors = g.event(c.a).actors;
    CHECK(std::find(actors.begin(), actors.end(), "lavrov") != actors.end());
  }
}

// Declared on both events, a contradiction used to be two: listed twice by
// the query, drawn twice, exported twice.
TEST_CASE("a contradiction declared from both ends is one, with both attributions") {
  const eventgraph::LoadResult loaded = eventgraph::load_string(
      "eventgraph: 1\n"
      "actors: {x: {name: X}, y: {name: Y}, z: {name: Z}}\n"
      "sources: {s1: {title: S1}, s2: {title: S2}}\n"
      "events:\n"
      "  - id: a\n    title: A\n    date: 2022-01\n    sources: [s1]\n"
      "    contradicts: [{event: b, claimed_by: [x], sources: [s1], note: first}]\n"
      "  - id: b\n    title: B\n    date: 2022-02\n    sources: [s2]\n"
      "    contradicts: [{event: a, claimed_by: [y, x], disputed_by: [z], sources: [s2], "
      "note: second}]\n",
      "t.yaml");
  REQUIRE(loaded.ok());
  const EventGraph& g = *loaded.graph;
  REQUIRE(g.relations().size() == 1);
  const auto all = eventgraph::contradictions(g);
  CHECK(pairs(g, all) == Pairs{{"a", "b"}});
  const eventgraph::Relation& r = g.relation(all[0].relation);
  CHECK(r.claimed_by == std::vector<std::string>{"x", "y"});
  CHECK(r.disputed_by == std::vector<std::string>{"z"});
  CHECK(r.sources == std::vector<std::string>{"s1", "s2"});
  CHECK(r.note == "first; second");
  CHECK(g.neighbours(index_of(g, "a"), eventgraph::RelationKinds::all()).size() == 1);
  REQUIRE(loaded.diagnostics.size() == 1);
  CHECK(format_diagnostic_line(loaded.diagnostics[0]) ==
        "t.yaml:14:27: warning: relation 'b' contradicts 'a' is listed twice (also at "
        "t.yaml:9:27)");
}

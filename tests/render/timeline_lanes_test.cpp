#include "render/detail/timeline_lanes.h"

#include "engine/loader.h"

#include <catch2/catch.hpp>

#include <numeric>
#include <string>
#include <vector>

namespace {

using namespace eventgraph;
using detail::plan_lanes;
using Names = std::vector<std::string>;
using Lanes = std::vector<std::size_t>;

// Bo (west) acts in a, b and c, but is a's and c's second actor; d and e
// have no affiliation.
EventGraph lanes_graph() {
  LoadResult loaded = load_string(R"(eventgraph: 1
actors:
  ann: {name: Ann, affiliation: east}
  bo: {name: Bo, affiliation: west}
  cy: {name: Cy, affiliation: north}
  dee: {name: Dee}
sources:
  s: {title: Source}
events:
  - {id: a, title: A, date: 2020-01-01, actors: [ann, bo], kind: talks, tags: [x, y], sources: [s]}
  - {id: b, title: B, date: 2020-02-01, actors: [bo], kind: talks, sources: [s]}
  - {id: c, title: C, date: 2020-03-01, actors: [cy, bo], tags: [y], sources: [s]}
  - {id: d, title: D, date: 2020-04-01, actors: [dee], kind: war, sources: [s]}
  - {id: e, title: E, date: 2020-05-01, sources: [s]}
)",
                                  "lanes.yaml");
  REQUIRE(loaded.ok());
  return std::move(*loaded.graph);
}

std::vector<EventIndex> all_events(const EventGraph& graph) {
  std::vector<EventIndex> all(graph.events().size());
  std::iota(all.begin(), all.end(), EventIndex{0});
  return all;
}

}  // namespace

TEST_CASE("lanes: busiest first, ties by first event, the lane for events without a value last") {
  const EventGraph graph = lanes_graph();
  const auto events = all_events(graph);

  const detail::LanePlan once = plan_lanes(graph, events, LaneMode::affiliation, false);
  // Only first lanes exist and count: east, west and north hold one event
  // each and keep the order of their first events; the fallback lane holds
  // two but goes last.
  CHECK(once.names == Names{"east", "west", "north", "no affiliation"});
  CHECK(once.of_event == std::vector<Lanes>{{0}, {1}, {2}, {3}, {3}});

  const detail::LanePlan repeated = plan_lanes(graph, events, LaneMode::affiliation, true);
  // Repeated, west holds a, b and c and goes first; each event lists its
  // lanes in its own actors' order.
  CHECK(repeated.names == Names{"west", "east", "north", "no affiliation"});
  CHECK(repeated.of_event == std::vector<Lanes>{{1, 0}, {0}, {2, 0}, {3}, {3}});
}

TEST_CASE("lanes group by actor name, kind or tag, each with its own fallback") {
  const EventGraph graph = lanes_graph();
  const auto events = all_events(graph);
  CHECK(plan_lanes(graph, events, LaneMode::actor, false).names ==
        Names{"Ann", "Bo", "Cy", "Dee", "no actor"});
  CHECK(plan_lanes(graph, events, LaneMode::kind, false).names == Names{"talks", "war", "no kind"});
  const detail::LanePlan tags = plan_lanes(graph, events, LaneMode::tag, true);
  CHECK(tags.names == Names{"y", "x", "untagged"});
  CHECK(tags.of_event == std::vector<Lanes>{{1, 0}, {2}, {0}, {2}, {2}});
}

TEST_CASE("without grouping, or without events, there is one unnamed lane") {
  const EventGraph graph = lanes_graph();
  const detail::LanePlan none = plan_lanes(graph, all_events(graph), LaneMode::none, true);
  CHECK(none.names == Names{""});
  CHECK(none.of_event == std::vector<Lanes>(5, Lanes{0}));

  const detail::LanePlan empty = plan_lanes(graph, {}, LaneMode::affiliation, false);
  CHECK(empty.names == Names{""});
  CHECK(empty.of_event.empty());
}

#include "engine/traversal.h"

#include "engine/detail/walk.h"
#include "engine/loader.h"
#include "tests/engine/query_graph.h"
#include "tests/support/synthetic.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <deque>
#include <optional>
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

// The events `via` reaches from `from`, each with its distance, by a
// textbook breadth-first walk over EventGraph's public steps, at most
// `options.depth` steps.
std::vector<Reached> plain_walk(const EventGraph& g, eventgraph::EventIndex from,
                                const TraversalOptions& options, bool forward) {
  std::vector<std::optional<std::uint32_t>> distance(g.events().size());
  distance[from] = 0;
  std::deque<eventgraph::EventIndex> queue{from};
  while (!queue.empty()) {
    const auto at = queue.front();
    queue.pop_front();
    if (options.depth && *distance[at] >= *options.depth) continue;
    auto steps = forward ? g.outgoing(at, options.via) : g.incoming(at, options.via);
    // contradicts is read both ways whatever the direction
    for (const auto& step : forward ? g.incoming(at, options.via) : g.outgoing(at, options.via)) {
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
  CHECK(led_up == Distances{{"full-scale-invasion", 1},
                            {"bucha-killings-revealed", 1},
                            {"alleged-us-uk-pressure", 1},
                            {"johnson-intervention", 1}});
  // What followed from the Istanbul talks, by the sources and by Lavrov.
  CHECK(distances(g, eventgraph::descendants(g, index_of(g, "istanbul-talks"), {})) ==
        Distances{{"istanbul-draft-agreement", 1}, {"russia-neutrality-demand", 2}});
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
  for (const char* kinds : {"causes", "references", "causes,references", "causes,contradicts",
                            "causes,references,contradicts"}) {
    for (eventgraph::EventIndex event : {0u, 555u, 1000u, 1999u}) {
      INFO(kinds << ", event " << event);
      CHECK(distances(g, eventgraph::ancestors(g, event, options(kinds))) ==
            distances(g, plain_walk(g, event, options(kinds), false)));
      CHECK(distances(g, eventgraph::descendants(g, event, options(kinds))) ==
            distances(g, plain_walk(g, event, options(kinds), true)));
    }
  }
}

namespace {

// `events` events on one day, so in id order, each causing one to three of
// the next hundred, or now and then one anywhere later or caused by one anywhere
// earlier; with `backward_cause`, one cause also follows its effect.
EventGraph causes_graph(std::size_t events, bool backward_cause) {
  eventgraph::Dataset data;
  const auto day = eventgraph::parse_edtf("2024-05-01");
  REQUIRE(day.ok());
  auto id = [](std::size_t i) {
    std::string digits = std::to_string(i);
    return "e" + std::string(6 - digits.size(), '0') + digits;
  };
  std::uint64_t state = 12345;
  auto below = [&](std::size_t bound) {  // a fixed linear congruential sequence
    state = state * 6364136223846793005u + 1442695040888963407u;
    return static_cast<std::size_t>((state >> 33) % bound);
  };
  for (std::size_t i = 0; i < events; ++i) {
    eventgraph::Event e;
    e.id = id(i);
    e.title = e.id;
    e.date = day.date;
    data.events.push_back(std::move(e));
    for (std::size_t k = 1 + below(3); k > 0 && i + 1 < events; --k) {
      eventgraph::Relation r;
      r.from = id(i);
      r.to = id(i + 1 + below(std::min<std::size_t>(100, events - i - 1)));
      if (below(8) == 0 && i > 0) {  // far: from any earlier event, or to any later one
        if (below(2) == 0) {
          r.from = id(below(i));
          r.to = id(i);
        } else {
          r.to = id(i + 1 + below(events - i - 1));
        }
      }
      data.relations.push_back(std::move(r));
    }
  }
  if (backward_cause) {
    eventgraph::Relation r;
    r.from = id(events - 10);
    r.to = id(events / 3);
    data.relations.push_back(std::move(r));
  }
  return EventGraph(std::move(data));
}

}  // namespace

TEST_CASE("lineage over most of a large graph agrees with a plain walk, depth limits included") {
  // On a large graph a walk over causes alone that will reach much of it
  // finishes by sweeping the events in order, which is correct only when
  // every cause precedes its effect; the graph with one backward cause
  // checks that the walk then keeps to breadth-first.
  auto farthest = [](const std::vector<Reached>& reached) {
    std::uint32_t most = 0;
    for (const Reached& r : reached) most = std::max(most, r.distance);
    return most;
  };
  for (const bool backward_cause : {false, true}) {
    const EventGraph g = causes_graph(50000, backward_cause);
    const auto last = static_cast<eventgraph::EventIndex>(g.events().size() - 1);
    for (const auto& [event, forward] : {std::pair<eventgraph::EventIndex, bool>{last, false},
                                         std::pair<eventgraph::EventIndex, bool>{0, true},
                                         std::pair<eventgraph::EventIndex, bool>{30000, false}}) {
      INFO("backward cause: " << backward_cause << ", event " << event << ", forward: " << forward);
      auto lineage = forward ? eventgraph::descendants : eventgraph::ancestors;
      const std::uint64_t sweeps_before = eventgraph::detail::sweeps_run();
      const auto all = lineage(g, event, {});
      // What this test is for: the walks over most of the ordered graph
      // end in a sweep; the one in the middle, and any walk once a cause
      // runs backwards, stay breadth-first (design review P10).
      const bool sweeps = !backward_cause && event != 30000;
      CHECK(eventgraph::detail::sweeps_run() - sweeps_before == (sweeps ? 1u : 0u));
      CHECK(all == plain_walk(g, event, {}, forward));
      // A limit that the sweep must apply: it cuts off the farthest events.
      const std::uint32_t depth = farthest(all) - 2;
      INFO("depth " << depth);
      const auto near = lineage(g, event, options("causes", depth));
      CHECK(near.size() < all.size());
      CHECK(near == plain_walk(g, event, options("causes", depth), forward));
      if (event != 30000) CHECK(all.size() > g.events().size() / 4);  // what this test is for
    }
  }
}

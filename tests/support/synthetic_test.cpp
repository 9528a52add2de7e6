// The synthetic generator: what it writes loads cleanly at every size, is
// the same for the same seed, and has the mix and the causes path that
// tests and benchmarks rely on.
#include "tests/support/synthetic.h"

#include "engine/consistency.h"
#include "engine/loader.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <deque>
#include <set>

using namespace eventgraph;
using eventgraph::synthetic::generate_event_yaml;
using eventgraph::synthetic::SyntheticOptions;

namespace {

LoadResult load(std::size_t events, std::uint64_t seed = 1) {
  return load_string(generate_event_yaml({.events = events, .seed = seed}), "synthetic.yaml");
}

std::string all_diagnostics(const LoadResult& result) {
  std::string text;
  for (const Diagnostic& d : result.diagnostics) text += format_diagnostic(d, result.source);
  return text;
}

// True when `causes` relations lead from `from` to `to`.
bool causes_path(const EventGraph& graph, EventIndex from, EventIndex to) {
  std::vector<bool> seen(graph.events().size(), false);
  std::deque<EventIndex> queue{from};
  seen[from] = true;
  while (!queue.empty()) {
    const EventIndex at = queue.front();
    queue.pop_front();
    if (at == to) return true;
    for (const Step& step : graph.outgoing(at, RelationKinds(RelationKind::causes))) {
      if (!seen[step.event]) seen[step.event] = true, queue.push_back(step.event);
    }
  }
  return false;
}

}  // namespace

TEST_CASE("synthetic files load with no errors and no warnings", "[synthetic]") {
  for (std::size_t events : {10, 100, 1000}) {
    INFO("events: " << events);
    const LoadResult result = load(events);
    INFO(all_diagnostics(result));
    REQUIRE(result.ok());
    CHECK(result.diagnostics.empty());
    const EventGraph& graph = *result.graph;
    CHECK(graph.events().size() == events);
    CHECK(graph.actors().size() == std::min<std::size_t>(200, events / 2));
    CHECK(graph.sources().size() == std::min<std::size_t>(500, events / 2));
    // About three relations per event.
    CHECK(graph.relations().size() >= 2 * events);
    CHECK(graph.relations().size() <= 4 * events);
    CHECK(temporal_conflicts(graph).empty());
    CHECK(cause_cycles(graph).empty());
  }
}

TEST_CASE("synthetic files are tiny but valid at the smallest sizes", "[synthetic]") {
  for (std::size_t events : {0, 1, 2, 3}) {
    INFO("events: " << events);
    const LoadResult result = load(events);
    INFO(all_diagnostics(result));
    REQUIRE(result.ok());
    CHECK(result.diagnostics.empty());
    CHECK(result.graph->events().size() == events);
  }
}

TEST_CASE("the same seed gives the same bytes, another seed another file", "[synthetic]") {
  const std::string first = generate_event_yaml({.events = 300, .seed = 42});
  CHECK(generate_event_yaml({.events = 300, .seed = 42}) == first);
  CHECK(generate_event_yaml({.events = 300, .seed = 43}) != first);
  CHECK(generate_event_yaml({.events = 301, .seed = 42}) != first);
}

TEST_CASE("actor and source counts follow the options, capped by events/2", "[synthetic]") {
  const LoadResult result = load_string(
      generate_event_yaml({.events = 1000, .seed = 3, .actors = 20, .sources = 600}), "s.yaml");
  REQUIRE(result.ok());
  CHECK(result.graph->actors().size() == 20);
  CHECK(result.graph->sources().size() == 500);
}

TEST_CASE("ids follow chronological order and a causes path joins the ends", "[synthetic]") {
  for (std::size_t events : {2, 10, 1000}) {
    INFO("events: " << events);
    const LoadResult result = load(events, 9);
    REQUIRE(result.ok());
    const EventGraph& graph = *result.graph;
    for (std::size_t i = 0; i < events; ++i) {
      REQUIRE(graph.event(static_cast<EventIndex>(i)).id == synthetic::synthetic_event_id(i));
    }
    const auto ends = synthetic::path_endpoints(events);
    CHECK(ends.from == "e000000");
    const auto from = graph.find_event(ends.from), to = graph.find_event(ends.to);
    REQUIRE(from);
    REQUIRE(to);
    CHECK(*to == events - 1);
    CHECK(causes_path(graph, *from, *to));
  }
}

TEST_CASE("synthetic dates cover every EDTF precision and qualifier", "[synthetic]") {
  const LoadResult result = load(1000, 5);
  REQUIRE(result.ok());
  std::set<Precision> precisions;
  bool uncertain = false, approximate = false, open_end = false;
  for (const Event& e : result.graph->events()) {
    precisions.insert(e.date.precision());
    uncertain = uncertain || e.date.uncertain();
    approximate = approximate || e.date.approximate();
    open_end = open_end || e.date.end() == Bound::open;
    CHECK(e.date.known_first() >= date::sys_days{date::year{1990} / 1 / 1});
  }
  CHECK(precisions == std::set<Precision>{Precision::day, Precision::month, Precision::season,
                                          Precision::year, Precision::decade, Precision::interval});
  CHECK(uncertain);
  CHECK(approximate);
  CHECK(open_end);
}

TEST_CASE("synthetic relations mix kinds, attribution and escaped text", "[synthetic]") {
  const LoadResult result = load(1000, 5);
  REQUIRE(result.ok());
  const EventGraph& graph = *result.graph;
  std::set<RelationKind> kinds;
  std::size_t attributed = 0, disputed = 0;
  for (std::size_t r = 0; r < graph.relations().size(); ++r) {
    const Relation& relation = graph.relation(static_cast<RelationIndex>(r));
    kinds.insert(relation.kind);
    if (!relation.claimed_by.empty()) {
      ++attributed;
      CHECK(!relation.sources.empty());
    }
    if (relation.disputed()) ++disputed;
    const Endpoints ends = graph.endpoints(static_cast<RelationIndex>(r));
    if (relation.kind == RelationKind::references) CHECK(ends.to < ends.from);
  }
  CHECK(kinds.size() == 3);
  // About one relation in ten is a map with sources and claimed_by.
  CHECK(attributed * 20 > graph.relations().size());
  CHECK(attributed * 5 < graph.relations().size());
  CHECK(disputed > 0);

  // Quotes and backslashes survive the YAML round trip.
  const auto& events = graph.events();
  CHECK(std::any_of(events.begin(), events.end(), [](const Event& e) {
    return e.title.find("\"historic\"") != std::string::npos;
  }));
  const auto& relations = graph.relations();
  CHECK(std::any_of(relations.begin(), relations.end(),
                    [](const Relation& r) { return r.note == "archive ref. 17\\2022"; }));
}

TEST_CASE("the chain a generator reports is a causes path from first to last", "[synthetic]") {
  for (std::size_t events : {1, 2, 10, 1000}) {
    INFO("events: " << events);
    std::vector<std::string> chain;
    const std::string yaml = generate_event_yaml({.events = events, .seed = 4}, &chain);
    CHECK(generate_event_yaml({.events = events, .seed = 4}) == yaml);
    const LoadResult result = load_string(yaml, "s.yaml");
    REQUIRE(result.ok());
    const EventGraph& graph = *result.graph;
    REQUIRE(!chain.empty());
    CHECK(chain.front() == "e000000");
    CHECK(chain.back() == synthetic::path_endpoints(events).to);
    if (events >= 1000) CHECK(chain.size() >= 20);
    for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
      INFO(chain[i] << " -> " << chain[i + 1]);
      const auto steps =
          graph.outgoing(*graph.find_event(chain[i]), RelationKinds(RelationKind::causes));
      const EventIndex next = *graph.find_event(chain[i + 1]);
      CHECK(
          std::any_of(steps.begin(), steps.end(), [&](const Step& s) { return s.event == next; }));
    }
  }
}

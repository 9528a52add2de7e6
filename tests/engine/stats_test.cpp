#include "engine/stats.h"

#include "engine/loader.h"

#include <catch2/catch.hpp>

#include <string>

namespace {

using eventgraph::compute_stats;
using eventgraph::format_day;
using eventgraph::GraphStats;
using eventgraph::RelationKind;

GraphStats stats_of(const std::string& yaml) {
  auto loaded = eventgraph::load_string(yaml, "stats.yaml");
  std::string diagnostics;
  for (const auto& d : loaded.diagnostics) diagnostics += format_diagnostic_line(d) + "\n";
  INFO(diagnostics);
  REQUIRE(loaded.ok());
  return compute_stats(*loaded.graph);
}

}  // namespace

TEST_CASE("stats count what a file holds", "[stats]") {
  const GraphStats s = stats_of(R"(eventgraph: 1
actors:
  lavrov: {name: Sergey Lavrov}
  blinken: {name: Antony Blinken}
  zelenskyy: {name: Volodymyr Zelenskyy}
sources:
  rt: {title: RT}
  tass: {title: TASS}
events:
  - id: a
    title: A
    date: 2022-03
    sources: [rt]
    causes: [b, {event: c, claimed_by: [lavrov], disputed_by: [blinken]}]
  - id: b
    title: B
    date: 2022-04
    sources: [tass]
    references: [a]
  - id: c
    title: C
    date: 2022-05
    contradicts: [{event: b, disputed_by: [zelenskyy]}]
  - id: d
    title: D
    date: ../2021-06
    sources: [rt]
  - id: e
    title: E
    date: 2023-XX-XX
  - id: f
    title: F
    date: 2024-10/..
    sources: [tass]
    references: [e]
)");
  CHECK(s.events == 6);
  CHECK(s.actors == 3);
  CHECK(s.sources == 2);
  CHECK(s.relation_count(RelationKind::causes) == 2);
  CHECK(s.relation_count(RelationKind::references) == 2);
  CHECK(s.relation_count(RelationKind::contradicts) == 1);
  CHECK(s.disputed_relations == 2);
  CHECK(s.events_without_sources == 2);
  // {a, b, c}, {d}, {e, f}.
  CHECK(s.components == 3);
  // The span uses the known parts of open intervals: d's open start still
  // covers June 2021, f's open end still covers October 2024.
  REQUIRE(s.first_day.has_value());
  REQUIRE(s.last_day.has_value());
  CHECK(format_day(*s.first_day) == "2021-06-01");
  CHECK(format_day(*s.last_day) == "2024-10-31");
}

TEST_CASE("stats of an empty file", "[stats]") {
  const GraphStats s = stats_of("eventgraph: 1\nevents: []\n");
  CHECK(s.events == 0);
  CHECK(s.actors == 0);
  CHECK(s.sources == 0);
  CHECK(s.relations == std::array<std::size_t, 3>{0, 0, 0});
  CHECK(s.components == 0);
  CHECK(s.disputed_relations == 0);
  CHECK(s.events_without_sources == 0);
  CHECK_FALSE(s.first_day.has_value());
  CHECK_FALSE(s.last_day.has_value());
}

TEST_CASE("every unrelated event is its own component", "[stats]") {
  const GraphStats s = stats_of(R"(eventgraph: 1
sources: {s: {title: S}}
events:
  - {id: a, title: A, date: 2022, sources: [s]}
  - {id: b, title: B, date: 2021, sources: [s]}
  - {id: c, title: C, date: 2020-21, sources: [s]}
)");
  CHECK(s.components == 3);
  CHECK(s.events_without_sources == 0);
  CHECK(format_day(*s.first_day) == "2020-03-01");
  CHECK(format_day(*s.last_day) == "2022-12-31");
}

TEST_CASE("a relation joins components whichever way it points", "[stats]") {
  // c references b and a causes b: one component, although no path leads
  // from a to c along the arrows.
  const GraphStats s = stats_of(R"(eventgraph: 1
sources: {s: {title: S}}
events:
  - {id: a, title: A, date: 2020, sources: [s], causes: [b]}
  - {id: b, title: B, date: 2021, sources: [s]}
  - {id: c, title: C, date: 2022, sources: [s], references: [b]}
)");
  CHECK(s.components == 1);
}

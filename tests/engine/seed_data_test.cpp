// The seed dataset, data/events.yaml, checked for the facts that matter to
// its readers: it is valid, the key events carry the dates the sources
// support, and the causal chains, references and contradictions are there.
#include "engine/loader.h"
#include "engine/stats.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <deque>
#include <set>

using namespace eventgraph;

namespace {

const EventGraph& seed() {
  static const LoadResult result = load_file(EVENTGRAPH_SOURCE_DIR "/data/events.yaml");
  return *result.graph;
}

date::sys_days day(int y, unsigned m, unsigned d) {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}};
}

const Event& event(std::string_view id) {
  auto index = seed().find_event(id);
  INFO("event id: " << id);
  REQUIRE(index);
  return seed().event(*index);
}

bool related(std::string_view from, std::string_view to, RelationKind kind) {
  const EventIndex a = *seed().find_event(from);
  const EventIndex b = *seed().find_event(to);
  for (const Step& step : seed().outgoing(a, RelationKinds(kind))) {
    if (step.event == b) return true;
  }
  return false;
}

// Breadth-first search along `causes`, written out here so the test does
// not lean on the query layer it also helps to check.
bool causes_path(std::string_view from, std::string_view to) {
  const EventIndex target = *seed().find_event(to);
  std::set<EventIndex> seen{*seed().find_event(from)};
  std::deque<EventIndex> queue(seen.begin(), seen.end());
  while (!queue.empty()) {
    const EventIndex at = queue.front();
    queue.pop_front();
    if (at == target) return true;
    for (const Step& step : seed().outgoing(at, RelationKinds(RelationKind::causes))) {
      if (seen.insert(step.event).second) queue.push_back(step.event);
    }
  }
  return false;
}

bool has_actor(const Event& e, std::string_view actor) {
  return std::find(e.actors.begin(), e.actors.end(), actor) != e.actors.end();
}

}  // namespace

TEST_CASE("the seed dataset is valid with no warnings", "[seed]") {
  const LoadResult result = load_file(EVENTGRAPH_SOURCE_DIR "/data/events.yaml");
  for (const Diagnostic& d : result.diagnostics) INFO(format_diagnostic_line(d));
  REQUIRE(result.ok());
  CHECK(result.diagnostics.empty());
}

TEST_CASE("the seed dataset reaches the numbers the issue sets", "[seed]") {
  const GraphStats stats = compute_stats(seed());
  CHECK(stats.events >= 35);
  CHECK(stats.actors >= 15);
  CHECK(stats.sources == 5);
  CHECK(stats.relation_count(RelationKind::causes) >= 20);
  CHECK(stats.relation_count(RelationKind::references) >= 15);
  CHECK(stats.relation_count(RelationKind::contradicts) >= 5);
  CHECK(stats.events_without_sources == 0);
}

TEST_CASE("every statement in the seed dataset names who made it", "[seed]") {
  const std::set<std::string> statement_kinds{"statement", "interview", "report", "claim"};
  for (const Event& e : seed().events()) {
    if (!statement_kinds.count(e.kind)) continue;
    INFO(e.id);
    CHECK_FALSE(e.actors.empty());
  }
}

TEST_CASE("the named events exist with the dates their sources support", "[seed]") {
  SECTION("the 2008 Bucharest summit declaration, on 3 April 2008") {
    const Event& e = event("bucharest-summit-declaration");
    CHECK(e.date.earliest() == day(2008, 4, 3));
    CHECK(e.date.latest() == day(2008, 4, 3));
  }
  SECTION("the December 2021 draft treaties, within December 2021") {
    const Event& e = event("december-2021-draft-treaties");
    CHECK(*e.date.earliest() >= day(2021, 12, 1));
    CHECK(*e.date.latest() <= day(2021, 12, 31));
    CHECK(e.date.precision() != Precision::year);
  }
  SECTION("their rejection comes before the invasion") {
    CHECK(*event("draft-treaties-rejected").date.latest() <
          *event("full-scale-invasion").date.earliest());
  }
  SECTION("the full-scale invasion, on 24 February 2022") {
    CHECK(event("full-scale-invasion").date.earliest() == day(2022, 2, 24));
  }
  SECTION("the Istanbul talks span March and April 2022") {
    const Event& e = event("istanbul-talks");
    CHECK(e.date.earliest() == day(2022, 3, 1));
    CHECK(e.date.latest() == day(2022, 4, 30));
    CHECK(e.date.precision() == Precision::interval);
  }
  SECTION("the talks' collapse comes after them, uncertain") {
    const Event& e = event("istanbul-talks-collapse");
    CHECK(*e.date.earliest() > *event("istanbul-talks").date.earliest());
    CHECK(e.date.uncertain());
  }
  SECTION("Bucha, Johnson's alleged intervention, the annexations and the decree in 2022") {
    for (auto id : {"bucha-killings-revealed", "johnson-intervention", "annexations-2022",
                    "zelenskyy-decree-no-talks"}) {
      INFO(id);
      CHECK(*event(id).date.earliest() >= day(2022, 3, 1));
      CHECK(*event(id).date.latest() <= day(2022, 12, 31));
    }
  }
  SECTION("Lavrov's CBS interview on 23 January 2024") {
    const Event& e = event("lavrov-cbs-interview");
    CHECK(e.date.earliest() == day(2024, 1, 23));
    CHECK(e.date.latest() == day(2024, 1, 23));
    CHECK(has_actor(e, "lavrov"));
  }
  SECTION("the Budapest summit cancelled in October 2025, sanctions days later") {
    const Event& cancelled = event("budapest-summit-cancelled");
    CHECK(*cancelled.date.earliest() >= day(2025, 10, 1));
    CHECK(*cancelled.date.latest() <= day(2025, 10, 31));
    const Event& sanctions = event("rosneft-lukoil-sanctions");
    CHECK(sanctions.date.earliest() == day(2025, 10, 22));
    CHECK(*sanctions.date.earliest() - *cancelled.date.earliest() <= date::days{7});
  }
  SECTION("the Abu Dhabi track starts in 2026 and is still open") {
    const Event& e = event("abu-dhabi-talks");
    CHECK(*e.date.earliest() >= day(2026, 1, 1));
    CHECK(e.date.end() == Bound::open);
  }
  SECTION("Lavrov's February 10 remarks: the article gives no year, so the day is uncertain") {
    const Event& e = event("lavrov-feb-10-remarks");
    CHECK(e.date.earliest() == day(2026, 2, 10));
    CHECK(e.date.uncertain());
    CHECK(has_actor(e, "lavrov"));
  }
  SECTION("the remaining statements named by the issue") {
    for (auto id : {"arakhamia-account", "lavrov-osce-remarks", "lavrov-aleinik-remarks",
                    "nbc-report-us-worry", "blinken-claim", "tass-us-blocks-talks",
                    "russian-conditions-budapest", "peskov-invites-zelenskyy",
                    "lavrov-us-guarantees-interview", "zelenskyy-rejects-johnson-claim",
                    "johnson-intervention-claim"}) {
      INFO(id);
      CHECK(seed().find_event(id));
    }
  }
}

TEST_CASE("the Russian conditions lead by causes to the Rosneft and Lukoil sanctions", "[seed]") {
  CHECK(related("russian-conditions-budapest", "budapest-summit-cancelled", RelationKind::causes));
  CHECK(related("budapest-summit-cancelled", "rosneft-lukoil-sanctions", RelationKind::causes));
  CHECK(causes_path("russian-conditions-budapest", "rosneft-lukoil-sanctions"));
  CHECK_FALSE(causes_path("rosneft-lukoil-sanctions", "russian-conditions-budapest"));
}

TEST_CASE("every Lavrov statement that invokes the Istanbul talks references them", "[seed]") {
  int statements = 0;
  for (const Event& e : seed().events()) {
    const bool mentions_istanbul = e.summary.find("Istanbul") != std::string::npos ||
                                   e.title.find("Istanbul") != std::string::npos;
    if (!has_actor(e, "lavrov") || !mentions_istanbul || e.id == "istanbul-talks") continue;
    INFO(e.id);
    CHECK(related(e.id, "istanbul-talks", RelationKind::references));
    ++statements;
  }
  CHECK(statements >= 4);
}

TEST_CASE("the competing claims contradict each other, read both ways", "[seed]") {
  const std::pair<const char*, const char*> pairs[] = {
      {"zelenskyy-rejects-johnson-claim", "johnson-intervention-claim"},
      {"lavrov-cbs-interview", "blinken-claim"},
      {"ukrainian-account-istanbul-failure", "russian-account-istanbul-failure"},
  };
  for (auto [a, b] : pairs) {
    INFO(a << " / " << b);
    auto linked = [](std::string_view from, std::string_view to) {
      for (const Step& step :
           seed().neighbours(*seed().find_event(from), RelationKinds(RelationKind::contradicts))) {
        if (step.event == *seed().find_event(to)) return true;
      }
      return false;
    };
    CHECK(linked(a, b));
    CHECK(linked(b, a));
  }
}

TEST_CASE("contested causal links say who claims and who disputes them", "[seed]") {
  const EventIndex from = *seed().find_event("johnson-intervention");
  const EventIndex to = *seed().find_event("istanbul-talks-collapse");
  bool found = false;
  for (const Step& step : seed().outgoing(from, RelationKinds(RelationKind::causes))) {
    if (step.event != to) continue;
    const Relation& r = seed().relation(step.relation);
    CHECK(std::count(r.claimed_by.begin(), r.claimed_by.end(), "lavrov") == 1);
    CHECK(std::count(r.disputed_by.begin(), r.disputed_by.end(), "zelenskyy") == 1);
    found = true;
  }
  CHECK(found);
}

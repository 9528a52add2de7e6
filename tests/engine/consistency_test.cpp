#include "engine/consistency.h"

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

struct Link {
  std::string from;
  std::string to;
  RelationKind kind = RelationKind::causes;
};

// A graph of events given as {id, EDTF date} and links between them.
EventGraph make_graph(const std::vector<std::pair<std::string, std::string>>& events,
                      const std::vector<Link>& links) {
  Dataset data;
  for (const auto& [id, date] : events) {
    Event e;
    e.id = id;
    auto parsed = eventgraph::parse_edtf(date);
    INFO(date);
    REQUIRE(parsed.ok());
    e.date = parsed.date;
    data.events.push_back(std::move(e));
  }
  for (const Link& link : links) {
    Relation r;
    r.from = link.from;
    r.to = link.to;
    r.kind = link.kind;
    data.relations.push_back(std::move(r));
  }
  return EventGraph(std::move(data));
}

// Each conflict as "cause -> effect: certain|possible".
std::vector<std::string> conflicts(const EventGraph& graph) {
  std::vector<std::string> out;
  for (const auto& conflict : eventgraph::temporal_conflicts(graph)) {
    const auto ends = graph.endpoints(conflict.relation);
    out.push_back(graph.event(ends.from).id + " -> " + graph.event(ends.to).id + ": " +
                  (conflict.certain ? "certain" : "possible"));
  }
  return out;
}

// A cause dated `cause` and an effect dated `effect`, and what is found.
std::vector<std::string> conflict_of(const std::string& cause, const std::string& effect) {
  return conflicts(make_graph({{"cause", cause}, {"effect", effect}}, {{"cause", "effect"}}));
}

std::vector<std::vector<std::string>> cycles(const EventGraph& graph) {
  std::vector<std::vector<std::string>> out;
  for (const auto& cycle : eventgraph::cause_cycles(graph)) {
    std::vector<std::string> names;
    for (EventIndex e : cycle) names.push_back(graph.event(e).id);
    out.push_back(names);
  }
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("a cause that certainly comes after its effect", "[consistency]") {
  CHECK(conflict_of("2023", "2022") == Strings{"cause -> effect: certain"});
  CHECK(conflict_of("2022-03-02", "2022-03-01") == Strings{"cause -> effect: certain"});
  CHECK(conflict_of("2022-22", "2022-21") == Strings{"cause -> effect: certain"});
  // The winter of 2021 runs into February 2022, so March 2022 is after it.
  CHECK(conflict_of("2022-03", "2021-24") == Strings{"cause -> effect: certain"});
}

TEST_CASE("a cause that may come after its effect", "[consistency]") {
  // The ranges overlap in the wrong order.
  CHECK(conflict_of("2022", "2022-06") == Strings{"cause -> effect: possible"});
  CHECK(conflict_of("2022-06", "2022") == Strings{"cause -> effect: possible"});
  CHECK(conflict_of("2022-03/2022-05", "2022-04") == Strings{"cause -> effect: possible"});
  CHECK(conflict_of("2022-02", "2021-24") == Strings{"cause -> effect: possible"});
}

TEST_CASE("causes before or on the day of their effects are fine", "[consistency]") {
  CHECK(conflict_of("2022", "2023").empty());
  CHECK(conflict_of("2022-03", "2022-04").empty());
  // The same day: a cause may come earlier that day.
  CHECK(conflict_of("2022-03-01", "2022-03-01").empty());
  CHECK(conflict_of("2022-03-31", "2022-03-31T10:00:00Z").empty());
  // The cause's last possible day is the effect's first possible day.
  CHECK(conflict_of("2022-03", "2022-03-31").empty());
  // Qualifiers do not change the bounds.
  CHECK(conflict_of("2022?", "2023~").empty());
}

TEST_CASE("open and unknown interval ends constrain nothing", "[consistency]") {
  // A cause that runs on (open end) started before its effect.
  CHECK(conflict_of("2020/..", "2021").empty());
  CHECK(conflict_of("2020/", "2021").empty());
  // An effect whose start is open or unknown.
  CHECK(conflict_of("2020", "../2021").empty());
  CHECK(conflict_of("2020", "/2021").empty());
  // Without a known start the cause may still lie after the effect.
  CHECK(conflict_of("../2025", "2022") == Strings{"cause -> effect: possible"});
  CHECK(conflict_of("/2025", "2022") == Strings{"cause -> effect: possible"});
  // An effect that began in 2022 and runs on: a 2025 cause may come after
  // its start, but not certainly after all of it.
  CHECK(conflict_of("2025", "2022/..") == Strings{"cause -> effect: possible"});
  // The known ends still count.
  CHECK(conflict_of("2025/..", "2022") == Strings{"cause -> effect: certain"});
  CHECK(conflict_of("2025", "../2022") == Strings{"cause -> effect: certain"});
  CHECK(conflict_of("2023/", "/2022") == Strings{"cause -> effect: certain"});
}

TEST_CASE("only causes are checked against time", "[consistency]") {
  // A later statement refers back to, or contradicts, an earlier one.
  auto graph = make_graph(
      {{"early", "2020"}, {"late", "2024"}},
      {{"late", "early", RelationKind::references}, {"late", "early", RelationKind::contradicts}});
  CHECK(conflicts(graph).empty());
}

TEST_CASE("conflicts come in relation order", "[consistency]") {
  auto graph = make_graph({{"a", "2024"}, {"b", "2022"}, {"c", "2024-06"}, {"d", "2024"}},
                          {{"c", "d"}, {"a", "b"}, {"d", "b"}, {"a", "c"}});
  // Chronological positions: b, a, d, c; relations sort by their ends' positions.
  CHECK(conflicts(graph) ==
        Strings{"a -> b: certain", "a -> c: possible", "d -> b: certain", "c -> d: possible"});
}

TEST_CASE("cause cycles name their events from the smallest id", "[consistency]") {
  auto graph = make_graph(
      {{"c", "2022"}, {"a", "2022"}, {"b", "2022"}, {"e", "2022"}, {"d", "2022"}, {"f", "2022"}},
      {{"b", "c"}, {"c", "a"}, {"a", "b"}, {"e", "d"}, {"d", "e"}, {"f", "a"}});
  CHECK(cycles(graph) == std::vector<Strings>{{"a", "b", "c"}, {"d", "e"}});
}

TEST_CASE("a cycle inside a tangle is one cycle per component", "[consistency]") {
  // x -> y -> x and y -> z -> x: one strongly connected component; the walk
  // follows the smallest ids and names the loop it closes.
  auto graph = make_graph({{"x", "2022"}, {"y", "2022"}, {"z", "2022"}},
                          {{"x", "y"}, {"y", "x"}, {"y", "z"}, {"z", "x"}});
  CHECK(cycles(graph) == std::vector<Strings>{{"x", "y"}});
  auto longer = make_graph({{"m", "2022"}, {"n", "2022"}, {"k", "2022"}},
                           {{"m", "n"}, {"n", "k"}, {"k", "m"}, {"k", "n"}});
  CHECK(cycles(longer) == std::vector<Strings>{{"k", "m", "n"}});
}

TEST_CASE("only causes make cycles", "[consistency]") {
  auto graph = make_graph(
      {{"a", "2022"}, {"b", "2023"}},
      {{"a", "b"}, {"b", "a", RelationKind::references}, {"b", "a", RelationKind::contradicts}});
  CHECK(cycles(graph).empty());
  CHECK(cycles(make_graph({}, {})).empty());
}

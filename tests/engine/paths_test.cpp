#include "engine/paths.h"

#include "engine/loader.h"
#include "tests/engine/query_graph.h"

#include <catch2/catch.hpp>

#include <string>

namespace {

using eventgraph::EventGraph;
using eventgraph::PathOptions;
using eventgraph::PathResult;
using eventgraph::RelationKind;
using eventgraph::RelationKinds;
using eventgraph::testing::Ids;
using eventgraph::testing::ids_of;
using eventgraph::testing::index_of;
using eventgraph::testing::query_graph;

std::vector<Ids> ids_of_paths(const EventGraph& graph, const PathResult& result) {
  std::vector<Ids> paths;
  for (const auto& path : result.paths) paths.push_back(ids_of(graph, path.events));
  return paths;
}

PathOptions via(std::string_view kinds, bool undirected = false) {
  PathOptions options;
  options.via = *eventgraph::parse_relation_kinds(kinds, nullptr);
  options.undirected = undirected;
  return options;
}

std::vector<Ids> k_shortest(std::string_view from, std::string_view to, std::size_t k,
                            const PathOptions& options = {}) {
  const auto& g = query_graph();
  return ids_of_paths(
      g, eventgraph::k_shortest_paths(g, index_of(g, from), index_of(g, to), k, options));
}

// A graph of `layers` layers of `width` events between a source "s" and a
// target "t", every event causing every event of the next layer:
// width^layers paths from s to t, each layers+1 steps long.
EventGraph layered(int layers, int width) {
  std::string yaml = "eventgraph: 1\nsources: {x: {title: X}}\nevents:\n";
  auto event = [&](const std::string& id, const std::vector<std::string>& causes) {
    yaml += "  - {id: " + id + ", title: " + id + ", date: 2020, sources: [x], causes: [";
    for (std::size_t i = 0; i < causes.size(); ++i) yaml += (i ? ", " : "") + causes[i];
    yaml += "]}\n";
  };
  auto layer = [&](int l) {
    std::vector<std::string> ids;
    if (l == layers) return std::vector<std::string>{"t"};
    for (int w = 0; w < width; ++w)
      ids.push_back("n" + std::to_string(l) + "-" + std::to_string(w));
    return ids;
  };
  event("s", layer(0));
  for (int l = 0; l < layers; ++l) {
    for (const std::string& id : layer(l)) event(id, layer(l + 1));
  }
  event("t", {});
  auto loaded = eventgraph::load_string(yaml, "layered.yaml");
  REQUIRE(loaded.ok());
  return std::move(*loaded.graph);
}

// a0 -> a1 -> ... -> aN, with a detour a(i) -> b(i) -> a(i+1) at every step:
// every vertex of the shortest path is a spur with its own second route.
EventGraph ladder(int n) {
  std::string yaml = "eventgraph: 1\nsources: {x: {title: X}}\nevents:\n";
  for (int i = 0; i <= n; ++i) {
    const std::string a = "a" + std::to_string(i), next = "a" + std::to_string(i + 1);
    yaml += "  - {id: " + a + ", title: " + a + ", date: 2020, sources: [x]";
    if (i < n) yaml += ", causes: [" + next + ", b" + std::to_string(i) + "]";
    yaml += "}\n";
    if (i < n) {
      yaml += "  - {id: b" + std::to_string(i) + ", title: b, date: 2020, sources: [x], causes: [" +
              next + "]}\n";
    }
  }
  auto loaded = eventgraph::load_string(yaml, "ladder.yaml");
  REQUIRE(loaded.ok());
  return std::move(*loaded.graph);
}

}  // namespace

TEST_CASE("the shortest path is the fewest steps, then the first by id") {
  const auto& g = query_graph();
  auto path = eventgraph::shortest_path(g, index_of(g, "alpha"), index_of(g, "foxtrot"), {});
  REQUIRE(path.has_value());
  CHECK(ids_of(g, path->events) == Ids{"alpha", "xray", "foxtrot"});
  REQUIRE(path->steps() == 2);
  const auto& step = g.relation(path->relations[1]);
  CHECK(step.from == "xray");
  CHECK(step.to == "foxtrot");
  CHECK(step.kind == RelationKind::causes);
  CHECK(step.disputed_by == std::vector<std::string>{"bob"});

  path = eventgraph::shortest_path(g, index_of(g, "bravo"), index_of(g, "foxtrot"), {});
  REQUIRE(path.has_value());
  CHECK(ids_of(g, path->events) == Ids{"bravo", "delta", "foxtrot"});
}

TEST_CASE("a path from an event to itself is that one event") {
  const auto& g = query_graph();
  auto path = eventgraph::shortest_path(g, index_of(g, "zulu"), index_of(g, "zulu"), {});
  REQUIRE(path.has_value());
  CHECK(ids_of(g, path->events) == Ids{"zulu"});
  CHECK(path->relations.empty());
  CHECK(k_shortest("alpha", "alpha", 5) == std::vector<Ids>{{"alpha"}});
}

TEST_CASE("directed paths follow causes forward only") {
  const auto& g = query_graph();
  CHECK_FALSE(eventgraph::shortest_path(g, index_of(g, "foxtrot"), index_of(g, "alpha"), {}));
  CHECK_FALSE(eventgraph::shortest_path(g, index_of(g, "zulu"), index_of(g, "alpha"), {}));
  CHECK(k_shortest("foxtrot", "alpha", 3).empty());
}

TEST_CASE("k shortest loopless paths: shortest first, ties broken by id") {
  CHECK(k_shortest("alpha", "foxtrot", 1) == std::vector<Ids>{{"alpha", "xray", "foxtrot"}});
  CHECK(k_shortest("alpha", "foxtrot", 3) ==
        std::vector<Ids>{{"alpha", "xray", "foxtrot"},
                         {"alpha", "bravo", "delta", "foxtrot"},
                         {"alpha", "charlie", "delta", "foxtrot"}});
  // Asking for more paths than exist gives all of them.
  CHECK(k_shortest("alpha", "foxtrot", 10) ==
        std::vector<Ids>{{"alpha", "xray", "foxtrot"},
                         {"alpha", "bravo", "delta", "foxtrot"},
                         {"alpha", "charlie", "delta", "foxtrot"},
                         {"alpha", "charlie", "echo", "foxtrot"}});
  CHECK(k_shortest("alpha", "foxtrot", 0).empty());
}

TEST_CASE("undirected paths connect events through any chosen relation") {
  CHECK(k_shortest("foxtrot", "alpha", 1, via("causes", true)) ==
        std::vector<Ids>{{"foxtrot", "xray", "alpha"}});
  CHECK(k_shortest("foxtrot", "alpha", 3, via("causes,references", true)) ==
        std::vector<Ids>{{"foxtrot", "romeo", "alpha"},
                         {"foxtrot", "xray", "alpha"},
                         {"foxtrot", "delta", "bravo", "alpha"}});
  const auto& g = query_graph();
  auto path = eventgraph::shortest_path(g, index_of(g, "foxtrot"), index_of(g, "alpha"),
                                        via("causes,references", true));
  REQUIRE(path.has_value());
  // The steps keep the relations' own direction: romeo refers to both.
  CHECK(g.relation(path->relations[0]).from == "romeo");
  CHECK(g.relation(path->relations[0]).to == "foxtrot");
  CHECK(g.relation(path->relations[0]).kind == RelationKind::references);
}

TEST_CASE("references lead from the statement to what it refers to") {
  CHECK(k_shortest("romeo", "alpha", 2, via("references")) == std::vector<Ids>{{"romeo", "alpha"}});
  CHECK(k_shortest("alpha", "romeo", 2, via("references")).empty());
}

TEST_CASE("contradicts is followed both ways even when directed") {
  CHECK(k_shortest("quebec", "sierra", 2, via("contradicts")) ==
        std::vector<Ids>{{"quebec", "papa", "sierra"}});
  CHECK(k_shortest("sierra", "quebec", 2, via("contradicts")) ==
        std::vector<Ids>{{"sierra", "papa", "quebec"}});
}

TEST_CASE("all simple paths up to a maximum length") {
  const auto& g = query_graph();
  const auto alpha = index_of(g, "alpha"), foxtrot = index_of(g, "foxtrot");
  auto result = eventgraph::all_simple_paths(g, alpha, foxtrot, 2, {});
  CHECK(ids_of_paths(g, result) == std::vector<Ids>{{"alpha", "xray", "foxtrot"}});
  CHECK_FALSE(result.truncated);

  result = eventgraph::all_simple_paths(g, alpha, foxtrot, 3, {});
  CHECK(ids_of_paths(g, result) == std::vector<Ids>{{"alpha", "xray", "foxtrot"},
                                                    {"alpha", "bravo", "delta", "foxtrot"},
                                                    {"alpha", "charlie", "delta", "foxtrot"},
                                                    {"alpha", "charlie", "echo", "foxtrot"}});
  CHECK_FALSE(result.truncated);

  // Capped at two paths: the first two in order, and the result says so.
  result = eventgraph::all_simple_paths(g, alpha, foxtrot, 3, {}, 2);
  CHECK(ids_of_paths(g, result) ==
        std::vector<Ids>{{"alpha", "xray", "foxtrot"}, {"alpha", "bravo", "delta", "foxtrot"}});
  CHECK(result.truncated);

  result = eventgraph::all_simple_paths(g, alpha, foxtrot, 1, {});
  CHECK(result.paths.empty());
  CHECK_FALSE(result.truncated);

  result = eventgraph::all_simple_paths(g, index_of(g, "foxtrot"), index_of(g, "zulu"), 5,
                                        via("causes,references,contradicts", true));
  CHECK(result.paths.empty());
}

TEST_CASE("all simple paths, undirected, never repeat an event") {
  const auto& g = query_graph();
  auto result = eventgraph::all_simple_paths(g, index_of(g, "bravo"), index_of(g, "charlie"), 5,
                                             via("causes", true));
  CHECK(ids_of_paths(g, result) ==
        std::vector<Ids>{{"bravo", "alpha", "charlie"},
                         {"bravo", "delta", "charlie"},
                         {"bravo", "delta", "foxtrot", "echo", "charlie"},
                         {"bravo", "alpha", "xray", "foxtrot", "delta", "charlie"},
                         {"bravo", "alpha", "xray", "foxtrot", "echo", "charlie"},
                         {"bravo", "delta", "foxtrot", "xray", "alpha", "charlie"}});
  CHECK_FALSE(result.truncated);
}

TEST_CASE("cap: k is cut to kMaxK") {
  const EventGraph g = layered(5, 3);  // 243 paths
  const auto s = index_of(g, "s"), t = index_of(g, "t");
  auto result = eventgraph::k_shortest_paths(g, s, t, eventgraph::kMaxK + 5, {});
  CHECK(result.paths.size() == eventgraph::kMaxK);
  CHECK(result.truncated);
  // Equal lengths: ordered by ids.
  CHECK(ids_of(g, result.paths.front().events) ==
        Ids{"s", "n0-0", "n1-0", "n2-0", "n3-0", "n4-0", "t"});
  CHECK(ids_of(g, result.paths[1].events) == Ids{"s", "n0-0", "n1-0", "n2-0", "n3-0", "n4-1", "t"});
  result = eventgraph::k_shortest_paths(g, s, t, eventgraph::kMaxK, {});
  CHECK(result.paths.size() == eventgraph::kMaxK);
  CHECK_FALSE(result.truncated);
}

// Attack report M4: Yen's algorithm runs a spur search per step of each
// accepted path and keeps a full candidate per spur, so a long ladder took
// time and memory quadratic in its length.
TEST_CASE("cap: k shortest paths stop at kMaxKShortestWork") {
  const EventGraph small = ladder(20);
  auto result =
      eventgraph::k_shortest_paths(small, index_of(small, "a0"), index_of(small, "a20"), 3, {});
  REQUIRE(result.paths.size() == 3);
  CHECK_FALSE(result.truncated);
  CHECK(result.paths[1].steps() == 21);  // one detour

  // 4,000 steps, 20,000 events and relations: 4,000 spur searches would
  // cost 80 million, above the budget.
  const EventGraph big = ladder(4000);
  result = eventgraph::k_shortest_paths(big, index_of(big, "a0"), index_of(big, "a4000"), 2, {});
  CHECK(result.truncated);
  REQUIRE(result.paths.size() == 1);
  CHECK(result.paths[0].steps() == 4000);
}

TEST_CASE("cap: all simple paths returns at most kMaxPaths") {
  const EventGraph g = layered(5, 4);  // 1024 paths
  const auto s = index_of(g, "s"), t = index_of(g, "t");
  auto result = eventgraph::all_simple_paths(g, s, t, 6, {}, eventgraph::kMaxPaths + 100);
  CHECK(result.paths.size() == eventgraph::kMaxPaths);
  CHECK(result.truncated);
  CHECK(ids_of(g, result.paths.back().events) ==
        Ids{"s", "n0-3", "n1-3", "n2-2", "n3-1", "n4-3", "t"});
}

TEST_CASE("cap: paths longer than kMaxPathLength are not searched") {
  const std::size_t steps = eventgraph::kMaxPathLength + 1;
  const EventGraph g = layered(static_cast<int>(steps) - 1, 1);  // one path of 31 steps
  const auto s = index_of(g, "s"), t = index_of(g, "t");
  auto result = eventgraph::all_simple_paths(g, s, t, 100, {});
  CHECK(result.paths.empty());
  CHECK(result.truncated);
  result = eventgraph::all_simple_paths(g, s, t, eventgraph::kMaxPathLength, {});
  CHECK(result.paths.empty());
  CHECK_FALSE(result.truncated);
  // Shortest and k-shortest paths have no length cap.
  CHECK(eventgraph::k_shortest_paths(g, s, t, 1, {}).paths.at(0).steps() == steps);
}

TEST_CASE("cap: a search that explodes stops after kMaxSearchSteps") {
  // s joins t by a chain of 20 steps, and also a clique of 13 events whose
  // every ordering is a dead end that a distance bound cannot rule out.
  std::string yaml = "eventgraph: 1\nsources: {x: {title: X}}\nevents:\n";
  yaml += "  - {id: s, title: s, date: 2020, sources: [x], causes: [c0, k0]}\n";
  for (int i = 0; i < 19; ++i) {
    yaml += "  - {id: c" + std::to_string(i) + ", title: c, date: 2020, sources: [x], causes: [" +
            (i == 18 ? std::string("t") : "c" + std::to_string(i + 1)) + "]}\n";
  }
  for (int i = 0; i < 13; ++i) {
    yaml += "  - {id: k" + std::to_string(i) + ", title: k, date: 2020, sources: [x], causes: [";
    for (int j = i + 1; j < 13; ++j) yaml += (j > i + 1 ? ", k" : "k") + std::to_string(j);
    yaml += "]}\n";
  }
  yaml += "  - {id: t, title: t, date: 2020, sources: [x]}\n";
  auto loaded = eventgraph::load_string(yaml, "explode.yaml");
  REQUIRE(loaded.ok());
  const EventGraph& g = *loaded.graph;
  auto result = eventgraph::all_simple_paths(g, index_of(g, "s"), index_of(g, "t"),
                                             eventgraph::kMaxPathLength, via("causes", true));
  REQUIRE(result.paths.size() == 1);
  CHECK(result.paths[0].steps() == 20);
  CHECK(result.truncated);
}

// Attack report M5: the budget counted vertices visited, not the links each
// visit scans, so a hub with many links that are all pruned made a capped
// search take minutes. Here the clique's orderings visit the hub some
// 14,000 times, far below the budget, but each visit scans 1,000 links.
TEST_CASE("cap: a hub's scanned links count against kMaxSearchSteps") {
  std::string yaml = "eventgraph: 1\nsources: {x: {title: X}}\nevents:\n";
  const std::vector<std::string> clique = {"s", "h", "k1", "k2", "k3", "k4", "k5", "k6"};
  for (std::size_t i = 0; i < clique.size(); ++i) {
    yaml += "  - {id: " + clique[i] + ", title: c, date: 2020, sources: [x], contradicts: [";
    for (std::size_t j = i + 1; j < clique.size(); ++j) yaml += (j > i + 1 ? ", " : "") + clique[j];
    if (clique[i] == "s") yaml += ", t";
    yaml += "]";
    if (clique[i] == "h") {
      yaml += ", causes: [";
      for (int n = 0; n < 1000; ++n) yaml += (n ? ", sink" : "sink") + std::to_string(n);
      yaml += "]";
    }
    yaml += "}\n";
  }
  for (int n = 0; n < 1000; ++n) {
    yaml += "  - {id: sink" + std::to_string(n) + ", title: x, date: 2020, sources: [x]}\n";
  }
  yaml += "  - {id: t, title: t, date: 2020, sources: [x]}\n";
  auto loaded = eventgraph::load_string(yaml, "hub.yaml");
  REQUIRE(loaded.ok());
  const EventGraph& g = *loaded.graph;
  auto result = eventgraph::all_simple_paths(g, index_of(g, "s"), index_of(g, "t"),
                                             eventgraph::kMaxPathLength, via("causes,contradicts"));
  REQUIRE(result.paths.size() == 1);  // s - t; no other simple path exists
  CHECK(result.truncated);
}

TEST_CASE("Yen's k shortest paths agree with enumerating every simple path") {
  // Small random graphs (a fixed linear congruential generator): the first
  // k of all simple paths, which are enumerated in order, must be exactly
  // what Yen's algorithm returns, directed and undirected.
  std::uint64_t state = 12345;
  auto next = [&](std::uint64_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % bound;
  };
  for (int round = 0; round < 40; ++round) {
    const int n = 6 + static_cast<int>(next(4));
    std::string yaml = "eventgraph: 1\nsources: {x: {title: X}}\nevents:\n";
    for (int i = 0; i < n; ++i) {
      // Ids in a shuffled order, so that id order is not position order.
      yaml += "  - {id: v" + std::to_string((i * 5) % n) + ", title: t, date: 2020-01-" +
              std::to_string(10 + i) + ", sources: [x], causes: [";
      bool first = true;
      for (int j = i + 1; j < n; ++j) {
        if (next(100) < 45) {
          yaml += (first ? "v" : ", v") + std::to_string((j * 5) % n);
          first = false;
        }
      }
      yaml += "]}\n";
    }
    auto loaded = eventgraph::load_string(yaml, "random.yaml");
    REQUIRE(loaded.ok());
    const EventGraph& g = *loaded.graph;
    for (bool undirected : {false, true}) {
      PathOptions options;
      options.undirected = undirected;
      const auto from = static_cast<eventgraph::EventIndex>(next(2));
      const auto to = static_cast<eventgraph::EventIndex>(n - 1 - static_cast<int>(next(2)));
      auto all = eventgraph::all_simple_paths(g, from, to, static_cast<std::size_t>(n), options);
      REQUIRE_FALSE(all.truncated);
      for (std::size_t k : {std::size_t{1}, std::size_t{3}, std::size_t{8}, std::size_t{40}}) {
        auto yen = eventgraph::k_shortest_paths(g, from, to, k, options);
        auto expected = ids_of_paths(g, all);
        if (expected.size() > k) expected.resize(k);
        INFO("round " << round << ", undirected " << undirected << ", k " << k);
        CHECK(ids_of_paths(g, yen) == expected);
      }
    }
  }
}

TEST_CASE("step_relation names the relation a step takes") {
  const auto& g = query_graph();
  auto r = eventgraph::step_relation(g, index_of(g, "foxtrot"), index_of(g, "romeo"),
                                     via("references", true));
  REQUIRE(r.has_value());
  CHECK(g.relation(*r).from == "romeo");
  CHECK_FALSE(eventgraph::step_relation(g, index_of(g, "foxtrot"), index_of(g, "romeo"),
                                        via("references")));
}

TEST_CASE("paths in data/events.yaml") {
  const auto& g = eventgraph::testing::seed_graph();
  auto chain = eventgraph::shortest_path(g, index_of(g, "full-scale-invasion"),
                                         index_of(g, "russia-neutrality-demand"), {});
  REQUIRE(chain.has_value());
  CHECK(ids_of(g, chain->events) == Ids{"full-scale-invasion", "negotiation-rounds-begin",
                                        "istanbul-talks", "istanbul-draft-agreement",
                                        "russia-neutrality-demand"});
  // The last link is Lavrov's claim, and the path says so.
  CHECK(g.relation(chain->relations[3]).claimed_by == std::vector<std::string>{"lavrov"});

  // Why did the Istanbul talks collapse? Every causal account, shortest first.
  const auto collapse = index_of(g, "istanbul-talks-collapse");
  auto accounts =
      eventgraph::k_shortest_paths(g, index_of(g, "full-scale-invasion"), collapse, 5, {});
  CHECK(ids_of_paths(g, accounts) ==
        std::vector<Ids>{
            {"full-scale-invasion", "istanbul-talks-collapse"},
            {"full-scale-invasion", "bucha-killings-revealed", "istanbul-talks-collapse"}});

  // The Istanbul talks and the Abu Dhabi track connect through the graph; the
  // December 2021 drafts, which no source links to the later talks, do not.
  auto linked =
      eventgraph::k_shortest_paths(g, index_of(g, "istanbul-talks"), index_of(g, "abu-dhabi-talks"),
                                   3, via("causes,references", true));
  CHECK_FALSE(linked.paths.empty());
  CHECK(eventgraph::k_shortest_paths(g, index_of(g, "december-2021-draft-treaties"),
                                     index_of(g, "abu-dhabi-talks"), 3,
                                     via("causes,references", true))
            .paths.empty());
}

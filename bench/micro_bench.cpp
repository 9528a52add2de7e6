// Micro-benchmarks (Google Benchmark) of the engine's hot paths, in-process,
// on synthetic files of 1k, 10k and 100k events (tests/support/synthetic.h).
//
//   build-release/bench/eventgraph-micro-bench --benchmark_filter=Load
//
// Benchmarks of query and render modules are compiled in only when
// bench/CMakeLists.txt finds their source in eventgraph_engine or
// eventgraph_render (EVENTGRAPH_HAVE_<MODULE>), so this file builds at every
// stage of the project.
#include "engine/edtf.h"
#include "engine/event_graph.h"
#include "engine/loader.h"
#include "engine/validate.h"
#include "tests/support/synthetic.h"

#ifdef EVENTGRAPH_HAVE_PATHS
#include "engine/paths.h"
#endif
#ifdef EVENTGRAPH_HAVE_FILTER
#include "engine/filter.h"
#endif
#ifdef EVENTGRAPH_HAVE_TRAVERSAL
#include "engine/traversal.h"
#endif
#ifdef EVENTGRAPH_HAVE_TIMELINE
#include "render/svg_writer.h"
#include "render/timeline.h"
#include "render/timeline_layout.h"
#endif

#include <benchmark/benchmark.h>

#include <deque>
#include <map>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

namespace {

using namespace eventgraph;

const std::string& yaml_of(std::size_t events) {
  static std::map<std::size_t, std::string> files;
  auto [at, added] = files.try_emplace(events);
  if (added) at->second = synthetic::generate_event_yaml({.events = events, .seed = 1});
  return at->second;
}

const EventGraph& graph_of(std::size_t events) {
  static std::map<std::size_t, std::unique_ptr<LoadResult>> graphs;
  auto [at, added] = graphs.try_emplace(events);
  if (added) {
    at->second = std::make_unique<LoadResult>(load_string(yaml_of(events), "bench.yaml"));
  }
  return *at->second->graph;
}

// The two events a causes path joins (see synthetic::path_endpoints).
Endpoints ends_of(const EventGraph& graph) {
  const auto ends = synthetic::path_endpoints(graph.events().size());
  return {*graph.find_event(ends.from), *graph.find_event(ends.to)};
}

void set_events_processed(benchmark::State& state) {
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// ---- EDTF parsing -------------------------------------------------------

void BM_ParseEdtf(benchmark::State& state) {
  const std::vector<std::string> texts = {"2022-03-29",
                                          "2022-03",
                                          "2022",
                                          "2022-21",
                                          "201X",
                                          "2022-03-29?",
                                          "2022~",
                                          "2022-03%",
                                          "2022-03/2022-05",
                                          "2025-10/..",
                                          "../2021",
                                          "2022-03-01/2022-03-04?",
                                          "2024-01-23T10:16:00",
                                          "Y-12000",
                                          "20XX"};
  for (auto _ : state) {
    for (const std::string& text : texts) benchmark::DoNotOptimize(parse_edtf(text));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(texts.size()));
}
BENCHMARK(BM_ParseEdtf);

// ---- Loading: YAML to Dataset, validation, graph build, all three ---------

void BM_ParseDataset(benchmark::State& state) {
  const std::string& yaml = yaml_of(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(parse_dataset(yaml, "bench.yaml"));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(yaml.size()));
  set_events_processed(state);
}
BENCHMARK(BM_ParseDataset)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_ValidateReferences(benchmark::State& state) {
  const ParseResult parsed = parse_dataset(yaml_of(static_cast<std::size_t>(state.range(0))), "b");
  for (auto _ : state) benchmark::DoNotOptimize(validate_references(parsed.dataset));
  set_events_processed(state);
}
BENCHMARK(BM_ValidateReferences)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_GraphBuild(benchmark::State& state) {
  const ParseResult parsed = parse_dataset(yaml_of(static_cast<std::size_t>(state.range(0))), "b");
  for (auto _ : state) {
    state.PauseTiming();
    Dataset copy = parsed.dataset;
    state.ResumeTiming();
    EventGraph graph(std::move(copy));
    benchmark::DoNotOptimize(graph.events().data());
  }
  set_events_processed(state);
}
BENCHMARK(BM_GraphBuild)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_ValidateGraph(benchmark::State& state) {
  const EventGraph& graph = graph_of(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(validate_graph(graph));
  set_events_processed(state);
}
BENCHMARK(BM_ValidateGraph)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_LoadString(benchmark::State& state) {
  const std::string& yaml = yaml_of(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(load_string(yaml, "bench.yaml"));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(yaml.size()));
  set_events_processed(state);
}
BENCHMARK(BM_LoadString)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// ---- Queries ------------------------------------------------------------

// Baseline, not an engine query: the causes ancestors of the latest event by
// a breadth-first walk over EventGraph::incoming(), the public API a library
// user has without a query module. The engine's ancestors query should beat it.
void BM_AncestorsWalkBaseline(benchmark::State& state) {
  const EventGraph& graph = graph_of(static_cast<std::size_t>(state.range(0)));
  const EventIndex target = ends_of(graph).to;
  for (auto _ : state) {
    std::vector<bool> seen(graph.events().size(), false);
    std::deque<EventIndex> queue{target};
    std::size_t found = 0;
    while (!queue.empty()) {
      const EventIndex at = queue.front();
      queue.pop_front();
      for (const Step& step : graph.incoming(at, RelationKinds(RelationKind::causes))) {
        if (!seen[step.event]) seen[step.event] = true, ++found, queue.push_back(step.event);
      }
    }
    benchmark::DoNotOptimize(found);
  }
}
BENCHMARK(BM_AncestorsWalkBaseline)->Arg(1000)->Arg(100000)->Unit(benchmark::kMicrosecond);

#ifdef EVENTGRAPH_HAVE_PATHS
void BM_ShortestPath(benchmark::State& state) {
  const EventGraph& graph = graph_of(static_cast<std::size_t>(state.range(0)));
  const Endpoints ends = ends_of(graph);
  for (auto _ : state) benchmark::DoNotOptimize(shortest_path(graph, ends.from, ends.to, {}));
}
BENCHMARK(BM_ShortestPath)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

void BM_KShortestPaths(benchmark::State& state) {
  const EventGraph& graph = graph_of(static_cast<std::size_t>(state.range(0)));
  const Endpoints ends = ends_of(graph);
  for (auto _ : state) {
    benchmark::DoNotOptimize(k_shortest_paths(graph, ends.from, ends.to, 3, {}));
  }
}
BENCHMARK(BM_KShortestPaths)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

// Many different pairs, as `eventgraph query` answers them. Chain pairs lie
// on the generator's causes chain, so a path joins each; local pairs are a
// few hundred events apart and mostly unjoined, so the search exhausts.
std::vector<Endpoints> chain_pairs(const EventGraph& graph) {
  std::vector<std::string> chain;
  synthetic::generate_event_yaml({.events = graph.events().size(), .seed = 1}, &chain);
  std::vector<Endpoints> pairs;
  for (std::size_t i = 0; i < 1000 && chain.size() > 1; ++i) {
    const std::size_t x = (i * 7919u) % (chain.size() - 1);
    const std::size_t y = x + 1 + (i * 104729u) % (chain.size() - 1 - x);
    pairs.push_back({*graph.find_event(chain[x]), *graph.find_event(chain[y])});
  }
  return pairs;
}

std::vector<Endpoints> local_pairs(const EventGraph& graph) {
  const auto n = static_cast<EventIndex>(graph.events().size());
  std::vector<Endpoints> pairs;
  for (EventIndex i = 0; i < 1000; ++i) {
    const EventIndex from = (i * 7919u) % (n - 1);
    pairs.push_back({from, std::min<EventIndex>(n - 1, from + 1 + (i * 104729u) % 300)});
  }
  return pairs;
}

void BM_ShortestPathManyPairs(benchmark::State& state) {
  const EventGraph& graph = graph_of(static_cast<std::size_t>(state.range(0)));
  const std::vector<Endpoints> pairs =
      state.range(1) == 0 ? chain_pairs(graph) : local_pairs(graph);
  std::size_t at = 0;
  for (auto _ : state) {
    const Endpoints& pair = pairs[at++ % pairs.size()];
    benchmark::DoNotOptimize(shortest_path(graph, pair.from, pair.to, {}));
  }
  state.SetLabel(state.range(1) == 0 ? "chain pairs" : "local pairs");
}
BENCHMARK(BM_ShortestPathManyPairs)
    ->Args({100000, 0})
    ->Args({100000, 1})
    ->Unit(benchmark::kMicrosecond);
#endif

#ifdef EVENTGRAPH_HAVE_FILTER
void BM_SelectDateWindow(benchmark::State& state) {
  const EventGraph& graph = graph_of(static_cast<std::size_t>(state.range(0)));
  EventFilter filter;
  filter.from = parse_edtf("2020").date.earliest();
  filter.to = parse_edtf("2022").date.latest();
  for (auto _ : state) benchmark::DoNotOptimize(select(graph, filter));
  set_events_processed(state);
}
BENCHMARK(BM_SelectDateWindow)->Arg(100000)->Unit(benchmark::kMicrosecond);
#endif

#ifdef EVENTGRAPH_HAVE_TRAVERSAL
// The engine's ancestors query (causes) of the latest event, which most of
// the graph leads up to: the target is under 1 ms at 100k events.
void BM_Ancestors(benchmark::State& state) {
  const EventGraph& graph = graph_of(static_cast<std::size_t>(state.range(0)));
  const EventIndex target = ends_of(graph).to;
  std::size_t found = 0;
  for (auto _ : state) {
    const auto reached = ancestors(graph, target, {});
    found = reached.size();
    benchmark::DoNotOptimize(reached.data());
  }
  state.counters["ancestors"] = static_cast<double>(found);
}
BENCHMARK(BM_Ancestors)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);

// The ancestors of an event in the middle of the causes chain, a more
// typical question than the latest event's, which half the graph leads up to.
void BM_AncestorsMiddle(benchmark::State& state) {
  const EventGraph& graph = graph_of(static_cast<std::size_t>(state.range(0)));
  std::vector<std::string> chain;
  synthetic::generate_event_yaml({.events = graph.events().size(), .seed = 1}, &chain);
  const EventIndex middle = *graph.find_event(chain[chain.size() / 2]);
  std::size_t found = 0;
  for (auto _ : state) {
    const auto reached = ancestors(graph, middle, {});
    found = reached.size();
    benchmark::DoNotOptimize(reached.data());
  }
  state.counters["ancestors"] = static_cast<double>(found);
}
BENCHMARK(BM_AncestorsMiddle)->Arg(100000)->Unit(benchmark::kMicrosecond);
#endif

#ifdef EVENTGRAPH_HAVE_TIMELINE
std::vector<EventIndex> all_events(const EventGraph& graph) {
  std::vector<EventIndex> all(graph.events().size());
  std::iota(all.begin(), all.end(), EventIndex{0});
  return all;
}

// The timeline layout alone (no SVG text), with the real fonts when installed.
void BM_TimelineLayout(benchmark::State& state) {
  const EventGraph& graph = graph_of(static_cast<std::size_t>(state.range(0)));
  const std::vector<EventIndex> all = all_events(graph);
  for (auto _ : state) {
    benchmark::DoNotOptimize(layout_timeline(graph, all, TimelineOptions{}, timeline_fonts()));
  }
  set_events_processed(state);
}
BENCHMARK(BM_TimelineLayout)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// Layout and SVG text together, what `timeline` does after loading.
void BM_TimelineSvg(benchmark::State& state) {
  const EventGraph& graph = graph_of(static_cast<std::size_t>(state.range(0)));
  const std::vector<EventIndex> all = all_events(graph);
  for (auto _ : state) benchmark::DoNotOptimize(render_timeline_svg(graph, all, {}));
  set_events_processed(state);
}
BENCHMARK(BM_TimelineSvg)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);
#endif

}  // namespace

BENCHMARK_MAIN();

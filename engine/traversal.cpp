#include "engine/traversal.h"

#include "engine/detail/graph_impl.h"
#include "engine/detail/walk.h"

#include <algorithm>

namespace eventgraph {

namespace {

using detail::Direction;

struct Workspace {
  detail::VertexMarks distance;
  std::vector<EventIndex> queue;
};

Workspace& workspace() {
  thread_local Workspace w;
  return w;
}

// Breadth-first from the seeds, at most `depth` steps; returns what it
// reached (seeds included, at distance 0) in chronological order. Event
// indices are chronological, so sorting them is enough.
std::vector<Reached> reach(const EventGraph& graph, std::span<const EventIndex> seeds,
                           Direction direction, RelationKinds via,
                           std::optional<std::uint32_t> depth) {
  Workspace& ws = workspace();
  ws.distance.reset(graph.events().size());
  ws.queue.clear();
  for (EventIndex seed : seeds) {
    if (ws.distance.marked(seed)) continue;
    ws.distance.mark(seed, 0);
    ws.queue.push_back(seed);
  }
  const detail::BoostGraph& g = graph.impl().graph;
  for (std::size_t head = 0; head < ws.queue.size(); ++head) {
    const EventIndex x = ws.queue[head];
    const std::uint32_t d = ws.distance.value(x);
    if (depth && d >= *depth) continue;
    detail::for_each_step(g, x, direction, via, [&](EventIndex next, RelationIndex) {
      if (ws.distance.marked(next)) return;
      ws.distance.mark(next, d + 1);
      ws.queue.push_back(next);
    });
  }
  std::vector<Reached> reached;
  reached.reserve(ws.queue.size());
  for (EventIndex v : ws.queue) reached.push_back({v, ws.distance.value(v)});
  std::sort(reached.begin(), reached.end(),
            [](const Reached& a, const Reached& b) { return a.event < b.event; });
  return reached;
}

std::vector<Reached> without_start(std::vector<Reached> reached, EventIndex start) {
  std::erase_if(reached, [&](const Reached& r) { return r.event == start; });
  return reached;
}

}  // namespace

std::vector<Reached> ancestors(const EventGraph& graph, EventIndex event,
                               const TraversalOptions& options) {
  const EventIndex seeds[] = {event};
  return without_start(reach(graph, seeds, Direction::backward, options.via, options.depth), event);
}

std::vector<Reached> descendants(const EventGraph& graph, EventIndex event,
                                 const TraversalOptions& options) {
  const EventIndex seeds[] = {event};
  return without_start(reach(graph, seeds, Direction::forward, options.via, options.depth), event);
}

Neighbourhood neighbourhood(const EventGraph& graph, std::span<const EventIndex> seeds,
                            std::uint32_t depth, RelationKinds via) {
  Neighbourhood result;
  result.events = reach(graph, seeds, Direction::both, via, depth);
  // The distance marks still hold the reached set: keep the relations of
  // the chosen kinds whose two ends it contains.
  const detail::VertexMarks& in_set = workspace().distance;
  for (const Reached& r : result.events) {
    for (auto [it, end] = boost::out_edges(r.event, graph.impl().graph); it != end; ++it) {
      const detail::RelationEdge& edge = graph.impl().graph[*it];
      const auto target = static_cast<EventIndex>(boost::target(*it, graph.impl().graph));
      if (via.contains(edge.kind) && in_set.marked(target))
        result.relations.push_back(edge.relation);
    }
  }
  std::sort(result.relations.begin(), result.relations.end());
  return result;
}

}  // namespace eventgraph

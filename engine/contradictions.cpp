#include "engine/contradictions.h"

#include <algorithm>

namespace eventgraph {

namespace {

// Membership of a set of events, as a bitmap over the graph.
std::vector<bool> membership(const EventGraph& graph, std::span<const EventIndex> events) {
  std::vector<bool> in_set(graph.events().size(), false);
  for (EventIndex event : events) in_set[event] = true;
  return in_set;
}

bool counts(const std::vector<bool>& in_set, Endpoints ends, PairScope scope) {
  return scope == PairScope::both ? in_set[ends.from] && in_set[ends.to]
                                  : in_set[ends.from] || in_set[ends.to];
}

}  // namespace

std::vector<Contradiction> contradictions(const EventGraph& graph) {
  std::vector<Contradiction> pairs;
  const auto relations = graph.relations();
  for (std::size_t r = 0; r < relations.size(); ++r) {
    if (relations[r].kind != RelationKind::contradicts) continue;
    const auto index = static_cast<RelationIndex>(r);
    const Endpoints ends = graph.endpoints(index);
    pairs.push_back({index, ends.from, ends.to});
  }
  return pairs;
}

std::vector<Contradiction> contradictions(const EventGraph& graph,
                                          std::span<const EventIndex> events, PairScope scope) {
  const std::vector<bool> in_set = membership(graph, events);
  std::vector<Contradiction> pairs = contradictions(graph);
  std::erase_if(pairs, [&](const Contradiction& c) {
    return !counts(in_set, Endpoints{c.a, c.b}, scope);
  });
  return pairs;
}

std::vector<std::string> contradiction_sources(const EventGraph& graph,
                                               const Contradiction& contradiction) {
  std::vector<std::string> sources;
  auto add = [&](const std::vector<std::string>& more) {
    for (const std::string& id : more) {
      if (std::find(sources.begin(), sources.end(), id) == sources.end()) sources.push_back(id);
    }
  };
  add(graph.relation(contradiction.relation).sources);
  add(graph.event(contradiction.a).sources);
  add(graph.event(contradiction.b).sources);
  return sources;
}

std::vector<TemporalConflict> temporal_conflicts(const EventGraph& graph,
                                                 std::span<const EventIndex> events,
                                                 PairScope scope) {
  const std::vector<bool> in_set = membership(graph, events);
  std::vector<TemporalConflict> conflicts = temporal_conflicts(graph);
  std::erase_if(conflicts, [&](const TemporalConflict& c) {
    return !counts(in_set, graph.endpoints(c.relation), scope);
  });
  return conflicts;
}

}  // namespace eventgraph

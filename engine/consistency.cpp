#include "engine/consistency.h"

#include "engine/detail/graph_impl.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <map>

namespace eventgraph {

std::vector<TemporalConflict> temporal_conflicts(const EventGraph& graph) {
  std::vector<TemporalConflict> conflicts;
  const auto relations = graph.relations();
  for (std::size_t r = 0; r < relations.size(); ++r) {
    if (relations[r].kind != RelationKind::causes) continue;
    const Endpoints ends = graph.endpoints(static_cast<RelationIndex>(r));
    const EdtfDate& cause = graph.event(ends.from).date;
    const EdtfDate& effect = graph.event(ends.to).date;
    const auto cause_first = cause.earliest(), cause_last = cause.latest();
    const auto effect_first = effect.earliest(), effect_last = effect.latest();
    if (cause_first && effect_last && *cause_first > *effect_last) {
      conflicts.push_back({static_cast<RelationIndex>(r), true});
    } else if (cause_last && effect_first && *cause_last > *effect_first) {
      conflicts.push_back({static_cast<RelationIndex>(r), false});
    }
  }
  return conflicts;
}

std::vector<std::vector<EventIndex>> cause_cycles(const EventGraph& graph) {
  // Built here, for the one algorithm that needs it, rather than kept with
  // every graph: loading a snapshot then costs no Boost graph at all.
  using CausesGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  const std::size_t events = graph.events().size();
  CausesGraph causes(events);
  for (std::size_t r = 0; r < graph.relations().size(); ++r) {
    if (graph.relations()[r].kind != RelationKind::causes) continue;
    const Endpoints ends = graph.endpoints(static_cast<RelationIndex>(r));
    boost::add_edge(ends.from, ends.to, causes);
  }
  std::vector<std::size_t> component(events);
  boost::strong_components(causes, component.data());

  std::map<std::size_t, std::vector<EventIndex>> members;
  for (std::size_t v = 0; v < component.size(); ++v) {
    members[component[v]].push_back(static_cast<EventIndex>(v));
  }
  std::vector<std::vector<EventIndex>> cycles;
  for (auto& [id, nodes] : members) {
    if (nodes.size() < 2) continue;  // self-loops are rejected before the graph exists
    // Walk from the member with the smallest id, always to the next member
    // with the smallest id, until a member repeats: that loop is a cycle.
    auto by_id = [&](EventIndex a, EventIndex b) { return graph.event(a).id < graph.event(b).id; };
    EventIndex start = *std::min_element(nodes.begin(), nodes.end(), by_id);
    std::vector<EventIndex> walk{start};
    std::vector<bool> on_walk(component.size(), false);
    on_walk[start] = true;
    while (true) {
      std::optional<EventIndex> next;
      for (const Step& step : graph.outgoing(walk.back(), RelationKinds(RelationKind::causes))) {
        if (component[step.event] != id) continue;
        if (!next || by_id(step.event, *next)) next = step.event;
      }
      if (on_walk[*next]) {
        walk.erase(walk.begin(), std::find(walk.begin(), walk.end(), *next));
        break;
      }
      on_walk[*next] = true;
      walk.push_back(*next);
    }
    // Start the named cycle at its smallest id.
    std::rotate(walk.begin(), std::min_element(walk.begin(), walk.end(), by_id), walk.end());
    cycles.push_back(std::move(walk));
  }
  std::sort(cycles.begin(), cycles.end(), [&](const auto& a, const auto& b) {
    return graph.event(a.front()).id < graph.event(b.front()).id;
  });
  return cycles;
}

}  // namespace eventgraph

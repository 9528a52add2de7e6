#include "engine/stats.h"

#include "engine/detail/graph_impl.h"

#include <boost/pending/disjoint_sets.hpp>

#include <algorithm>

namespace eventgraph {

GraphStats compute_stats(const EventGraph& graph) {
  GraphStats stats;
  stats.events = graph.events().size();
  stats.actors = graph.actors().size();
  stats.sources = graph.sources().size();
  for (const Event& e : graph.events()) {
    if (e.sources.empty()) ++stats.events_without_sources;
    for (auto day : {e.date.known_first(), e.date.known_last()}) {
      if (!stats.first_day || day < *stats.first_day) stats.first_day = day;
      if (!stats.last_day || day > *stats.last_day) stats.last_day = day;
    }
  }
  const std::size_t n = stats.events;
  std::vector<std::size_t> rank(n), parent(n);
  boost::disjoint_sets<std::size_t*, std::size_t*> sets(rank.data(), parent.data());
  for (std::size_t v = 0; v < n; ++v) sets.make_set(v);
  for (std::size_t r = 0; r < graph.relations().size(); ++r) {
    const Relation& relation = graph.relations()[r];
    ++stats.relations[static_cast<std::size_t>(relation.kind)];
    if (relation.disputed()) ++stats.disputed_relations;
    const Endpoints ends = graph.endpoints(static_cast<RelationIndex>(r));
    sets.union_set(ends.from, ends.to);
  }
  for (std::size_t v = 0; v < n; ++v) {
    if (sets.find_set(v) == v) ++stats.components;
  }
  return stats;
}

}  // namespace eventgraph

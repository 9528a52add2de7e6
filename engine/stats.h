// Summary counts of an event graph, as `eventgraph stats` prints them.
#pragma once

#include "engine/day.h"
#include "engine/event_graph.h"

#include <array>
#include <cstddef>
#include <optional>

namespace eventgraph {

struct GraphStats {
  std::size_t events = 0;
  std::size_t actors = 0;
  std::size_t sources = 0;
  std::array<std::size_t, 3> relations{};  ///< indexed by RelationKind
  std::optional<Day> first_day;            ///< earliest known day of any event
  std::optional<Day> last_day;             ///< latest known day of any event
  std::size_t events_without_sources = 0;
  std::size_t components = 0;  ///< connected components, relations read both ways
  std::size_t disputed_relations = 0;

  std::size_t relation_count(RelationKind kind) const {
    return relations[static_cast<std::size_t>(kind)];
  }
};

/// Counts everything in one pass.
GraphStats compute_stats(const EventGraph& graph);

}  // namespace eventgraph

// Temporal consistency of causal links and cycles among causes.
#pragma once

#include "engine/event_graph.h"

#include <vector>

namespace eventgraph {

/// A `causes` relation whose cause may come after its effect.
struct TemporalConflict {
  RelationIndex relation = 0;
  /// True when the cause's earliest day is after the effect's latest day;
  /// false when the date ranges only overlap in the wrong order.
  bool certain = false;
};

/// Every `causes` relation whose dates contradict its direction, in
/// relation order. Open and unknown interval ends constrain nothing.
std::vector<TemporalConflict> temporal_conflicts(const EventGraph& graph);

/// Each cycle of `causes` relations, as the events around it in order,
/// starting from the event with the smallest id; one cycle per strongly
/// connected component, sorted.
std::vector<std::vector<EventIndex>> cause_cycles(const EventGraph& graph);

}  // namespace eventgraph

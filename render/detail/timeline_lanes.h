// Which lanes a timeline has, top to bottom, and which of them each event
// appears in. Internal to timeline_layout.cpp.
#pragma once

#include "render/timeline_layout.h"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace eventgraph::detail {

struct LanePlan {
  /// Lane names, top to bottom: the busiest first (ties: the lane whose
  /// first event comes first), a "no actor"-style lane for events without
  /// a value last. One unnamed lane when there is nothing to group by.
  std::vector<std::string> names;
  /// For each event given, the lanes it appears in, in the event's own
  /// order: only the first unless lanes repeat.
  std::vector<std::vector<std::size_t>> of_event;
};

/// Groups `events` by their actors, affiliations, kind or tags.
LanePlan plan_lanes(const EventGraph& graph, std::span<const EventIndex> events, LaneMode mode,
                    bool repeat);

}  // namespace eventgraph::detail

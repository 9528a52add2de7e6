// What led up to an event, what followed from it, and the story around it.
#pragma once

#include "engine/event_graph.h"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace eventgraph {

/// An event a traversal reached, and in how few steps.
struct Reached {
  EventIndex event = 0;
  std::uint32_t distance = 0;
  friend bool operator==(const Reached&, const Reached&) = default;
};

/// How far a traversal goes.
struct TraversalOptions {
  /// Relation kinds it follows (`contradicts` is always followed both ways).
  RelationKinds via = RelationKinds(RelationKind::causes);
  /// The most steps from the start; nullopt for no limit.
  std::optional<std::uint32_t> depth;
};

/// Every event from which `event` can be reached along `via` (its causes,
/// their causes, ...; for `references`, the statements that refer to it),
/// each with its shortest distance, in chronological order. The event
/// itself is not included.
///
/// Example:
///   auto led_up = ancestors(graph, *graph.find_event("istanbul-talks-collapse"), {});
std::vector<Reached> ancestors(const EventGraph& graph, EventIndex event,
                               const TraversalOptions& options);

/// Every event reachable from `event` along `via` (its effects, their
/// effects, ...; for `references`, what it refers to), each with its
/// shortest distance, in chronological order. The event itself is not
/// included.
std::vector<Reached> descendants(const EventGraph& graph, EventIndex event,
                                 const TraversalOptions& options);

/// The events within `depth` steps of any of `seeds`, following `via` both
/// ways, and the relations of those kinds among them.
struct Neighbourhood {
  std::vector<Reached> events;           ///< chronological; the seeds at distance 0
  std::vector<RelationIndex> relations;  ///< in relation order
};

/// The story around one or more events: the subgraph within `depth` steps.
/// Duplicate seeds count once.
Neighbourhood neighbourhood(const EventGraph& graph, std::span<const EventIndex> seeds,
                            std::uint32_t depth, RelationKinds via);

}  // namespace eventgraph

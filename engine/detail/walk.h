// Walking the Boost graph one step at a time, for the query algorithms
// (paths, traversal). Included only by engine .cpp files.
#pragma once

#include "engine/detail/graph_impl.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace eventgraph::detail {

/// Which way a walk follows relations. `contradicts` is symmetric, so it is
/// followed both ways whatever the direction.
enum class Direction : std::uint8_t {
  forward,   ///< from a relation's `from` to its `to` (effects, things referred to)
  backward,  ///< from `to` to `from` (causes, things that refer)
  both,      ///< undirected
};

/// The direction that retraces a walk made in `direction`.
inline Direction reversed(Direction direction) {
  switch (direction) {
    case Direction::forward:
      return Direction::backward;
    case Direction::backward:
      return Direction::forward;
    case Direction::both:
      break;
  }
  return Direction::both;
}

/// Whether a walk over `kinds` may read the causes-only tables.
inline bool causes_only(RelationKinds kinds) {
  return kinds == RelationKinds(RelationKind::causes);
}

/// Calls `visit(EventIndex next, RelationIndex relation)` for every relation
/// of a kind in `kinds` that a walk in `direction` may take from `event`.
/// Parallel relations give one call each. Always inlined: called once per
/// vertex of a walk, and out of line the walk's pointers were reloaded from
/// memory for every link (ancestors of the last of 100k events: 1.95 ->
/// 1.75 ms).
template <typename Visit>
[[gnu::always_inline]] inline void for_each_step(const Adjacency& graph, EventIndex event,
                                                 Direction direction, RelationKinds kinds,
                                                 Visit&& visit) {
  if (causes_only(kinds)) {
    if (direction != Direction::backward) {
      for (const Step& step : graph.causes_out(event)) visit(step.event, step.relation);
    }
    if (direction != Direction::forward) {
      for (const Step& step : graph.causes_in(event)) visit(step.event, step.relation);
    }
    return;
  }
  // A directed walk looks at the other side's links only for contradicts.
  const bool symmetric = kinds.contains(RelationKind::contradicts);
  if (direction != Direction::backward || symmetric) {
    const RelationKinds wanted =
        direction == Direction::backward ? RelationKinds(RelationKind::contradicts) : kinds;
    for (const Link& link : graph.out(event)) {
      if (wanted.contains(link.kind)) visit(link.event, link.relation);
    }
  }
  if (direction == Direction::forward && !symmetric) return;
  const RelationKinds wanted =
      direction == Direction::forward ? RelationKinds(RelationKind::contradicts) : kinds;
  for (const Link& link : graph.in(event)) {
    if (wanted.contains(link.kind)) visit(link.event, link.relation);
  }
}

/// What a walk asks the memory system for ahead of time.
enum class Prefetch : std::uint8_t {
  rows,        ///< the rows for_each_step(graph, event, ...) reads
  row_starts,  ///< where those rows start, needed to find them
};

/// Hints that for_each_step(graph, event, direction, kinds, ...) comes
/// soon, so a walk can ask for the rows of vertices a few places ahead in
/// its queue, and for their starts further ahead.
inline void prefetch(const Adjacency& graph, Prefetch what, EventIndex event, Direction direction,
                     RelationKinds kinds) {
  const bool causes = causes_only(kinds), symmetric = kinds.contains(RelationKind::contradicts);
  for (const bool outgoing : {true, false}) {
    const Direction skip = outgoing ? Direction::backward : Direction::forward;
    if (direction != skip || symmetric) {
      graph.prefetch(event, outgoing, causes, what == Prefetch::row_starts);
    }
  }
}

/// Per-vertex marks that are cleared in O(1) by moving to a new generation,
/// so a query over a 100k-event graph does not pay for touching every
/// vertex (or allocating) before it starts.
class VertexMarks {
 public:
  /// Starts a new generation for a graph of `vertices` vertices.
  void reset(std::size_t vertices) {
    if (slots_.size() != vertices) {
      slots_.assign(vertices, Slot{});
      generation_ = 0;
    }
    if (++generation_ == 0) {  // wrapped: old stamps could collide
      std::fill(slots_.begin(), slots_.end(), Slot{});
      generation_ = 1;
    }
  }
  bool marked(EventIndex v) const { return slots_[v].stamp == generation_; }
  void mark(EventIndex v, std::uint32_t value) { slots_[v] = Slot{generation_, value}; }
  /// The value stored with a marked vertex.
  std::uint32_t value(EventIndex v) const { return slots_[v].value; }

 private:
  struct Slot {  // stamp and value side by side: one cache line per visit
    std::uint32_t stamp = 0;
    std::uint32_t value = 0;
  };
  std::vector<Slot> slots_;
  std::uint32_t generation_ = 0;
};

/// How many times this thread's walks have finished with a sweep (see
/// engine/traversal.cpp), so tests can tell that a case they name as the
/// sweep's really ran it.
std::uint64_t sweeps_run() noexcept;

}  // namespace eventgraph::detail

// Who contradicts whom: the `contradicts` pairs within a set of events, and
// the causal links whose dates contradict them (the consistency query).
#pragma once

#include "engine/consistency.h"
#include "engine/event_graph.h"

#include <span>
#include <string>
#include <vector>

namespace eventgraph {

/// Which pairs count as within an event set.
enum class PairScope {
  both,    ///< both claims are in the set
  either,  ///< at least one claim is in the set
};

/// One `contradicts` relation: claim `a` (the event that lists it)
/// contradicts claim `b`.
struct Contradiction {
  RelationIndex relation = 0;
  EventIndex a = 0;
  EventIndex b = 0;
  friend bool operator==(const Contradiction&, const Contradiction&) = default;
};

/// Every `contradicts` pair in the graph, in relation order (by the
/// chronological position of `a`, then of `b`).
///
/// Example:
///   for (const Contradiction& c : contradictions(graph))
///     std::cout << graph.event(c.a).id << " contradicts " << graph.event(c.b).id << '\n';
std::vector<Contradiction> contradictions(const EventGraph& graph);

/// The `contradicts` pairs within `events` (any order, repeats ignored).
std::vector<Contradiction> contradictions(const EventGraph& graph,
                                          std::span<const EventIndex> events,
                                          PairScope scope = PairScope::both);

/// The sources behind a pair: the relation's own, then claim a's, then
/// claim b's, each once.
std::vector<std::string> contradiction_sources(const EventGraph& graph,
                                               const Contradiction& contradiction);

/// The temporal checks of `check` as a query: the `causes` relations among
/// `events` whose cause certainly or possibly comes after its effect, in
/// relation order.
std::vector<TemporalConflict> temporal_conflicts(const EventGraph& graph,
                                                 std::span<const EventIndex> events,
                                                 PairScope scope = PairScope::both);

}  // namespace eventgraph

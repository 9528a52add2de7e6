// Paths between two events: how did A lead to B?
//
// A path is a sequence of distinct events, each step along one relation of
// a chosen kind. Paths are ordered shortest first, and paths of the same
// length by their sequence of event ids, compared lexicographically, so
// every answer is deterministic.
#pragma once

#include "engine/event_graph.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace eventgraph {

/// Hard caps, so that no query can run away (docs/json.md lists them).
/// The most paths k_shortest_paths returns, whatever k is asked for.
inline constexpr std::size_t kMaxK = 100;
/// The most paths all_simple_paths returns.
inline constexpr std::size_t kMaxPaths = 1000;
/// The longest path (in steps) all_simple_paths looks for.
inline constexpr std::size_t kMaxPathLength = 30;
/// The maximum length all_simple_paths uses when none is given (the CLI's
/// `--all` without `--max-length`).
inline constexpr std::size_t kDefaultMaxLength = 8;
/// The most work one all_simple_paths search may do, in vertices visited
/// plus links scanned (a hub's links count even when none is followed),
/// before it stops and reports itself truncated.
inline constexpr std::size_t kMaxSearchSteps = 10'000'000;
/// The most work one k_shortest_paths call may do, in events and relations
/// a spur search may touch (each costs the whole graph) plus the events of
/// the candidate paths it keeps; past it the answer is what was accepted so
/// far, marked truncated. Keeps time and memory linear in the graph when a
/// long path has a spur at every step.
inline constexpr std::size_t kMaxKShortestWork = 50'000'000;

/// How a path may travel.
struct PathOptions {
  /// Relation kinds a step may follow.
  RelationKinds via = RelationKinds(RelationKind::causes);
  /// False: follow `causes` and `references` from their `from` to their
  /// `to` (`contradicts` is symmetric and always followed both ways).
  /// True: follow every relation both ways, to see how two events connect.
  bool undirected = false;
};

/// One path. `relations[i]` joins `events[i]` and `events[i + 1]`; when two
/// events are joined by several relations a walk may take, the step names
/// the first of them in relation order. A path from an event to itself is
/// that one event, with no relations.
struct Path {
  std::vector<EventIndex> events;
  std::vector<RelationIndex> relations;

  std::size_t steps() const { return relations.size(); }
};

/// Paths found, in order, and whether a cap cut the answer short.
struct PathResult {
  std::vector<Path> paths;
  bool truncated = false;
};

/// The shortest path from `from` to `to` (the first by id among equally
/// short ones), or nullopt when there is none.
///
/// Example:
///   auto path = shortest_path(graph, *graph.find_event("december-2021-draft-treaties"),
///                             *graph.find_event("full-scale-invasion"), {});
///   // path->events: the draft treaties, their rejection, the invasion
std::optional<Path> shortest_path(const EventGraph& graph, EventIndex from, EventIndex to,
                                  const PathOptions& options);

/// The `k` shortest loopless paths (Yen's algorithm), shortest first, ties
/// broken by id. `k` above kMaxK is cut to kMaxK, and the result is then
/// truncated when kMaxK paths were found; it is also truncated, with the
/// paths accepted so far, when the search used kMaxKShortestWork.
PathResult k_shortest_paths(const EventGraph& graph, EventIndex from, EventIndex to, std::size_t k,
                            const PathOptions& options);

/// Every simple path of at most `max_length` steps, shortest first, ties
/// broken by id. Truncated when more than `max_paths` (at most kMaxPaths)
/// exist, when `max_length` was above kMaxPathLength and was cut to it, or
/// when the search used kMaxSearchSteps.
PathResult all_simple_paths(const EventGraph& graph, EventIndex from, EventIndex to,
                            std::size_t max_length, const PathOptions& options,
                            std::size_t max_paths = kMaxPaths);

/// The relation a step from `a` to `b` takes under `options` (the first in
/// relation order), or nullopt when no such relation exists.
std::optional<RelationIndex> step_relation(const EventGraph& graph, EventIndex a, EventIndex b,
                                           const PathOptions& options);

}  // namespace eventgraph

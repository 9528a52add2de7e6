// The Boost.Graph behind EventGraph. Included only by engine .cpp files.
#pragma once

#include "engine/event_graph.h"

#include <boost/graph/adjacency_list.hpp>

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace eventgraph::detail {

/// Bundled vertex property: vertex i is event i, so it carries nothing.
struct EventNode {};

/// Bundled edge property: which relation, and its kind for filtering.
struct RelationEdge {
  RelationIndex relation = 0;
  RelationKind kind = RelationKind::causes;
};

using BoostGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, EventNode, RelationEdge>;
using Vertex = boost::graph_traits<BoostGraph>::vertex_descriptor;
using Edge = boost::graph_traits<BoostGraph>::edge_descriptor;

/// One end of a relation as seen from the other: the event there, the
/// relation, and its kind, side by side so a walk filters by kind without
/// looking anything else up.
struct Link {
  EventIndex event = 0;
  RelationIndex relation = 0;
  RelationKind kind = RelationKind::causes;
};

/// The relations of every event in compressed sparse row form, one table
/// per direction, each event's links in relation order (the order Boost's
/// out_edges/in_edges give). The query walks (detail/walk.h) read this
/// instead of the adjacency_list: two contiguous arrays per direction rather
/// than a vector per vertex and an edge property behind a list node, which
/// halves the time of a walk over most of a 100k-event graph (see
/// engine/paths.cpp). Boost's compressed_sparse_row_graph was measured too:
/// its in-edges reach the edge property through an index into the forward
/// table, one more cache miss per step, and its `get` overloads in
/// boost::detail hide the pointer property maps strong_components uses.
class Adjacency {
 public:
  Adjacency() = default;
  /// Builds both tables from each relation's ends and kind.
  Adjacency(std::size_t events, std::span<const Endpoints> ends,
            std::span<const RelationKind> kinds);

  /// Links to the events `event` points at (it is the relations' `from`).
  std::span<const Link> out(EventIndex event) const { return row(out_start_, out_, event); }
  /// Links to the events pointing at `event` (it is the relations' `to`).
  std::span<const Link> in(EventIndex event) const { return row(in_start_, in_, event); }
  /// Hints that out(event) or in(event) is read soon. A breadth-first walk
  /// over most of a 100k-event graph waits on memory, not on arithmetic:
  /// asking a few vertices ahead of the queue cut it from 1.9 to 1.25 ms.
  void prefetch_out(EventIndex event) const { prefetch(out(event).data()); }
  void prefetch_in(EventIndex event) const { prefetch(in(event).data()); }

 private:
  static std::span<const Link> row(const std::vector<std::uint32_t>& start,
                                   const std::vector<Link>& links, EventIndex event) {
    return {links.data() + start[event], links.data() + start[event + 1]};
  }
  static void prefetch([[maybe_unused]] const Link* link) {
#if defined(__GNUC__)
    __builtin_prefetch(link);
#endif
  }
  std::vector<std::uint32_t> out_start_, in_start_;  ///< events + 1 offsets
  std::vector<Link> out_, in_;
};

struct GraphImpl {
  Dataset data;  ///< events chronological, actors and sources by id
  BoostGraph graph;
  Adjacency adjacency;               ///< the same edges, compact, for walks
  std::vector<Endpoints> endpoints;  ///< per relation
  // Views into data's ids, which never move after construction.
  std::unordered_map<std::string_view, EventIndex> event_by_id;
  std::unordered_map<std::string_view, std::uint32_t> actor_by_id;
  std::unordered_map<std::string_view, std::uint32_t> source_by_id;
};

}  // namespace eventgraph::detail

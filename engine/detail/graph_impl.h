// The Boost.Graph behind EventGraph. Included only by engine .cpp files.
#pragma once

#include "engine/event_graph.h"

#include <boost/graph/adjacency_list.hpp>

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

struct GraphImpl {
  Dataset data;  ///< events chronological, actors and sources by id
  BoostGraph graph;
  std::vector<Endpoints> endpoints;  ///< per relation
  // Views into data's ids, which never move after construction.
  std::unordered_map<std::string_view, EventIndex> event_by_id;
  std::unordered_map<std::string_view, std::uint32_t> actor_by_id;
  std::unordered_map<std::string_view, std::uint32_t> source_by_id;
};

}  // namespace eventgraph::detail

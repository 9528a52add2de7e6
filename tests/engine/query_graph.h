// The hand-checked graph of tests/data/query/graph.yaml, loaded once, and
// helpers that turn query answers into ids for readable assertions.
#pragma once

#include "engine/event_graph.h"
#include "engine/loader.h"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace eventgraph::testing {

/// The query test graph (see the diagram in the YAML file).
inline const EventGraph& query_graph() {
  static const EventGraph graph = [] {
    LoadResult loaded = load_file(EVENTGRAPH_TEST_DATA "/query/graph.yaml");
    REQUIRE(loaded.ok());
    return std::move(*loaded.graph);
  }();
  return graph;
}

/// The seed dataset, data/events.yaml.
inline const EventGraph& seed_graph() {
  static const EventGraph graph = [] {
    LoadResult loaded = load_file(EVENTGRAPH_SOURCE_DIR "/data/events.yaml");
    REQUIRE(loaded.ok());
    return std::move(*loaded.graph);
  }();
  return graph;
}

/// The index of an event that must exist.
inline EventIndex index_of(const EventGraph& graph, std::string_view id) {
  auto index = graph.find_event(id);
  INFO("event id: " << std::string(id));
  REQUIRE(index.has_value());
  return *index;
}

/// The ids of a list of events, in order.
inline std::vector<std::string> ids_of(const EventGraph& graph,
                                       const std::vector<EventIndex>& events) {
  std::vector<std::string> ids;
  for (EventIndex e : events) ids.push_back(graph.event(e).id);
  return ids;
}

using Ids = std::vector<std::string>;

}  // namespace eventgraph::testing

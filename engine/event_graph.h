// A validated dataset as a read-only directed graph of events.
#pragma once

#include "engine/event.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace eventgraph {

namespace detail {
struct GraphImpl;
}

/// Position of an event in EventGraph::events(), which is chronological.
using EventIndex = std::uint32_t;
/// Position of a relation in EventGraph::relations().
using RelationIndex = std::uint32_t;

/// A relation's two ends, as event indices.
struct Endpoints {
  EventIndex from = 0;
  EventIndex to = 0;
};

/// One step from an event along a relation: the relation, and the event at
/// its other end.
struct Step {
  RelationIndex relation = 0;
  EventIndex event = 0;
};

/// The event graph: events in chronological order (earliest day, latest
/// day, id), actors and sources sorted by id, relations sorted by their
/// ends' positions then kind, each findable by id in O(1). Built once from a
/// dataset that validate() passed, then read-only.
///
/// Example:
///   auto loaded = load_file("data/events.yaml");
///   if (loaded.graph) {
///     auto index = loaded.graph->find_event("istanbul-talks");
///   }
class EventGraph {
 public:
  /// Builds the graph. The dataset must be valid: every relation and
  /// reference must name a declared id (validate() checks this).
  explicit EventGraph(Dataset dataset);
  /// The same, given each relation's ends as positions in the graph's
  /// event order, as a snapshot stores them: no id is looked up twice.
  /// Ends that do not match the relations' ids are ignored and resolved.
  EventGraph(Dataset dataset, std::vector<Endpoints> known_ends);
  ~EventGraph();
  EventGraph(EventGraph&&) noexcept;
  EventGraph& operator=(EventGraph&&) noexcept;

  const std::string& title() const;
  const std::string& file() const;
  std::span<const Event> events() const;
  std::span<const Actor> actors() const;
  std::span<const Source> sources() const;
  std::span<const Relation> relations() const;

  const Event& event(EventIndex index) const { return events()[index]; }
  const Relation& relation(RelationIndex index) const { return relations()[index]; }
  Endpoints endpoints(RelationIndex index) const;

  std::optional<EventIndex> find_event(std::string_view id) const;
  const Actor* find_actor(std::string_view id) const;
  const Source* find_source(std::string_view id) const;

  /// Relations an event lists (it is their `from`), of the given kinds.
  std::vector<Step> outgoing(EventIndex event, RelationKinds kinds) const;
  /// Relations pointing at an event (it is their `to`), of the given kinds.
  std::vector<Step> incoming(EventIndex event, RelationKinds kinds) const;
  /// Both, as when walking the graph undirected; `contradicts` is always
  /// read both ways, so neighbours() is what a symmetric walk needs.
  std::vector<Step> neighbours(EventIndex event, RelationKinds kinds) const;

  /// All event ids, sorted, for "did you mean" suggestions.
  std::vector<std::string> event_ids() const;

  /// The Boost.Graph behind the API, for algorithms inside the engine.
  const detail::GraphImpl& impl() const { return *impl_; }

 private:
  std::unique_ptr<detail::GraphImpl> impl_;
};

}  // namespace eventgraph

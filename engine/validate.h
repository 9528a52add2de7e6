// Checks that need the whole dataset: ids, references, cycles, time order.
#pragma once

#include "engine/diagnostic.h"
#include "engine/event.h"
#include "engine/event_graph.h"

#include <vector>

namespace eventgraph {

/// True for a valid id: `[a-z0-9][a-z0-9-]*`.
bool is_slug(std::string_view id);

/// Checks ids (slugs, unique), that every relation, actor and source named
/// is declared, self-relations, repeated relations, and events without
/// sources. Diagnostics point at the element that holds the reference.
/// A dataset with no errors here can be turned into an EventGraph.
std::vector<Diagnostic> validate_references(const Dataset& dataset);

/// Checks a built graph: `causes` cycles (naming the events) and causes
/// that certainly (error) or possibly (warning) come after their effects.
std::vector<Diagnostic> validate_graph(const EventGraph& graph);

}  // namespace eventgraph

// What every graph the library hands out must hold, however it was made
// (loaded, decoded from a snapshot, imported): ids unique and findable, text
// the loader would let through, relation ends in range, dates and
// diagnostics that print. Shared by the snapshot tests and the snapshot
// fuzzer, so a decoder that lets a bad record through fails both.
#pragma once

#include "engine/detail/text_checks.h"
#include "engine/loader.h"

#include <string>

namespace eventgraph::testing {

/// The first broken promise of `result`, or "" when it keeps them all.
inline std::string graph_invariant_violation(const LoadResult& result) {
  if (!result.ok()) return "a decoded result that is not ok";
  const EventGraph& graph = *result.graph;
  for (const Event& e : graph.events()) {
    if (detail::check_scalar(e.id) || detail::check_scalar(e.title)) {
      return "event text the loader refuses: id '" + e.id + "'";
    }
    if (!graph.find_event(e.id)) return "event id '" + e.id + "' is not found by its id";
    (void)e.date.text();
  }
  for (RelationIndex i = 0; i < graph.relations().size(); ++i) {
    const Endpoints ends = graph.endpoints(i);
    if (ends.from >= graph.events().size() || ends.to >= graph.events().size()) {
      return "relation " + std::to_string(i) + " ends outside the events";
    }
  }
  for (const Diagnostic& d : result.diagnostics) (void)format_diagnostic(d, result.source);
  return {};
}

}  // namespace eventgraph::testing

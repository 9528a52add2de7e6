// Graphviz diagrams of an event graph, built with cgraph and laid out and
// rendered in-process with gvc: SVG, PNG, PDF, or the DOT that gvc writes.
//
// What a diagram shows (docs/graph.md is the reader's guide):
// - one box per event, labelled with its title and EDTF date, filled with
//   the colour of its actors' affiliation (striped when they have several);
//   the tooltip holds the summary, actors and sources, and the box links to
//   the first source with an http(s) url;
// - one line per relation: `causes` solid with an arrow, `references`
//   dashed with an arrow, `contradicts` thick in its own colour without a
//   direction; disputed relations dotted, with "disputed by ..." in the
//   tooltip (render/style.h holds the shared visual language);
// - time from left to right, and a title and legend at the top.
//
// This header and its .cpp are the only place that sees Graphviz.
#pragma once

#include "engine/diagnostic.h"
#include "engine/event_graph.h"
#include "render/diagram_options.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph {

/// A rendered diagram.
struct DiagramResult {
  std::string bytes;                          ///< the file's content; empty when rendering failed
  DiagramLayout layout = DiagramLayout::dot;  ///< the layout used (never automatic)
  std::string note;                           ///< one line: which layout was used and why
  /// Graphviz's own warnings and errors, as diagnostics on the event file
  /// (line 0): "graphviz: ...". Nothing is printed to stderr.
  std::vector<Diagnostic> diagnostics;

  bool ok() const { return !bytes.empty() && !has_errors(diagnostics); }
};

/// Draws the selected events and the relations between them (those with
/// both ends selected). The selection may be in any order and hold
/// duplicates. The same graph, selection and options give the same bytes.
/// Never throws for Graphviz failures; they become error diagnostics.
///
/// Example:
///   std::vector<EventIndex> all(graph.events().size());
///   std::iota(all.begin(), all.end(), EventIndex{0});
///   DiagramResult svg = render_diagram(graph, all, {});
///   // svg.bytes starts with "<?xml"; svg.note names the layout
DiagramResult render_diagram(const EventGraph& graph, std::span<const EventIndex> selection,
                             const GraphOptions& options);

}  // namespace eventgraph

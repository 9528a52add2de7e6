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
#include "render/style.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph {

/// What render_diagram produces.
enum class DiagramFormat : std::uint8_t { svg, png, pdf, dot };

/// "svg", "png", "pdf" or "dot".
std::string_view to_string(DiagramFormat format);
/// The format named `name` (case-insensitive; "gv" is DOT), or nullopt.
std::optional<DiagramFormat> parse_diagram_format(std::string_view name);
/// The format a file name's extension asks for (`.svg`, `.png`, `.pdf`,
/// `.dot`, `.gv`), or nullopt.
std::optional<DiagramFormat> diagram_format_for_path(const std::filesystem::path& path);

/// How events are placed.
enum class DiagramLayout : std::uint8_t {
  automatic,  ///< `dot` up to GraphOptions::time_layout_above events, `time` above
  dot,        ///< ranks by date bucket; only `causes` orders the ranks
  neato,      ///< force-directed (no time axis)
  fdp,        ///< force-directed (no time axis)
  sfdp,       ///< force-directed, multiscale (no time axis)
  time,       ///< our own placement: x from the date, compact rows; Graphviz routes edges
};

/// "automatic", "dot", "neato", "fdp", "sfdp" or "time".
std::string_view to_string(DiagramLayout layout);
/// The layout named `name` ("auto" is automatic), or nullopt.
std::optional<DiagramLayout> parse_diagram_layout(std::string_view name);

/// Graphviz's rankdir for the `dot` layout: which way time runs.
enum class RankDirection : std::uint8_t { left_right, top_bottom, right_left, bottom_top };

/// "LR", "TB", "RL" or "BT".
std::string_view to_string(RankDirection direction);
/// The direction named `name` ("LR", "TB", "RL", "BT"; case-insensitive).
std::optional<RankDirection> parse_rank_direction(std::string_view name);

/// Options of one diagram.
struct GraphOptions {
  DiagramFormat format = DiagramFormat::svg;
  DiagramLayout layout = DiagramLayout::automatic;
  std::string title;  ///< empty: the dataset's title
  RankDirection rankdir = RankDirection::left_right;
  Theme theme = Theme::light;
  bool legend = true;
  /// Relation kinds drawn; relations of other kinds are left out.
  RelationKinds kinds = RelationKinds::all();
  /// The automatic layout uses `dot` up to this many events and `time`
  /// above: `dot` takes seconds at a few hundred events and minutes beyond.
  std::size_t time_layout_above = 150;
};

/// A rendered diagram.
struct DiagramResult {
  std::string bytes;  ///< the file's content; empty when rendering failed
  DiagramLayout layout = DiagramLayout::dot;  ///< the layout used (never automatic)
  std::string note;  ///< one line: which layout was used and why
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

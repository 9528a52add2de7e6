// What a Graphviz diagram is asked for: its file format, how events are
// placed, which way time runs, and the options of one diagram, with their
// names on the command line.
#pragma once

#include "engine/relation.h"
#include "render/style.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

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
  /// above: `dot` takes about 1.4 s at 200 events and 11 s at 500, `time`
  /// about 1 s at 1,000 (docs/graph.md has the measurements).
  std::size_t time_layout_above = 200;
};

}  // namespace eventgraph

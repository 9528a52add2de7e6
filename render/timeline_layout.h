// The timeline's layout: where every mark, label, lane, tick and relation
// goes, computed from the graph and the options without any I/O, so tests
// can check the geometry (no two texts overlap, nothing leaves the canvas)
// before any SVG exists.
//
// Each event is a mark in its lane: a point for a day-precise date, a bar
// from its earliest to its latest day otherwise. Its label (the title) sits
// on the mark's row, after the mark or before it, or above a bar too long
// to leave room beside it. Marks and labels stack into rows within a lane;
// lanes grow as needed.
#pragma once

#include "engine/event_graph.h"
#include "render/font_metrics.h"
#include "render/time_axis.h"

#include <date/date.h>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace eventgraph {

/// What the lanes group events by.
enum class LaneMode : std::uint8_t { none, actor, affiliation, kind, tag };

/// Which relations are drawn.
enum class RelationSelection : std::uint8_t { none, causes, all };

/// The colour theme: `automatic` is light, turning dark where the reader's
/// system prefers dark (CSS `prefers-color-scheme`).
enum class ThemeMode : std::uint8_t { automatic, light, dark };

/// Everything `eventgraph timeline` can be asked for.
struct TimelineOptions {
  std::string title;    ///< empty: the dataset's title
  double width = 1200;  ///< design width in pixels, 480 to 20000
  LaneMode lanes = LaneMode::affiliation;
  bool lanes_repeat = false;  ///< an event with several lane values appears in each
  RelationSelection relations = RelationSelection::all;
  ThemeMode theme = ThemeMode::automatic;
  Compression compression = Compression::automatic;
  AxisScale axis_scale = AxisScale::linear;  ///< `log` for deep time
  std::optional<Day> from;                   ///< zoom window: first day shown
  std::optional<Day> to;                     ///< zoom window: last day shown
};

/// An axis-aligned rectangle: top-left corner and size, in pixels.
struct Box {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
  double right() const { return x + width; }
  double bottom() const { return y + height; }
};

/// True when the boxes share interior area (touching edges do not count).
bool intersects(const Box& a, const Box& b);
/// True when `inner` lies inside `outer`.
bool contains(const Box& outer, const Box& inner);

/// What a text is, which decides its font and colour.
enum class TextRole : std::uint8_t {
  title,       ///< 18 px bold
  subtitle,    ///< 12 px, muted
  lane,        ///< 12 px bold: a lane's name
  label,       ///< 12 px: an event's title
  axis,        ///< 11 px, muted: tick labels and break labels
  axis_major,  ///< 11 px bold, muted: years over months, months over days
  legend,      ///< 12 px
  footer,      ///< 11 px, muted
};

/// A single line of text, left-aligned at `x` on `baseline`.
struct TextItem {
  std::string text;  ///< as drawn: white space collapsed, no control characters
  TextRole role = TextRole::label;
  double x = 0;
  double baseline = 0;
  double width = 0;  ///< measured with FreeType
  Box box;           ///< the line box a browser reports, with a little slack
  std::string href;  ///< a source link ("" for none); the writer drops non-http(s)
};

/// How one end of an event's mark is drawn.
enum class EndStyle : std::uint8_t {
  closed,   ///< the date's own bound
  runs_on,  ///< open-ended (`..`) or beyond the zoom window: runs to the edge, arrow
  unknown,  ///< the end exists but is not known: a dashed, fading tail
};

/// One appearance of an event: its mark and its label.
struct EventMark {
  EventIndex event = 0;
  std::size_t lane = 0;
  std::size_t colour = 0;  ///< index into category_colours()
  bool point = true;       ///< a day-precise date; otherwise a bar from x0 to x1
  double x0 = 0;           ///< left end (a point's centre when point)
  double x1 = 0;           ///< right end
  double y = 0;            ///< centre line
  bool uncertain = false;
  bool approximate = false;
  EndStyle start = EndStyle::closed;
  EndStyle end = EndStyle::closed;
  Box box;                      ///< everything the mark draws: halo, arrows, tails
  std::vector<TextItem> label;  ///< the title, one item per line
  std::string tooltip;          ///< title, date, summary, sources
};

/// A relation drawn as a cubic Bézier curve between two marks.
struct RelationPath {
  RelationIndex relation = 0;
  RelationKind kind = RelationKind::causes;
  bool disputed = false;
  std::array<double, 8> curve{};  ///< x0 y0, control 1, control 2, x3 y3
  bool arrow = false;             ///< arrowhead at the end, a triangle:
  std::array<double, 6> head{};   ///< tip x y, then the two base corners
  std::string tooltip;            ///< "A causes B; disputed by ..."
};

/// A lane: a band across the plot, named by its heading.
struct LaneBand {
  std::string name;
  Box band;
  std::optional<TextItem> heading;  ///< absent when lanes are `none`
  std::size_t colour = 0;
};

/// A vertical grid line at a tick.
struct GridLine {
  double x = 0;
  double y0 = 0;
  double y1 = 0;
  bool major = false;
};

/// A symbol in the legend, drawn in `box`, explained by the text after it.
enum class LegendSymbol : std::uint8_t {
  point,
  bar,
  uncertain,
  approximate,
  runs_on,
  unknown_end,
  axis_break,
  causes,
  references,
  contradicts,
  disputed,
};

struct LegendEntry {
  LegendSymbol symbol = LegendSymbol::point;
  Box box;
  TextItem text;
};

/// The whole picture, in pixels, ready to be written as SVG.
struct TimelineLayout {
  double width = 0;
  double height = 0;
  std::string title;            ///< the document title (for <title>)
  std::string description;      ///< a summary in words (for <desc>)
  Box plot;                     ///< the lanes' area
  double axis_y = 0;            ///< the axis line, above the lanes
  std::vector<TextItem> texts;  ///< title, subtitle, axis, footer and other free texts
  std::vector<LaneBand> lanes;
  std::vector<GridLine> grid;
  std::vector<AxisBreak> breaks;  ///< with their x extents
  std::vector<EventMark> marks;   ///< in drawing order
  std::vector<RelationPath> relations;
  std::vector<LegendEntry> legend;
};

/// Lays the selected events out. Events outside the zoom window and events
/// without a valid date are left out; relations are drawn only between
/// events that are drawn. `fonts` measures every text.
///
/// Example:
///   auto fonts = FontMetrics::load(kDejaVuDir, &error);
///   TimelineLayout layout = layout_timeline(graph, all, TimelineOptions{}, *fonts);
TimelineLayout layout_timeline(const EventGraph& graph, std::span<const EventIndex> selection,
                               const TimelineOptions& options, const FontMetrics& fonts);

/// Every text's box: free texts, lane headings, event labels and legend
/// texts, the set that must not overlap.
std::vector<Box> text_boxes(const TimelineLayout& layout);

/// The font size and weight a role is drawn in.
double font_size(TextRole role);
FontWeight font_weight(TextRole role);

}  // namespace eventgraph

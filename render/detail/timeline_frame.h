// The timeline's frame around the lanes: the legend under the title, the
// footer (axis-break notes, sources, credit) and the summary in words for
// the SVG's <desc>. Internal to timeline_layout.cpp.
#pragma once

#include "render/timeline_layout.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph::detail {

/// What the frame describes.
struct FrameInput {
  const EventGraph& graph;
  const TimeScale& scale;
  const TimelineOptions& options;
  std::span<const RelationIndex> relations;  ///< the relations drawn
  std::vector<std::string> lanes;            ///< lane names, in order
  std::size_t events = 0;                    ///< events drawn
};

/// A text item measured for its role, left-aligned at `x`.
TextItem make_text(std::string text, TextRole role, double x, double baseline,
                   const FontMetrics& fonts);

/// Wrapped lines of `text` from `baseline` on; returns the baseline after
/// the last line.
double add_lines(std::vector<TextItem>& out, std::string_view text, TextRole role, double x,
                 double baseline, double max_width, double line_height, int max_lines,
                 const FontMetrics& fonts);

/// Lays out the legend from `top`, naming only what the picture shows;
/// returns the y below it.
double layout_legend(TimelineLayout& layout, const FrameInput& input, double top,
                     const FontMetrics& fonts);

/// Lays out the footer from `top`; returns the y below it.
double layout_footer(TimelineLayout& layout, const FrameInput& input, double top,
                     const FontMetrics& fonts);

/// The picture in words, for screen readers: what, when, lanes, relations
/// and axis breaks.
std::string describe_layout(const TimelineLayout& layout, const FrameInput& input);

/// "Lanes by affiliation" names: "actor", "affiliation", ...
std::string_view lane_mode_name(LaneMode mode);

}  // namespace eventgraph::detail

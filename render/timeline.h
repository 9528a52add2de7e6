// `eventgraph timeline`: the selected events of a graph as a timeline SVG
// that is self-contained, accessible and safe to embed anywhere.
// docs/timeline.md explains how to read the picture.
#pragma once

#include "render/font_metrics.h"
#include "render/timeline_layout.h"

#include <span>
#include <string>

namespace eventgraph {

/// The fonts every render measures with: DejaVu Sans from Debian's
/// fonts-dejavu-core, loaded once per process; FontMetrics::fallback()
/// when the font files are missing (fonts_exact() then says false).
const FontMetrics& timeline_fonts();

/// True when timeline_fonts() read the real font files.
bool fonts_exact();

/// Renders the selected events (indices into graph.events()) as an SVG
/// document. Deterministic: identical input and options give identical
/// bytes. Never throws for any data.
///
/// Example:
///   std::vector<EventIndex> all(graph.events().size());
///   std::iota(all.begin(), all.end(), EventIndex{0});
///   TimelineOptions options;
///   options.lanes = LaneMode::actor;
///   std::string svg = render_timeline_svg(graph, all, options);
std::string render_timeline_svg(const EventGraph& graph, std::span<const EventIndex> selection,
                                const TimelineOptions& options);

/// The same with the caller's font metrics, for tests and embedders.
std::string render_timeline_svg(const EventGraph& graph, std::span<const EventIndex> selection,
                                const TimelineOptions& options, const FontMetrics& fonts);

}  // namespace eventgraph

#include "render/timeline.h"

#include "render/svg_writer.h"

namespace eventgraph {

namespace {

struct LoadedFonts {
  std::unique_ptr<FontMetrics> metrics;
  bool exact = false;
};

const LoadedFonts& loaded_fonts() {
  static const LoadedFonts fonts = [] {
    LoadedFonts result;
    std::string error;
    result.metrics = FontMetrics::load(kDejaVuDir, &error);
    result.exact = result.metrics != nullptr;
    if (!result.metrics) result.metrics = FontMetrics::fallback();
    return result;
  }();
  return fonts;
}

}  // namespace

const FontMetrics& timeline_fonts() { return *loaded_fonts().metrics; }

bool fonts_exact() { return loaded_fonts().exact; }

std::string render_timeline_svg(const EventGraph& graph, std::span<const EventIndex> selection,
                                const TimelineOptions& options) {
  return render_timeline_svg(graph, selection, options, timeline_fonts());
}

std::string render_timeline_svg(const EventGraph& graph, std::span<const EventIndex> selection,
                                const TimelineOptions& options, const FontMetrics& fonts) {
  return write_svg(layout_timeline(graph, selection, options, fonts), options.theme);
}

}  // namespace eventgraph

#include "render/timeline.h"

#include "engine/loader.h"
#include "render/raster.h"

#include <catch2/catch.hpp>

#include <numeric>
#include <string>

namespace {

using namespace eventgraph;
using Catch::Matchers::Contains;

EventGraph load_seed() {
  LoadResult loaded = load_file(std::string(EVENTGRAPH_SOURCE_DIR) + "/data/events.yaml");
  REQUIRE(loaded.ok());
  return std::move(*loaded.graph);
}

std::vector<EventIndex> all_events(const EventGraph& graph) {
  std::vector<EventIndex> all(graph.events().size());
  std::iota(all.begin(), all.end(), EventIndex{0});
  return all;
}

}  // namespace

TEST_CASE("identical input and options give identical bytes") {
  const EventGraph graph = load_seed();
  const auto all = all_events(graph);
  TimelineOptions options;
  options.lanes = LaneMode::actor;
  const std::string first = render_timeline_svg(graph, all, options);
  CHECK(render_timeline_svg(graph, all, options) == first);
  const EventGraph again = load_seed();
  CHECK(render_timeline_svg(again, all, options) == first);
  // The selection's order does not matter.
  std::vector<EventIndex> reversed(all.rbegin(), all.rend());
  CHECK(render_timeline_svg(graph, reversed, options) == first);
  options.lanes = LaneMode::kind;
  CHECK(render_timeline_svg(graph, all, options) != first);
}

TEST_CASE("the width option sets the design width; the picture scales by its viewBox") {
  const EventGraph graph = load_seed();
  TimelineOptions options;
  options.width = 800;
  const std::string svg = render_timeline_svg(graph, all_events(graph), options);
  CHECK_THAT(svg, Contains("viewBox=\"0 0 800 "));
  CHECK_THAT(svg, Contains("width=\"800\""));
  options.width = 100;  // clamped to the smallest readable width
  CHECK_THAT(render_timeline_svg(graph, all_events(graph), options),
             Contains("viewBox=\"0 0 480 "));
}

TEST_CASE("the title option replaces the file's title") {
  const EventGraph graph = load_seed();
  TimelineOptions options;
  options.title = "Talks & <tensions>";
  const std::string svg = render_timeline_svg(graph, all_events(graph), options);
  CHECK_THAT(svg, Contains("-title\">Talks &amp; &lt;tensions&gt;</title>"));
}

TEST_CASE("PNG and PDF come from librsvg and cairo, deterministically") {
  const EventGraph graph = load_seed();
  const std::string svg = render_timeline_svg(graph, all_events(graph), TimelineOptions{});
  const RasterResult png = convert_svg(svg, RasterFormat::png);
  REQUIRE(png.ok());
  CHECK(png.bytes.starts_with("\x89PNG\r\n\x1a\n"));
  // Width from the IHDR chunk: 1200 px at 2x.
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(png.bytes[i]); };
  CHECK(((byte(16) << 24) | (byte(17) << 16) | (byte(18) << 8) | byte(19)) == 2400);
  const RasterResult pdf = convert_svg(svg, RasterFormat::pdf);
  REQUIRE(pdf.ok());
  CHECK(pdf.bytes.starts_with("%PDF-"));
  CHECK(convert_svg(svg, RasterFormat::pdf).bytes == pdf.bytes);
  CHECK(convert_svg(svg, RasterFormat::png).bytes == png.bytes);
}

TEST_CASE("converting something that is not SVG is an error, not a crash") {
  const RasterResult result = convert_svg("<not svg", RasterFormat::png);
  CHECK_FALSE(result.ok());
  CHECK(result.bytes.empty());
  CHECK_THAT(result.error, Contains("cannot read the svg"));
}

TEST_CASE("a picture too tall for a PNG is an error that says what to do instead") {
  const std::string svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"40000\" "
      "viewBox=\"0 0 1200 40000\"/>";
  const RasterResult result = convert_svg(svg, RasterFormat::png);
  CHECK_FALSE(result.ok());
  CHECK(result.error ==
        "the picture is too large for a png (1200 x 40000 px; at most 32767 a side and 100 "
        "million pixels): write .svg or .pdf instead");
  const std::string tall =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"20000\" "
      "viewBox=\"0 0 1200 20000\"/>";
  const RasterResult fitted = convert_svg(tall, RasterFormat::png);
  REQUIRE(fitted.ok());
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(fitted.bytes[i]); };
  CHECK(((byte(20) << 24) | (byte(21) << 16) | (byte(22) << 8) | byte(23)) == 32767);
}

// Each side was once checked but not the area: 32767 x 32767 pixels take
// 4.3 GB (attack L12).
TEST_CASE("a PNG is limited by its area too, density first") {
  const auto svg_of = [](int width, int height) {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) +
           "\" height=\"" + std::to_string(height) + "\"/>";
  };
  const RasterResult square = convert_svg(svg_of(12000, 12000), RasterFormat::png);
  CHECK_FALSE(square.ok());
  CHECK_THAT(square.error, Contains("(12000 x 12000 px; at most 32767 a side and 100 million"));
  CHECK(square.bytes.empty());
  // 20000 x 2000 at twice the density would be 160 million pixels: the
  // density drops until the area fits.
  const RasterResult wide = convert_svg(svg_of(20000, 2000), RasterFormat::png);
  REQUIRE(wide.ok());
  const auto word = [&](std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(wide.bytes[i]); };
    return (byte(at) << 24) | (byte(at + 1) << 16) | (byte(at + 2) << 8) | byte(at + 3);
  };
  CHECK(static_cast<double>(word(16)) * word(20) <= eventgraph::kMaxPngPixels);
  CHECK(word(16) > 20000);
}

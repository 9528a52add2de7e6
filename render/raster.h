// Converting an SVG document to PNG or PDF with librsvg and cairo, for
// `eventgraph timeline -o FILE.png|.pdf`. librsvg draws the light theme:
// it does not apply `prefers-color-scheme`.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace eventgraph {

enum class RasterFormat : std::uint8_t { png, pdf };

/// The converted file's bytes, or an error message (lowercase, one line).
struct RasterResult {
  std::string bytes;
  std::string error;
  bool ok() const { return error.empty(); }
};

/// Draws `svg` at its own size: a PNG at `scale` device pixels per SVG
/// pixel (2 gives crisp text in print and on high-density screens; less
/// when that would pass cairo's 32767-pixel limit, and an error when even 1
/// would), a PDF
/// with 1 SVG pixel = 0.75 pt, i.e. 96 dpi, with vector text. The PDF's
/// creation date is fixed, so the same SVG gives the same bytes.
RasterResult convert_svg(std::string_view svg, RasterFormat format, double scale = 2.0);

}  // namespace eventgraph

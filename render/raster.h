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

/// The most pixels a PNG may have: 100 million (400 MB of 32-bit pixels
/// while drawing), a 10,000 x 10,000 picture. Cairo's own limit of 32,767 a
/// side would allow 1.07 billion, 4.3 GB, for a file of a few kilobytes.
inline constexpr double kMaxPngPixels = 100'000'000;
/// Cairo's limit for a side of an image surface.
inline constexpr double kMaxPngSide = 32767;

/// The error for a picture of `width` x `height` pixels that is too large
/// for a PNG even at one device pixel per pixel, or "" when it fits.
std::string png_size_error(double width, double height);

/// Draws `svg` at its own size: a PNG at `scale` device pixels per SVG
/// pixel (2 gives crisp text in print and on high-density screens; less
/// when that would pass kMaxPngSide or kMaxPngPixels, and an error when even
/// 1 would), a PDF
/// with 1 SVG pixel = 0.75 pt, i.e. 96 dpi, with vector text. The PDF's
/// creation date is fixed, so the same SVG gives the same bytes.
RasterResult convert_svg(std::string_view svg, RasterFormat format, double scale = 2.0);

}  // namespace eventgraph

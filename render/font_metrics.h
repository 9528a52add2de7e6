// Text measurement with the real metrics of the font the SVG names (DejaVu
// Sans), read by FreeType, so that labels can be placed without overlap.
//
// Advance widths are read once per font for every code point the font maps,
// so measuring is a table lookup per character: fast enough for 10,000
// labels. A code point the font lacks is counted as 1 em, wider than most
// fallback glyphs a browser would substitute.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph {

enum class FontWeight : std::uint8_t { regular, bold };

/// Where Debian's fonts-dejavu-core puts DejaVu Sans.
inline constexpr std::string_view kDejaVuDir = "/usr/share/fonts/truetype/dejavu";

/// The CSS font-family list the SVG names; the first entry is the font measured.
inline constexpr std::string_view kFontFamilyCss = "'DejaVu Sans', Verdana, sans-serif";

/// Advance widths of DejaVu Sans (regular and bold). Immutable after
/// loading, so one instance can be shared by any number of renders.
///
/// Example:
///   std::string error;
///   auto fonts = FontMetrics::load(kDejaVuDir, &error);
///   double w = fonts->width("Istanbul talks", 12.0);  // pixels at 12 px
class FontMetrics {
 public:
  /// Loads DejaVuSans.ttf and DejaVuSans-Bold.ttf from `dir`. On failure
  /// returns nullptr and sets `error` to a one-line message naming the file.
  static std::unique_ptr<FontMetrics> load(const std::filesystem::path& dir, std::string* error);

  /// Metrics that need no font file: every character counts 0.8 em (1 em
  /// for the widest letters), more than DejaVu Sans's average, so layouts
  /// stay overlap-free but loose. Used only when the font cannot be read.
  static std::unique_ptr<FontMetrics> fallback();

  ~FontMetrics();
  FontMetrics(const FontMetrics&) = delete;
  FontMetrics& operator=(const FontMetrics&) = delete;

  /// Width in pixels of `utf8` set at `size` pixels, with the font's kerning.
  double width(std::string_view utf8, double size, FontWeight weight = FontWeight::regular) const;

  /// Height above the baseline of the font's line box, in pixels at `size`.
  double ascent(double size) const;
  /// Depth below the baseline of the font's line box, in pixels at `size`.
  double descent(double size) const;

  /// True when the metrics come from the font files, false for fallback().
  bool exact() const { return exact_; }

 private:
  struct Face;
  FontMetrics();
  const Face& face(FontWeight weight) const;
  static bool read_face(const std::filesystem::path& file, Face& face, std::string* error);

  std::unique_ptr<Face> regular_;
  std::unique_ptr<Face> bold_;
  bool exact_ = false;
};

/// Breaks `text` into lines no wider than `max_width` pixels, at spaces
/// where possible and inside a word only when the word alone is too wide.
/// At most `max_lines` lines; when text is left over, the last line ends
/// with "…" (the whole text is in the tooltip). Runs of white space
/// collapse to one space, as SVG text shows them; control characters and
/// bidi overrides are dropped.
std::vector<std::string> wrap_text(std::string_view text, double max_width, double size,
                                   FontWeight weight, const FontMetrics& fonts, int max_lines);

}  // namespace eventgraph

#include "render/font_metrics.h"

#include "render/text.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H

#include <algorithm>
#include <array>
#include <unordered_map>

namespace eventgraph {

namespace {

constexpr char32_t kTableSize = 0x10000;  // the Basic Multilingual Plane
constexpr char32_t kFirstKerned = 0x20;
constexpr char32_t kKernedCount = 0x5F;  // printable ASCII, where kerning pairs matter

bool is_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r'; }
// Characters drawn text never shows: controls, and the bidi overrides the
// SVG writer drops (measuring them would widen the label).
bool is_control(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || is_bidi_control(cp);
}

}  // namespace

/// One weight's advances in font units, read once.
struct FontMetrics::Face {
  double units_per_em = 1000;
  double ascender = 0;                                     // font units, positive
  double descender = 0;                                    // font units, positive
  double missing = 0;                                      // advance for code points the font lacks
  std::vector<std::uint16_t> advances;                     // BMP, indexed by code point
  std::unordered_map<char32_t, std::uint16_t> supplement;  // beyond the BMP
  std::array<std::int16_t, kKernedCount * kKernedCount> kerning{};

  double advance(char32_t cp) const {
    if (cp < kTableSize) return advances[cp];
    auto found = supplement.find(cp);
    return found == supplement.end() ? missing : found->second;
  }
  double kern(char32_t left, char32_t right) const {
    if (left < kFirstKerned || right < kFirstKerned) return 0;
    if (left >= kFirstKerned + kKernedCount || right >= kFirstKerned + kKernedCount) return 0;
    return kerning[(left - kFirstKerned) * kKernedCount + (right - kFirstKerned)];
  }
};

FontMetrics::FontMetrics() = default;
FontMetrics::~FontMetrics() = default;

std::unique_ptr<FontMetrics> FontMetrics::load(const std::filesystem::path& dir,
                                               std::string* error) {
  std::unique_ptr<FontMetrics> metrics(new FontMetrics());
  metrics->regular_ = std::make_unique<Face>();
  metrics->bold_ = std::make_unique<Face>();
  if (!read_face(dir / "DejaVuSans.ttf", *metrics->regular_, error) ||
      !read_face(dir / "DejaVuSans-Bold.ttf", *metrics->bold_, error)) {
    return nullptr;
  }
  metrics->exact_ = true;
  return metrics;
}

std::unique_ptr<FontMetrics> FontMetrics::fallback() {
  std::unique_ptr<FontMetrics> metrics(new FontMetrics());
  for (auto* slot : {&metrics->regular_, &metrics->bold_}) {
    auto face = std::make_unique<Face>();
    face->units_per_em = 1000;
    face->ascender = 930;
    face->descender = 240;
    face->missing = 1000;
    face->advances.assign(kTableSize, 800);
    for (char32_t wide : {U'M', U'W', U'm', U'w', U'@', U'%'}) face->advances[wide] = 1000;
    *slot = std::move(face);
  }
  return metrics;
}

const FontMetrics::Face& FontMetrics::face(FontWeight weight) const {
  return weight == FontWeight::bold ? *bold_ : *regular_;
}

double FontMetrics::width(std::string_view utf8, double size, FontWeight weight) const {
  const Face& f = face(weight);
  double units = 0;
  char32_t previous = 0;
  for (std::size_t pos = 0; pos < utf8.size();) {
    const char32_t cp = next_code_point(utf8, pos);
    units += f.advance(cp) + f.kern(previous, cp);
    previous = cp;
  }
  return units * size / f.units_per_em;
}

double FontMetrics::ascent(double size) const {
  return regular_->ascender * size / regular_->units_per_em;
}

double FontMetrics::descent(double size) const {
  return regular_->descender * size / regular_->units_per_em;
}

// Reads every mapped code point's advance. FreeType stays inside this
// function: nothing it allocates outlives the load.
bool FontMetrics::read_face(const std::filesystem::path& file, Face& face, std::string* error) {
  FT_Library library = nullptr;
  if (FT_Init_FreeType(&library) != 0) {
    if (error) *error = "cannot initialise FreeType";
    return false;
  }
  FT_Face ft = nullptr;
  if (FT_New_Face(library, file.c_str(), 0, &ft) != 0) {
    FT_Done_FreeType(library);
    if (error) *error = "cannot read font '" + file.string() + "'";
    return false;
  }
  face.units_per_em = ft->units_per_EM;
  face.ascender = ft->ascender;
  face.descender = -ft->descender;
  face.missing = ft->units_per_EM;
  face.advances.assign(kTableSize, static_cast<std::uint16_t>(ft->units_per_EM));
  FT_UInt glyph = 0;
  for (FT_ULong cp = FT_Get_First_Char(ft, &glyph); glyph != 0;
       cp = FT_Get_Next_Char(ft, cp, &glyph)) {
    FT_Fixed advance = 0;
    if (FT_Get_Advance(ft, glyph, FT_LOAD_NO_SCALE, &advance) != 0) continue;
    const auto value = static_cast<std::uint16_t>(std::clamp<FT_Fixed>(advance, 0, 0xFFFF));
    if (cp < kTableSize) {
      face.advances[cp] = value;
    } else {
      face.supplement.emplace(static_cast<char32_t>(cp), value);
    }
  }
  if (FT_HAS_KERNING(ft)) {
    for (char32_t left = 0; left < kKernedCount; ++left) {
      const FT_UInt lg = FT_Get_Char_Index(ft, kFirstKerned + left);
      for (char32_t right = 0; right < kKernedCount; ++right) {
        const FT_UInt rg = FT_Get_Char_Index(ft, kFirstKerned + right);
        FT_Vector delta{};
        if (lg != 0 && rg != 0 && FT_Get_Kerning(ft, lg, rg, FT_KERNING_UNSCALED, &delta) == 0) {
          face.kerning[left * kKernedCount + right] = static_cast<std::int16_t>(delta.x);
        }
      }
    }
  }
  FT_Done_Face(ft);
  FT_Done_FreeType(library);
  return true;
}

std::vector<std::string> wrap_text(std::string_view text, double max_width, double size,
                                   FontWeight weight, const FontMetrics& fonts, int max_lines) {
  // Words, with white space collapsed and control characters dropped.
  std::vector<std::string> words(1);
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = next_code_point(text, pos);
    if (is_space(cp)) {
      if (!words.back().empty()) words.emplace_back();
    } else if (!is_control(cp)) {
      append_utf8(words.back(), cp);
    }
  }
  if (words.back().empty()) words.pop_back();

  std::vector<std::string> lines;
  std::string line;
  const auto fits = [&](const std::string& s) { return fonts.width(s, size, weight) <= max_width; };
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::string candidate = line.empty() ? words[i] : line + " " + words[i];
    if (fits(candidate)) {
      line = std::move(candidate);
      continue;
    }
    if (!line.empty()) {
      lines.push_back(std::move(line));
      line.clear();
      if (fits(words[i])) {
        line = words[i];
        continue;
      }
    }
    // A word wider than a line: break it between characters.
    const std::string& word = words[i];
    for (std::size_t pos = 0; pos < word.size();) {
      const std::size_t start = pos;
      next_code_point(word, pos);
      std::string piece = line + word.substr(start, pos - start);
      if (!line.empty() && !fits(piece)) {
        lines.push_back(std::move(line));
        line = word.substr(start, pos - start);
      } else {
        line = std::move(piece);
      }
    }
  }
  if (!line.empty()) lines.push_back(std::move(line));

  if (max_lines > 0 && lines.size() > static_cast<std::size_t>(max_lines)) {
    lines.resize(static_cast<std::size_t>(max_lines));
    std::string& last = lines.back();
    // Drop whole code points until the ellipsis fits.
    while (!last.empty() && !fits(last + "…")) {
      std::size_t cut = last.size() - 1;
      while (cut > 0 && (static_cast<unsigned char>(last[cut]) & 0xC0) == 0x80) --cut;
      last.resize(cut);
    }
    while (!last.empty() && last.back() == ' ') last.pop_back();
    last += "…";
  }
  return lines;
}

}  // namespace eventgraph

#include "render/graphviz_text.h"

#include "render/svg_writer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace eventgraph::detail {

namespace {

/// Length of the valid UTF-8 sequence at `text[at]`, or 0 when malformed.
std::size_t utf8_length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  std::size_t length = 0;
  std::uint32_t min = 0;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF)
    length = 2, min = 0x80;
  else if (lead >= 0xE0 && lead <= 0xEF)
    length = 3, min = 0x800;
  else if (lead >= 0xF0 && lead <= 0xF4)
    length = 4, min = 0x10000;
  else
    return 0;
  if (at + length > text.size()) return 0;
  std::uint32_t code = lead & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(at + i) & 0x3F);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

/// Graphviz 2.43 writes `\"` for a quote but leaves backslashes alone, so a
/// value that ends in one would end in `\"`, which reads as an escaped quote.
void guard_trailing_backslash(std::string& value) {
  if (!value.empty() && value.back() == '\\') value += ' ';
}

}  // namespace

std::string clean_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = utf8_length(text, i);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    const auto lead = static_cast<unsigned char>(text[i]);
    if (length == 1 && (lead < 0x20 || lead == 0x7F)) {
      out += ' ';
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  return out;
}

std::string html_label_text(std::string_view text) {
  // The SVG writer's escaping (which also drops bidi controls), then
  // backslashes doubled, as Graphviz unescapes label text once.
  std::string out;
  for (char c : xml_escape(clean_text(text))) {
    if (c == '\\') out += '\\';
    out += c;
  }
  return out;
}

TooltipText& TooltipText::add(std::string_view text) {
  for (char c : clean_text(text)) {
    if (c == '\\') {
      value_ += "\\\\\\\\";  // tooltips are unescaped twice: four for one
    } else if (c == '&' && svg_) {
      value_ += "&amp;";
    } else {
      value_ += c;
    }
  }
  return *this;
}

TooltipText& TooltipText::line() {
  value_ += "\\n";
  return *this;
}

std::string TooltipText::str() const {
  std::string value = value_;
  guard_trailing_backslash(value);
  return value;
}

std::optional<std::string> safe_url(std::string_view url, bool svg) {
  auto starts_with = [&](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    return std::equal(prefix.begin(), prefix.end(), url.begin(), [](char a, char b) {
      return a == static_cast<char>(std::tolower(static_cast<unsigned char>(b)));
    });
  };
  if (!starts_with("http://") && !starts_with("https://")) return std::nullopt;
  constexpr std::string_view kAllowed =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$()*+,;=%";
  std::string out;
  for (char c : url) {
    if (c == '&') {
      out += svg ? "&amp;" : "&";
    } else if (kAllowed.find(c) != std::string_view::npos) {
      out += c;
    } else {
      std::array<char, 4> hex{};
      std::snprintf(hex.data(), hex.size(), "%%%02X", static_cast<unsigned char>(c));
      out += hex.data();
    }
  }
  return out;
}

std::vector<std::string> wrap_words(std::string_view text, std::size_t width) {
  const std::string cleaned = clean_text(text);
  auto code_points = [](std::string_view s) {
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  };
  std::vector<std::string> lines;
  std::string line;
  std::size_t line_width = 0;
  std::size_t at = 0;
  while (at < cleaned.size()) {
    const std::size_t space = cleaned.find(' ', at);
    const std::size_t end = space == std::string::npos ? cleaned.size() : space;
    const std::string_view word = std::string_view(cleaned).substr(at, end - at);
    at = end + 1;
    if (word.empty()) continue;
    const std::size_t word_width = code_points(word);
    if (!line.empty() && line_width + 1 + word_width > width) {
      lines.push_back(std::move(line));
      line.clear();
      line_width = 0;
    }
    if (!line.empty()) {
      line += ' ';
      ++line_width;
    }
    line += word;
    line_width += word_width;
  }
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string mix_colour(std::string_view colour, std::string_view base, double amount) {
  auto channel = [](std::string_view hex, std::size_t at) {
    int value = 0;
    std::from_chars(hex.data() + at, hex.data() + at + 2, value, 16);
    return value;
  };
  if (colour.size() != 7 || base.size() != 7) return std::string(colour);
  std::array<char, 8> out{};
  int mixed[3];
  for (std::size_t i = 0; i < 3; ++i) {
    const double a = channel(colour, 1 + 2 * i), b = channel(base, 1 + 2 * i);
    mixed[i] = static_cast<int>(std::lround(a + (b - a) * amount));
  }
  std::snprintf(out.data(), out.size(), "#%02x%02x%02x", mixed[0], mixed[1], mixed[2]);
  return out.data();
}

std::string format_number(double value) {
  std::array<char, 32> buffer{};
  const double rounded = std::round(value * 100) / 100;
  auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(),
                              rounded == 0 ? 0.0 : rounded, std::chars_format::fixed, 2);
  return std::string(buffer.data(), result.ptr);
}

}  // namespace eventgraph::detail

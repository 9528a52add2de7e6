#include "render/graphviz_text.h"

#include "render/svg_writer.h"
#include "render/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace eventgraph::detail {

namespace {

/// Graphviz 2.43 writes `\"` for a quote but leaves backslashes alone, so a
/// value that ends in one would end in `\"`, which reads as an escaped quote.
void guard_trailing_backslash(std::string& value) {
  if (!value.empty() && value.back() == '\\') value += ' ';
}

}  // namespace

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

// Text for Graphviz attributes: escaping for each kind of attribute, URL
// sanitising and colour tints. Internal to the Graphviz
// renderer; exposed in detail:: so tests can check the rules directly.
//
// Graphviz 2.43 treats attribute text in ways that differ by attribute, so
// each kind gets its own function (each rule below was checked against
// the library and is covered by tests/render/graphviz_test.cpp):
// - HTML-like labels are XML, and Graphviz still expands `\N`, `\G`, `\L`
//   ... in them: text is XML-escaped and every backslash doubled.
// - Tooltips are unescaped once more than labels: a literal backslash is
//   four backslashes, `\n` is a line break. In SVG Graphviz leaves `&amp;`
//   and other entity-like text unescaped, so for SVG `&` is pre-escaped.
// - Graphviz 2.43's DOT writer escapes `"` but not a backslash, so a value
//   ending in a backslash would swallow its closing quote: such values get a
//   trailing space.
// - URLs are kept only for http(s); anything outside the URL character set
//   is percent-encoded, and for SVG `&` is written as `&amp;` (Graphviz does
//   not escape it in xlink:href).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph::detail {

/// Text for an HTML-like label: clean, XML-escaped, backslashes doubled.
std::string html_label_text(std::string_view text);

/// Builds tooltips: add lines of data text, then `str()` gives the value.
class TooltipText {
 public:
  explicit TooltipText(bool svg) : svg_(svg) {}
  /// Appends `text` (data, escaped) to the current line.
  TooltipText& add(std::string_view text);
  /// Starts a new line.
  TooltipText& line();
  std::string str() const;

 private:
  bool svg_;
  std::string value_;
};

/// The URL as an attribute value, or nullopt unless it is http(s).
std::optional<std::string> safe_url(std::string_view url, bool svg);

/// `colour` moved towards `base` by `amount` (0: colour, 1: base), both
/// `#rrggbb`.
std::string mix_colour(std::string_view colour, std::string_view base, double amount);

/// A number as Graphviz reads it, independent of the C locale: "12.5".
std::string format_number(double value);

}  // namespace eventgraph::detail

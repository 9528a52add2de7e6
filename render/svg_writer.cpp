#include "render/svg_writer.h"

#include "render/font_metrics.h"
#include "render/style.h"
#include "render/text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace eventgraph {

namespace {

// Coordinates with one decimal, locale-independent, "-0" and ".0" trimmed.
std::string num(double value) {
  std::array<char, 32> buffer{};
  const double rounded = std::round(value * 10) / 10;
  auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(),
                                 rounded == 0 ? 0.0 : rounded, std::chars_format::fixed, 1);
  std::string text(buffer.data(), end);
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) text.resize(text.size() - 2);
  return text;
}

std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t hash = 1469598103934665603ull;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string_view role_class(TextRole role) {
  switch (role) {
    case TextRole::title:
      return "t-title";
    case TextRole::subtitle:
      return "t-sub";
    case TextRole::lane:
      return "t-lane";
    case TextRole::label:
      return "t-label";
    case TextRole::axis:
      return "t-axis";
    case TextRole::axis_major:
      return "t-axis t-major";
    case TextRole::legend:
      return "t-legend";
    case TextRole::footer:
      return "t-foot";
  }
  return "t-label";
}

std::string_view kind_class(RelationKind kind) {
  switch (kind) {
    case RelationKind::causes:
      return "causes";
    case RelationKind::references:
      return "refs";
    case RelationKind::contradicts:
      return "contra";
  }
  return "causes";
}

// A selector group with every selector in it scoped to the document:
// "#eg1 .a,#eg1 .b", never "#eg1 .a,.b", which would style an embedding
// page's own `.b` elements.
std::string scoped(const std::string& scope, std::string_view selectors) {
  std::string out;
  while (!selectors.empty()) {
    const std::size_t comma = std::min(selectors.find(','), selectors.size());
    out += (out.empty() ? "" : ",") + scope + " " + std::string(selectors.substr(0, comma));
    selectors.remove_prefix(std::min(comma + 1, selectors.size()));
  }
  return out;
}

// The colour rules of one theme, each selector scoped to the document.
std::string theme_rules(const std::string& scope, Theme theme) {
  const ThemeColours c = theme_colours(theme);
  const std::string bg(c.background), text(c.text), muted(c.muted_text), grid(c.grid);
  std::string css;
  const auto rule = [&](std::string_view selector, const std::string& body) {
    css += scoped(scope, selector) + "{" + body + "}\n";
  };
  rule(".bg", "fill:" + bg);
  rule("text", "fill:" + text);
  rule(".t-sub,.t-axis,.t-foot", "fill:" + muted);
  rule(".t-label,.t-lane", "stroke:" + bg);
  rule(".grid", "stroke:" + grid);
  rule(".rule", "stroke:" + grid);
  rule(".axis,.brk-edge", "stroke:" + muted);
  rule(".brk", "fill:" + bg);
  rule(".neutral", "fill:" + muted + ";stroke:" + muted);
  const auto categories = category_colours(theme);
  for (std::size_t i = 0; i < categories.size(); ++i) {
    const std::string colour(categories[i]);
    rule(".c" + std::to_string(i), "fill:" + colour + ";stroke:" + colour);
  }
  for (RelationKind kind : kAllRelationKinds) {
    const std::string colour(relation_style(kind, theme).colour);
    const std::string name(kind_class(kind));
    rule(".r-" + name, "stroke:" + colour);
    rule(".h-" + name, "fill:" + colour);
  }
  return css;
}

std::string stylesheet(const std::string& scope, ThemeMode mode) {
  std::string css = scope + "{font-family:" + std::string(kFontFamilyCss) + "}\n";
  const auto rule = [&](std::string_view selector, std::string_view body) {
    css += scoped(scope, selector) + "{" + std::string(body) + "}\n";
  };
  rule(".t-title", "font-size:18px;font-weight:bold");
  rule(".t-sub,.t-legend,.t-label", "font-size:12px");
  rule(".t-lane", "font-size:12px;font-weight:bold");
  rule(".t-axis,.t-foot", "font-size:11px");
  rule(".t-major", "font-weight:bold");
  // A halo in the background colour, 2.5 px round every glyph: a relation
  // passing behind a label breaks off before the letters instead of running
  // through them. Wider would clip the descenders of the row above.
  rule(".t-label,.t-lane", "paint-order:stroke;stroke-width:5px;stroke-linejoin:round");
  rule("a .t-foot", "text-decoration:underline");
  rule(".grid,.rule,.axis", "fill:none;stroke-width:1");
  rule(".grid.major", "stroke-width:2");
  rule(".brk-edge", "fill:none;stroke-width:1.5");
  rule(".brk-edge.dash", "stroke-width:1;stroke-dasharray:4 4");
  rule(".mark", "stroke-width:1.5");
  rule(".unc", "fill-opacity:0.15;stroke-dasharray:3 2");
  rule(".halo", "fill-opacity:0.3;stroke:none");
  rule(".tail", "fill:none;stroke-width:2;stroke-dasharray:3 3");
  rule(".rel", "fill:none;stroke-width:1.25");
  for (RelationKind kind : kAllRelationKinds) {
    const RelationStyle style = relation_style(kind, Theme::light);
    const std::string name(kind_class(kind));
    std::string line = "stroke-width:" + num(style.width);
    if (!style.dasharray.empty()) line += ";stroke-dasharray:" + std::string(style.dasharray);
    if (style.opacity < 1) {
      line += ";stroke-opacity:" + num(style.opacity);
      rule(".h-" + name, "fill-opacity:" + num(style.opacity));
    }
    rule(".r-" + name, line);
  }
  rule(".rel.disputed", "stroke-dasharray:" + std::string(kDisputedDasharray));
  if (mode == ThemeMode::dark) {
    css += theme_rules(scope, Theme::dark);
  } else {
    css += theme_rules(scope, Theme::light);
    if (mode == ThemeMode::automatic) {
      css += "@media (prefers-color-scheme: dark) {\n" + theme_rules(scope, Theme::dark) + "}\n";
    }
  }
  return css;
}

class Writer {
 public:
  std::string out;

  void text(const TextItem& t) {
    const bool link = !t.href.empty() && is_web_url(t.href);
    if (link) out += "<a href=\"" + xml_escape(t.href) + "\">";
    out += "<text class=\"" + std::string(role_class(t.role)) + "\" x=\"" + num(t.x) + "\" y=\"" +
           num(t.baseline) + "\" textLength=\"" + num(t.width) +
           "\" lengthAdjust=\"spacingAndGlyphs\">" + xml_escape(t.text) + "</text>";
    if (link) out += "</a>";
    out += '\n';
  }

  void bar(const std::string& cls, double x, double y, double width) {
    out += "<rect class=\"" + cls + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" +
           num(std::max(0.0, width)) + "\" height=\"10\" rx=\"2\"/>\n";
  }

  void mark(const EventMark& m, std::span<const AxisBreak> breaks) {
    const std::string colour = "c" + std::to_string(m.colour % 8);
    const std::string shape = "mark " + colour + (m.uncertain ? " unc" : "");
    const double top = m.y - 5;
    if (m.point) {
      if (m.approximate) circle("halo " + colour, m.x0, m.y, 8);
      circle(shape, m.x0, m.y, 5);
      return;
    }
    // The body stops where an arrowhead takes over.
    double x0 = m.x0, x1 = m.x1;
    if (m.start == EndStyle::runs_on) x0 = std::min(m.x0 + 8, m.x1);
    if (m.end == EndStyle::runs_on) x1 = std::max(m.x1 - 8, x0);
    if (m.approximate) {
      out += "<rect class=\"halo " + colour + "\" x=\"" + num(x0 - 3) + "\" y=\"" + num(top - 3) +
             "\" width=\"" + num(x1 - x0 + 6) + "\" height=\"16\" rx=\"5\"/>\n";
    }
    // A bar that crosses an axis break is cut there, as the axis is.
    double from = x0;
    for (const AxisBreak& b : breaks) {
      if (b.x0 + 4 <= from || b.x1 - 4 >= x1) continue;
      bar(shape, from, top, b.x0 + 4 - from);
      from = b.x1 - 4;
    }
    bar(shape, from, top, x1 - from);
    if (m.start == EndStyle::runs_on)
      polygon("mark " + colour, {x0, top - 2, m.x0, m.y, x0, top + 12});
    if (m.end == EndStyle::runs_on)
      polygon("mark " + colour, {x1, top - 2, m.x1, m.y, x1, top + 12});
    if (m.start == EndStyle::unknown)
      line("tail " + colour, std::max(m.box.x, m.x0 - 24), m.y, m.x0, m.y);
    if (m.end == EndStyle::unknown)
      line("tail " + colour, m.x1, m.y, std::min(m.box.right(), m.x1 + 24), m.y);
  }

  void relation(const RelationPath& r) {
    const std::string kind(kind_class(r.kind));
    const auto& c = r.curve;
    out += "<path class=\"rel r-" + kind + (r.disputed ? " disputed" : "") + "\" d=\"M" +
           num(c[0]) + " " + num(c[1]) + "C" + num(c[2]) + " " + num(c[3]) + " " + num(c[4]) + " " +
           num(c[5]) + " " + num(c[6]) + " " + num(c[7]) + "\"/>\n";
    if (r.arrow) {
      const auto& h = r.head;
      polygon("h-" + kind, {h[0], h[1], h[2], h[3], h[4], h[5]});
    }
  }

  void legend_symbol(const LegendEntry& e) {
    const Box& b = e.box;
    const double cy = b.y + b.height / 2;
    switch (e.symbol) {
      case LegendSymbol::point:
        circle("mark neutral", b.x + 13, cy, 5);
        break;
      case LegendSymbol::uncertain:
        circle("mark neutral unc", b.x + 13, cy, 5);
        break;
      case LegendSymbol::approximate:
        circle("halo neutral", b.x + 13, cy, 8);
        circle("mark neutral", b.x + 13, cy, 5);
        break;
      case LegendSymbol::bar:
        rect("mark neutral", b.x + 1, cy - 5, 24, 10);
        break;
      case LegendSymbol::runs_on:
        rect("mark neutral", b.x + 1, cy - 5, 16, 10);
        polygon("mark neutral", {b.x + 17, cy - 7, b.x + 25, cy, b.x + 17, cy + 7});
        break;
      case LegendSymbol::unknown_end:
        rect("mark neutral", b.x + 1, cy - 5, 12, 10);
        line("tail neutral", b.x + 13, cy, b.x + 26, cy);
        break;
      case LegendSymbol::axis_break:
        line("axis", b.x, cy, b.x + 9, cy);
        line("axis", b.x + 17, cy, b.x + 26, cy);
        line("brk-edge", b.x + 8, cy + 6, b.x + 12, cy - 6);
        line("brk-edge", b.x + 14, cy + 6, b.x + 18, cy - 6);
        break;
      case LegendSymbol::causes:
      case LegendSymbol::references:
      case LegendSymbol::contradicts:
      case LegendSymbol::disputed: {
        const RelationKind kind = e.symbol == LegendSymbol::references ? RelationKind::references
                                  : e.symbol == LegendSymbol::contradicts
                                      ? RelationKind::contradicts
                                      : RelationKind::causes;
        const std::string name(kind_class(kind));
        const bool arrow = kind != RelationKind::contradicts;
        line("rel r-" + name + (e.symbol == LegendSymbol::disputed ? " disputed" : ""), b.x + 1, cy,
             b.x + (arrow ? 20 : 26), cy);
        if (arrow) polygon("h-" + name, {b.x + 26, cy, b.x + 19, cy - 3.5, b.x + 19, cy + 3.5});
        break;
      }
    }
  }

  void circle(const std::string& cls, double cx, double cy, double r) {
    out += "<circle class=\"" + cls + "\" cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" +
           num(r) + "\"/>\n";
  }
  void rect(const std::string& cls, double x, double y, double w, double h) {
    out += "<rect class=\"" + cls + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" +
           num(w) + "\" height=\"" + num(h) + "\"/>\n";
  }
  void line(const std::string& cls, double x0, double y0, double x1, double y1) {
    out += "<path class=\"" + cls + "\" d=\"M" + num(x0) + " " + num(y0) + "L" + num(x1) + " " +
           num(y1) + "\"/>\n";
  }
  void polygon(const std::string& cls, std::array<double, 6> p) {
    out += "<path class=\"" + cls + "\" d=\"M" + num(p[0]) + " " + num(p[1]) + "L" + num(p[2]) +
           " " + num(p[3]) + "L" + num(p[4]) + " " + num(p[5]) + "Z\"/>\n";
  }
};

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = next_code_point(text, pos);
    switch (cp) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default: {
        // Bidi embeddings, overrides and isolates could make drawn text
        // read differently from the data ("Trojan Source"); they go too.
        const bool bidi = is_bidi_control(cp);
        const bool allowed = cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp < 0x7F) ||
                             (cp >= 0xA0 && cp <= 0xD7FF && !bidi) ||
                             (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
        if (allowed) append_utf8(out, cp);
      }
    }
  }
  return out;
}

bool is_web_url(std::string_view url) {
  const auto starts = [&](std::string_view prefix) {
    if (url.size() <= prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(url[i])) != prefix[i]) return false;
    }
    return true;
  };
  if (!starts("http://") && !starts("https://")) return false;
  for (char c : url) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' ||
        c == '\\' || c == '`') {
      return false;
    }
  }
  return true;
}

std::string write_svg(const TimelineLayout& layout, ThemeMode theme) {
  Writer body;
  body.out.reserve(256 * (layout.marks.size() + layout.texts.size() + 16));
  body.out += "<rect class=\"bg\" x=\"0\" y=\"0\" width=\"" + num(layout.width) + "\" height=\"" +
              num(layout.height) + "\"/>\n";
  // Lane rules, grid, axis.
  std::string rules, minor, major;
  for (std::size_t i = 1; i < layout.lanes.size(); ++i) {  // the axis tops the first lane
    const Box& band = layout.lanes[i].band;
    rules += "M" + num(band.x) + " " + num(band.y) + "H" + num(band.right());
  }
  for (const GridLine& g : layout.grid) {
    (g.major ? major : minor) += "M" + num(g.x) + " " + num(g.y0 - 4) + "V" + num(g.y1);
  }
  if (!rules.empty()) body.out += "<path class=\"rule\" d=\"" + rules + "\"/>\n";
  if (!minor.empty()) body.out += "<path class=\"grid\" d=\"" + minor + "\"/>\n";
  if (!major.empty()) body.out += "<path class=\"grid major\" d=\"" + major + "\"/>\n";
  body.line("axis", layout.plot.x, layout.axis_y, layout.plot.right(), layout.axis_y);
  for (const AxisBreak& b : layout.breaks) {
    body.rect("brk", b.x0 + 1, layout.axis_y - 6, b.x1 - b.x0 - 2, layout.plot.height + 6);
    for (double x : {b.x0 + 4, b.x1 - 4}) {
      body.line("brk-edge", x - 2.5, layout.axis_y + 5, x + 2.5, layout.axis_y - 5);
      body.line("brk-edge dash", x, layout.axis_y + 8, x, layout.plot.bottom());
    }
  }
  // Relations under the events, each with its own tooltip; causes last,
  // so where curves cross the causal chain lies on top.
  for (const bool causes : {false, true}) {
    for (const RelationPath& r : layout.relations) {
      if ((r.kind == RelationKind::causes) != causes) continue;
      body.out += "<g><title>" + xml_escape(r.tooltip) + "</title>\n";
      body.relation(r);
      body.out += "</g>\n";
    }
  }
  for (const EventMark& m : layout.marks) {
    body.out += "<g class=\"event\"><title>" + xml_escape(m.tooltip) + "</title>\n";
    body.mark(m, layout.breaks);
    for (const TextItem& t : m.label) body.text(t);
    body.out += "</g>\n";
  }
  for (const LaneBand& lane : layout.lanes) {
    if (lane.heading) body.text(*lane.heading);
  }
  for (const LegendEntry& e : layout.legend) {
    body.legend_symbol(e);
    body.text(e.text);
  }
  for (const TextItem& t : layout.texts) body.text(t);

  char id[24];
  std::snprintf(id, sizeof id, "eg%08llx",
                static_cast<unsigned long long>(fnv1a(body.out) & 0xFFFFFFFFull));
  const std::string scope = "#" + std::string(id);
  std::string svg;
  svg.reserve(body.out.size() + 4096);
  svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + std::string(id) + "\" viewBox=\"0 0 " +
         num(layout.width) + " " + num(layout.height) + "\" width=\"" + num(layout.width) +
         "\" height=\"" + num(layout.height) + "\" role=\"img\" aria-labelledby=\"" +
         std::string(id) + "-title " + std::string(id) + "-desc\">\n";
  svg += "<title id=\"" + std::string(id) + "-title\">" + xml_escape(layout.title) + "</title>\n";
  svg +=
      "<desc id=\"" + std::string(id) + "-desc\">" + xml_escape(layout.description) + "</desc>\n";
  svg += "<style>\n" + stylesheet(scope, theme) + "</style>\n";
  svg += body.out;
  svg += "</svg>\n";
  return svg;
}

}  // namespace eventgraph

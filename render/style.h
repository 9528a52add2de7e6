// The visual language shared by the timeline SVG and the Graphviz diagrams:
// how each relation kind is drawn, and the colours for categories.
//
// Colours come from the Okabe–Ito palette, chosen so that readers with the
// common forms of colour blindness can tell them apart; relation kinds also
// differ by line pattern, never by colour alone. Every colour used for lines
// and markers has at least 3:1 contrast against its theme's background, and
// every text colour at least 4.5:1 (WCAG 2.1 AA); render/style_test.cpp
// checks this.
#pragma once

#include "engine/relation.h"

#include <span>
#include <string>
#include <string_view>

namespace eventgraph {

enum class Theme { light, dark };

/// "light" or "dark".
std::string_view to_string(Theme theme);

/// A theme's base colours, as `#rrggbb`.
struct ThemeColours {
  std::string_view background;
  std::string_view text;        ///< titles and labels
  std::string_view muted_text;  ///< axis labels, footers, dates
  std::string_view grid;        ///< axis ticks and lane separators (decorative)
  std::string_view lane_band;   ///< alternating lane background (decorative)
};

ThemeColours theme_colours(Theme theme);

/// How one relation kind is drawn.
struct RelationStyle {
  std::string_view name;            ///< "causes", ...
  std::string_view label;           ///< legend text: "causes", "refers to", "contradicts"
  std::string_view colour;          ///< stroke colour for the theme
  std::string_view dasharray;       ///< SVG stroke-dasharray ("" for solid)
  std::string_view graphviz_style;  ///< Graphviz `style`: solid, dashed, ...
  bool arrow = true;                ///< drawn with an arrowhead at the target
  /// The timeline's line weight: causes carry the story and are drawn
  /// heaviest; references are context, thinner and slightly translucent
  /// (still 3:1 against the background once blended, style_test checks).
  double width = 1.25;   ///< stroke width in pixels
  double opacity = 1.0;  ///< stroke and arrowhead opacity
};

RelationStyle relation_style(RelationKind kind, Theme theme);

/// Disputed relations keep their colour but are drawn dotted, whatever
/// their kind, and their tooltips say who disputes them.
inline constexpr std::string_view kDisputedDasharray = "2 4";
inline constexpr std::string_view kDisputedGraphvizStyle = "dotted";

/// Colours for categories (affiliations, kinds, lanes), in a fixed order;
/// category i gets colour i modulo the palette size.
std::span<const std::string_view> category_colours(Theme theme);

/// WCAG 2.1 contrast ratio of two `#rrggbb` colours (1 to 21).
double contrast_ratio(std::string_view a, std::string_view b);

}  // namespace eventgraph

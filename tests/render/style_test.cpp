#include "render/style.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

using namespace eventgraph;

constexpr double kGraphics = 3.0;  // WCAG 2.1 SC 1.4.11, lines and markers
constexpr double kText = 4.5;      // WCAG 2.1 SC 1.4.3, normal text

// The colour a reader sees: `colour` at `opacity` over `background`.
std::string blend(std::string_view colour, std::string_view background, double opacity) {
  std::string out = "#";
  for (std::size_t at : {1, 3, 5}) {
    const auto channel = [&](std::string_view hex) {
      return std::strtol(std::string(hex.substr(at, 2)).c_str(), nullptr, 16);
    };
    const double mixed = opacity * channel(colour) + (1 - opacity) * channel(background);
    char byte[3];
    std::snprintf(byte, sizeof byte, "%02x", static_cast<int>(mixed + 0.5));
    out += byte;
  }
  return out;
}

}  // namespace

TEST_CASE("contrast ratios follow WCAG 2.1") {
  CHECK(contrast_ratio("#000000", "#ffffff") == Approx(21));
  CHECK(contrast_ratio("#ffffff", "#000000") == Approx(21));
  CHECK(contrast_ratio("#777777", "#777777") == Approx(1));
  CHECK(contrast_ratio("#767676", "#ffffff") == Approx(4.54).margin(0.01));
}

TEST_CASE("every colour passes WCAG AA against its theme's background") {
  for (Theme theme : {Theme::light, Theme::dark}) {
    const ThemeColours c = theme_colours(theme);
    INFO("theme " << to_string(theme));
    CHECK(contrast_ratio(c.text, c.background) >= kText);
    CHECK(contrast_ratio(c.muted_text, c.background) >= kText);
    CHECK(contrast_ratio(c.text, c.lane_band) >= kText);
    CHECK(contrast_ratio(c.muted_text, c.lane_band) >= kText);
    for (std::string_view colour : category_colours(theme)) {
      INFO("category " << colour);
      CHECK(contrast_ratio(colour, c.background) >= kGraphics);
    }
    for (RelationKind kind : kAllRelationKinds) {
      const RelationStyle style = relation_style(kind, theme);
      INFO("relation " << style.name << " " << style.colour);
      CHECK(contrast_ratio(style.colour, c.background) >= kGraphics);
      CHECK(contrast_ratio(blend(style.colour, c.background, style.opacity), c.background) >=
            kGraphics);
    }
  }
}

TEST_CASE("relation kinds differ by line pattern as well as colour") {
  for (Theme theme : {Theme::light, Theme::dark}) {
    const RelationStyle causes = relation_style(RelationKind::causes, theme);
    const RelationStyle references = relation_style(RelationKind::references, theme);
    const RelationStyle contradicts = relation_style(RelationKind::contradicts, theme);
    CHECK(causes.dasharray != references.dasharray);
    CHECK(references.dasharray != contradicts.dasharray);
    CHECK(causes.dasharray != contradicts.dasharray);
    for (const RelationStyle& s : {causes, references, contradicts}) {
      CHECK(s.dasharray != kDisputedDasharray);
      CHECK(s.graphviz_style != kDisputedGraphvizStyle);
    }
    CHECK(causes.colour != references.colour);
    CHECK(references.colour != contradicts.colour);
    CHECK_FALSE(contradicts.arrow);  // symmetric
    // Causes carry the story; references are context and weigh less.
    CHECK(causes.width > contradicts.width);
    CHECK(contradicts.width > references.width);
    CHECK(references.opacity < causes.opacity);
  }
  CHECK(to_string(Theme::light) == "light");
  CHECK(to_string(Theme::dark) == "dark");
}

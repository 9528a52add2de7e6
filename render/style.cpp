#include "render/style.h"

#include <array>
#include <cmath>
#include <cstdlib>

namespace eventgraph {

namespace {

constexpr std::array<std::string_view, 8> kLightCategories = {
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#A87000", "#6A3D9A", "#56595C", "#8C6D1F"};
constexpr std::array<std::string_view, 8> kDarkCategories = {
    "#56B4E9", "#E69F00", "#33BB88", "#CC79A7", "#F0E442", "#D55E00", "#B0B0B0", "#A58AD6"};

double luminance(std::string_view hex) {
  auto channel = [&](std::size_t at) {
    const double c = std::strtol(std::string(hex.substr(at, 2)).c_str(), nullptr, 16) / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  if (hex.size() != 7 || hex[0] != '#') return 0;
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

}  // namespace

std::string_view to_string(Theme theme) { return theme == Theme::light ? "light" : "dark"; }

ThemeColours theme_colours(Theme theme) {
  if (theme == Theme::dark) return {"#1b1e23", "#e8eaed", "#a8b0ba", "#3a4049", "#22262c"};
  return {"#ffffff", "#1b1e23", "#5b6470", "#d5d9de", "#f4f6f8"};
}

RelationStyle relation_style(RelationKind kind, Theme theme) {
  const bool dark = theme == Theme::dark;
  switch (kind) {
    case RelationKind::causes:
      return {"causes", "causes", dark ? "#D8DDE3" : "#333840", "", "solid", true, 1.6, 1.0};
    case RelationKind::references:
      return {"references", "refers to", dark ? "#56B4E9" : "#0072B2", "6 4", "dashed", true,
              1.0,          0.8};
    case RelationKind::contradicts:
      return {"contradicts",
              "contradicts",
              dark ? "#F28C28" : "#D55E00",
              "10 3 2 3",
              "bold",
              false,
              1.4,
              1.0};
  }
  return relation_style(RelationKind::causes, theme);
}

std::span<const std::string_view> category_colours(Theme theme) {
  if (theme == Theme::dark) return kDarkCategories;
  return kLightCategories;
}

double contrast_ratio(std::string_view a, std::string_view b) {
  double la = luminance(a), lb = luminance(b);
  if (la < lb) std::swap(la, lb);
  return (la + 0.05) / (lb + 0.05);
}

}  // namespace eventgraph

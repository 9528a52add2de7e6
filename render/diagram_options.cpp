#include "render/diagram_options.h"

#include <cctype>

namespace eventgraph {

std::string_view to_string(DiagramFormat format) {
  switch (format) {
    case DiagramFormat::svg:
      return "svg";
    case DiagramFormat::png:
      return "png";
    case DiagramFormat::pdf:
      return "pdf";
    case DiagramFormat::dot:
      return "dot";
  }
  return "svg";
}

namespace {
std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
}  // namespace

std::optional<DiagramFormat> parse_diagram_format(std::string_view name) {
  const std::string n = lower(name);
  if (n == "gv") return DiagramFormat::dot;
  for (DiagramFormat f :
       {DiagramFormat::svg, DiagramFormat::png, DiagramFormat::pdf, DiagramFormat::dot}) {
    if (n == to_string(f)) return f;
  }
  return std::nullopt;
}

std::optional<DiagramFormat> diagram_format_for_path(const std::filesystem::path& path) {
  const std::string extension = path.extension().string();
  if (extension.size() < 2) return std::nullopt;
  return parse_diagram_format(std::string_view(extension).substr(1));
}

std::string_view to_string(DiagramLayout layout) {
  switch (layout) {
    case DiagramLayout::automatic:
      return "automatic";
    case DiagramLayout::dot:
      return "dot";
    case DiagramLayout::neato:
      return "neato";
    case DiagramLayout::fdp:
      return "fdp";
    case DiagramLayout::sfdp:
      return "sfdp";
    case DiagramLayout::time:
      return "time";
  }
  return "automatic";
}

std::optional<DiagramLayout> parse_diagram_layout(std::string_view name) {
  const std::string n = lower(name);
  if (n == "auto") return DiagramLayout::automatic;
  for (DiagramLayout l : {DiagramLayout::automatic, DiagramLayout::dot, DiagramLayout::neato,
                          DiagramLayout::fdp, DiagramLayout::sfdp, DiagramLayout::time}) {
    if (n == to_string(l)) return l;
  }
  return std::nullopt;
}

std::string_view to_string(RankDirection direction) {
  switch (direction) {
    case RankDirection::left_right:
      return "LR";
    case RankDirection::top_bottom:
      return "TB";
    case RankDirection::right_left:
      return "RL";
    case RankDirection::bottom_top:
      return "BT";
  }
  return "LR";
}

std::optional<RankDirection> parse_rank_direction(std::string_view name) {
  const std::string n = lower(name);
  for (RankDirection d : {RankDirection::left_right, RankDirection::top_bottom,
                          RankDirection::right_left, RankDirection::bottom_top}) {
    if (n == lower(to_string(d))) return d;
  }
  return std::nullopt;
}

}  // namespace eventgraph

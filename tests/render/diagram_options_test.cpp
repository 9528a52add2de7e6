#include "render/diagram_options.h"

#include <catch2/catch.hpp>

using namespace eventgraph;

TEST_CASE("diagram options: formats, layouts and directions by name", "[diagram_options]") {
  CHECK(diagram_format_for_path("docs/img/graph.svg") == DiagramFormat::svg);
  CHECK(diagram_format_for_path("out.PNG") == DiagramFormat::png);
  CHECK(diagram_format_for_path("a.gv") == DiagramFormat::dot);
  CHECK_FALSE(diagram_format_for_path("graph.jpeg"));
  CHECK_FALSE(diagram_format_for_path("graph"));
  CHECK(parse_diagram_layout("auto") == DiagramLayout::automatic);
  CHECK(parse_diagram_layout("time") == DiagramLayout::time);
  CHECK_FALSE(parse_diagram_layout("circo"));
  CHECK(parse_rank_direction("tb") == RankDirection::top_bottom);
  CHECK(to_string(RankDirection::left_right) == "LR");
}

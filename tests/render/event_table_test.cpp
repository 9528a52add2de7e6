#include "render/event_table.h"

#include "engine/loader.h"

#include <catch2/catch.hpp>

#include <numeric>
#include <vector>

namespace {

using eventgraph::EventGraph;
using eventgraph::EventIndex;

EventGraph load(const std::string& yaml) {
  auto loaded = eventgraph::load_string(yaml, "table.yaml");
  REQUIRE(loaded.ok());
  return std::move(*loaded.graph);
}

std::vector<EventIndex> all_events(const EventGraph& graph) {
  std::vector<EventIndex> events(graph.events().size());
  std::iota(events.begin(), events.end(), EventIndex{0});
  return events;
}

}  // namespace

TEST_CASE("events_markdown: a table with readable dates and numbered sources") {
  const EventGraph graph = load(R"(eventgraph: 1
sources:
  wire: {title: Talks resume, publisher: Wire Service, date: 2022-03-30, url: "https://example.org/a"}
  paper: {title: Background}
events:
  - {id: talks, title: Talks in the capital, date: 2022-03/2022-04, sources: [wire, paper]}
  - {id: call, title: A phone call, date: "2021-12-15?", sources: [paper]}
  - {id: quiet, title: Nothing sourced, date: 2023}
)");
  CHECK(eventgraph::events_markdown(graph, all_events(graph)) ==
        "| Date | Event | Sources |\n"
        "|---|---|---|\n"
        "| 15 Dec 2021 (uncertain) | A phone call | 1 |\n"
        "| Mar 2022 – Apr 2022 | Talks in the capital | 1, 2 |\n"
        "| 2023 | Nothing sourced |  |\n"
        "\n"
        "Sources:\n"
        "\n"
        "1. Background\n"
        "2. Talks resume — Wire Service, 30 Mar 2022 (https\\://example.org/a)\n");
}

TEST_CASE("events_markdown: no data string becomes markup, HTML or a new cell") {
  const EventGraph graph = load(R"(eventgraph: 1
events:
  - id: hostile
    title: "<script>alert(1)</script> | **bold** [link](javascript:x) `code` a\\b\nnext"
    date: 2020
)");
  const std::string table = eventgraph::events_markdown(graph, all_events(graph));
  CHECK(table.find("<script") == std::string::npos);
  // Brackets and emphasis stay literal: each is backslash-escaped.
  CHECK(table.find("\\[link\\](javascript") != std::string::npos);
  CHECK(table.find("\\*\\*bold\\*\\*") != std::string::npos);
  const std::string row = table.substr(table.rfind("| 2020"));
  // Three cells: four unescaped pipes.
  std::size_t pipes = 0;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '|' && (i == 0 || row[i - 1] != '\\')) ++pipes;
  }
  CHECK(pipes == 4);
  CHECK(row.find('\n') == row.size() - 1);
  CHECK(eventgraph::markdown_cell_text("a<b & c|d\\e") == "a&lt;b &amp; c\\|d\\\\e");
  // GFM autolinks (attack L13): the colon of a scheme, the dot of "www."
  CHECK(eventgraph::markdown_cell_text("see https://x.example or WWW.y.example") ==
        "see https\\://x.example or WWW\\.y.example");
  CHECK(eventgraph::markdown_cell_text("mailto:a and note: 2022, wwwx.example") ==
        "mailto\\:a and note: 2022, wwwx.example");
}

// Attack report M9: cells starting with = + - @ or a tab opened as
// formulas in spreadsheets.
TEST_CASE("events_csv: formula prefixes are neutralised, dates keep their sign") {
  const EventGraph graph = load(R"yaml(eventgraph: 1
events:
  - {id: e1, title: "=cmd|' /C calc'!A0", date: -0044-03-15, kind: "+SUM(1)", place: "@here",
     tags: ["-tag", "=x"]}
  - {id: e2, title: "\tTab first", date: 2020}
)yaml");
  CHECK(eventgraph::events_csv(graph, all_events(graph)) ==
        "id,date,earliest,latest,precision,kind,title,actors,place,tags,sources\r\n"
        "e1,-0044-03-15,-0044-03-15,-0044-03-15,day,'+SUM(1),'=cmd|' /C calc'!A0,,'@here,"
        "'-tag;=x,\r\n"
        "e2,2020,2020-01-01,2020-12-31,year,,'\tTab first,,,,\r\n");
}

TEST_CASE("events_csv: RFC 4180 quoting only where needed") {
  const EventGraph graph = load(R"(eventgraph: 1
events:
  - {id: plain, title: Plain title, date: 2020-05-10, actors: [], tags: [a, b]}
  - {id: quoted, title: "Says \"no\", twice", date: 2020-06}
)");
  CHECK(eventgraph::events_csv(graph, all_events(graph)) ==
        "id,date,earliest,latest,precision,kind,title,actors,place,tags,sources\r\n"
        "plain,2020-05-10,2020-05-10,2020-05-10,day,,Plain title,,,a;b,\r\n"
        "quoted,2020-06,2020-06-01,2020-06-30,month,,\"Says \"\"no\"\", twice\",,,,\r\n");
}

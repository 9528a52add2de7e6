// Graphviz diagrams as a reader gets them: valid SVG and DOT, one shape per
// event and relation, hostile text shown as text, the same bytes each run.
#include "render/graphviz.h"

#include "render/diagram_content.h"

#include "engine/loader.h"
#include "tests/support/synthetic.h"

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace eventgraph;

const EventGraph& seed_graph() {
  static const LoadResult loaded = load_file(fs::path(EVENTGRAPH_SOURCE_DIR) / "data/events.yaml");
  REQUIRE(loaded.ok());
  return *loaded.graph;
}

EventGraph load_yaml(const std::string& yaml) {
  LoadResult loaded = load_string(yaml, "test.yaml");
  // INFO in a loop body is gone before the REQUIRE below: say them all at once.
  std::string said;
  for (const Diagnostic& d : loaded.diagnostics) said += format_diagnostic_line(d) + "\n";
  INFO(said);
  REQUIRE(loaded.ok());
  return std::move(*loaded.graph);
}

std::vector<EventIndex> all_events(const EventGraph& graph) {
  std::vector<EventIndex> all(graph.events().size());
  std::iota(all.begin(), all.end(), EventIndex{0});
  return all;
}

DiagramResult render(const EventGraph& graph, std::span<const EventIndex> selection,
                     DiagramFormat format, DiagramLayout layout = DiagramLayout::automatic) {
  GraphOptions options;
  options.format = format;
  options.layout = layout;
  DiagramResult result = render_diagram(graph, selection, options);
  // INFO in a loop body is gone before the REQUIRE below: say them all at once.
  std::string said;
  for (const Diagnostic& d : result.diagnostics) said += format_diagnostic_line(d) + "\n";
  INFO(said);
  REQUIRE(result.ok());
  return result;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

/// Writes `bytes` to a temporary file, runs `command FILE` and returns its
/// exit status and what it printed on stderr.
struct ToolRun {
  int status = -1;
  std::string err;
};
ToolRun run_tool(const std::string& command, const std::string& bytes, const std::string& ext) {
  const fs::path dir = fs::temp_directory_path();
  const std::string stem = "eventgraph-graphviz-test-" + std::to_string(getpid());
  const fs::path file = dir / (stem + ext), err = dir / (stem + ".err");
  std::ofstream(file, std::ios::binary) << bytes;
  const int status = std::system(
      (command + " '" + file.string() + "' 2>'" + err.string() + "' >/dev/null").c_str());
  std::ifstream in(err);
  std::ostringstream text;
  text << in.rdbuf();
  fs::remove(file);
  fs::remove(err);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
}

void require_well_formed_xml(const std::string& svg) {
  const ToolRun run = run_tool("xmllint --noout", svg, ".svg");
  INFO(run.err);
  REQUIRE(run.status == 0);
}

void require_dot_parses(const std::string& dot) {
  const ToolRun run = run_tool("dot -Tsvg -o /dev/null", dot, ".dot");
  INFO(run.err);
  REQUIRE(run.status == 0);
  CHECK(run.err.empty());
}

const char* kHostile = R"yaml(eventgraph: 1
title: "Hostile <b>title</b> & \\N"
actors:
  mallory: {name: "Mallory <img src=x onerror=alert(1)>", affiliation: "<evil>"}
sources:
  bad-url: {title: "Bad \\ source", url: "javascript:alert(1)"}
  good-url: {title: Good, url: "https://example.org/a?b=1&c=\"2\""}
events:
  - id: script
    title: "<script>alert(1)</script>"
    date: 2022-01-01
    actors: [mallory]
    summary: "ends with a backslash \\"
    sources: [bad-url]
    causes: [quote]
  - id: quote
    title: "\" ] ; x [ "
    date: 2022-02-01
    summary: "&amp; &foo; \\N \\G \\L"
    sources: [good-url]
    references:
      - event: script
        note: "note </a> \\"
        disputed_by: [mallory]
  - id: escapes
    title: "\\N \\G \\L \\E \\T \\H \\\\ end\\"
    date: 2022-03-01
    contradicts: [quote]
)yaml";

}  // namespace

TEST_CASE("graphviz: the seed data as SVG is well-formed, one shape per event and relation",
          "[graphviz]") {
  const EventGraph& graph = seed_graph();
  const std::vector<EventIndex> all = all_events(graph);
  const DiagramResult svg = render(graph, all, DiagramFormat::svg);
  CHECK(svg.layout == DiagramLayout::dot);
  CHECK_THAT(svg.note, Catch::Contains("dot"));
  require_well_formed_xml(svg.bytes);
  CHECK(count(svg.bytes, "class=\"node event\"") == graph.events().size());
  CHECK(count(svg.bytes, "<g id=\"relation&#45;") == graph.relations().size());
  for (const Event& event : graph.events()) {
    std::string id = "event-" + event.id;  // Graphviz writes '-' as &#45; in ids
    id = std::regex_replace(id, std::regex("-"), "&#45;");
    CHECK(count(svg.bytes, "<g id=\"" + id + "\"") == 1);
  }
  SECTION("the legend names every relation kind and disputed links") {
    for (const char* text :
         {">causes<", ">refers to<", ">contradicts (no direction)<", ">disputed (see tooltip)<"}) {
      CHECK(count(svg.bytes, text) == 1);
    }
  }
  SECTION("each year with events is labelled") {
    for (const char* year : {">2008<", ">2021<", ">2022<", ">2026<"}) {
      CHECK(count(svg.bytes, year) >= 1);
    }
  }
}

TEST_CASE("graphviz: a neighbourhood draws only its events and the relations among them",
          "[graphviz]") {
  const EventGraph& graph = seed_graph();
  std::vector<EventIndex> some{*graph.find_event("istanbul-talks"),
                               *graph.find_event("istanbul-draft-agreement"),
                               *graph.find_event("istanbul-talks-collapse")};
  some.push_back(some.front());  // duplicates count once
  std::size_t relations = 0;
  for (RelationIndex r = 0; r < graph.relations().size(); ++r) {
    const Endpoints ends = graph.endpoints(r);
    const auto in = [&](EventIndex e) {
      return std::find(some.begin(), some.end(), e) != some.end();
    };
    if (in(ends.from) && in(ends.to)) ++relations;
  }
  const DiagramResult svg = render(graph, some, DiagramFormat::svg);
  require_well_formed_xml(svg.bytes);
  CHECK(count(svg.bytes, "class=\"node event\"") == 3);
  CHECK(count(svg.bytes, "<g id=\"relation&#45;") == relations);
}

TEST_CASE("graphviz: the DOT that gvc writes parses with the dot program", "[graphviz]") {
  const EventGraph& graph = seed_graph();
  for (DiagramLayout layout : {DiagramLayout::dot, DiagramLayout::time}) {
    const DiagramResult dot = render(graph, all_events(graph), DiagramFormat::dot, layout);
    CHECK(dot.bytes.rfind("digraph", 0) == 0);
    require_dot_parses(dot.bytes);
  }
}

TEST_CASE("graphviz: hostile text comes out as text", "[graphviz]") {
  const EventGraph graph = load_yaml(kHostile);
  const std::vector<EventIndex> all = all_events(graph);
  SECTION("SVG") {
    for (DiagramLayout layout : {DiagramLayout::dot, DiagramLayout::time}) {
      const std::string svg = render(graph, all, DiagramFormat::svg, layout).bytes;
      require_well_formed_xml(svg);
      CHECK(count(svg, "<script") == 0);
      CHECK(count(svg, "<img") == 0);
      CHECK(count(svg, "javascript:") == 0);
      CHECK(count(svg, ">&lt;script&gt;alert(1)&lt;/script&gt;<") == 1);  // the label
      CHECK(count(svg, "&quot; ] ; x [") >= 1);
      // \N and friends are not expanded: the node id "escapes" must not
      // replace them, and backslashes survive.
      CHECK(count(svg, ">\\N \\G \\L \\E \\T \\H \\\\ end\\<") == 1);
      CHECK(count(svg, "xlink:href=\"https://example.org/a?b=1&amp;c=%222%22\"") == 1);
      CHECK(count(svg, "&amp;amp; &amp;foo; \\N \\G \\L") == 1);  // the summary, in a tooltip
      CHECK(count(svg, "class=\"node event\"") == 3);
      CHECK(count(svg, "<g id=\"relation&#45;") == 3);
    }
  }
  SECTION("DOT parses and says the same") {
    const std::string dot = render(graph, all, DiagramFormat::dot).bytes;
    require_dot_parses(dot);
    CHECK(count(dot, "javascript:") == 0);
    CHECK(count(dot, "&lt;script&gt;alert(1)&lt;/script&gt;") >= 1);
  }
}

TEST_CASE("graphviz: the same input and options give the same bytes", "[graphviz]") {
  const EventGraph& graph = seed_graph();
  const std::vector<EventIndex> all = all_events(graph);
  for (DiagramFormat format :
       {DiagramFormat::svg, DiagramFormat::dot, DiagramFormat::png, DiagramFormat::pdf}) {
    for (DiagramLayout layout : {DiagramLayout::dot, DiagramLayout::time}) {
      INFO(to_string(format) << " " << to_string(layout));
      const DiagramResult a = render(graph, all, format, layout);
      const DiagramResult b = render(graph, all, format, layout);
      CHECK(a.bytes == b.bytes);
    }
  }
}

TEST_CASE("graphviz: PNG and PDF", "[graphviz]") {
  const EventGraph& graph = seed_graph();
  const std::vector<EventIndex> all = all_events(graph);
  CHECK(render(graph, all, DiagramFormat::png).bytes.rfind("\x89PNG\r\n", 0) == 0);
  const std::string pdf = render(graph, all, DiagramFormat::pdf).bytes;
  CHECK(pdf.rfind("%PDF-", 0) == 0);
  CHECK(count(pdf, "/CreationDate (D:") == 0);  // stamped with the clock: blanked
}

TEST_CASE("graphviz: the automatic layout switches to time above the threshold", "[graphviz]") {
  const EventGraph& graph = seed_graph();
  const std::vector<EventIndex> all = all_events(graph);
  GraphOptions options;
  options.time_layout_above = 10;
  const DiagramResult big = render_diagram(graph, all, options);
  REQUIRE(big.ok());
  CHECK(big.layout == DiagramLayout::time);
  CHECK_THAT(big.note, Catch::StartsWith("layout: time (" + std::to_string(all.size()) +
                                         " events, more than 10"));
  options.layout = DiagramLayout::dot;
  CHECK_THAT(render_diagram(graph, all, options).note, Catch::Contains("as asked"));
}

TEST_CASE("graphviz: event boxes of the time layout never overlap", "[graphviz]") {
  const EventGraph graph = load_yaml(synthetic::generate_event_yaml({.events = 300, .seed = 3}));
  const std::string dot =
      render(graph, all_events(graph), DiagramFormat::dot, DiagramLayout::time).bytes;
  struct Box {
    double x, y, w, h;
  };
  std::vector<Box> boxes;
  const std::regex node(
      R"re(\n\t(e\d+)\t\[([^\]]*?)height=([\d.]+),[^\]]*?pos="([-\d.]+),([-\d.]+)!?"[^\]]*?width=([\d.]+)[,\]])re");
  for (std::sregex_iterator it(dot.begin(), dot.end(), node), end; it != end; ++it) {
    boxes.push_back({std::stod((*it)[4]), std::stod((*it)[5]), std::stod((*it)[6]) * 72,
                     std::stod((*it)[3]) * 72});
  }
  REQUIRE(boxes.size() == 300);
  std::size_t overlaps = 0;
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    for (std::size_t j = i + 1; j < boxes.size(); ++j) {
      const Box &a = boxes[i], &b = boxes[j];
      if (std::abs(a.x - b.x) < (a.w + b.w) / 2 && std::abs(a.y - b.y) < (a.h + b.h) / 2) {
        ++overlaps;
      }
    }
  }
  CHECK(overlaps == 0);
}

TEST_CASE("graphviz: other engines and an empty selection still render", "[graphviz]") {
  const EventGraph& graph = seed_graph();
  const std::vector<EventIndex> all = all_events(graph);
  for (DiagramLayout layout : {DiagramLayout::neato, DiagramLayout::fdp, DiagramLayout::sfdp}) {
    INFO(to_string(layout));
    const DiagramResult svg = render(graph, all, DiagramFormat::svg, layout);
    CHECK(svg.layout == layout);
    require_well_formed_xml(svg.bytes);
    CHECK(count(svg.bytes, "class=\"node event\"") == graph.events().size());
  }
  const DiagramResult empty = render(graph, {}, DiagramFormat::svg);
  require_well_formed_xml(empty.bytes);
  CHECK(count(empty.bytes, "class=\"node event\"") == 0);
}

// Found by tests/fuzz/render_fuzz: the legend put the missing title in an
// empty <font>, which Graphviz rejects, so no diagram was drawn at all.
TEST_CASE("graphviz: a file without a title still renders", "[graphviz][fuzz]") {
  const EventGraph graph = load_yaml(
      "eventgraph: 1\nsources:\n  s: {title: S}\n"
      "events:\n  - {id: a, title: Alpha, date: 2022, sources: [s]}\n");
  REQUIRE(graph.title().empty());
  const std::vector<EventIndex> all = all_events(graph);
  for (DiagramLayout layout : {DiagramLayout::dot, DiagramLayout::time}) {
    INFO(to_string(layout));
    const DiagramResult svg = render(graph, all, DiagramFormat::svg, layout);
    require_well_formed_xml(svg.bytes);
    CHECK(count(svg.bytes, "class=\"node event\"") == 1);
    require_dot_parses(render(graph, all, DiagramFormat::dot, layout).bytes);
  }
  const EventGraph empty = load_yaml("eventgraph: 1\nevents: []\n");
  require_well_formed_xml(render(empty, {}, DiagramFormat::svg).bytes);
}

// The cap on Graphviz's edge routing (kRoutedUpTo in render/graphviz.cpp):
// routing around the boxes takes seconds at 100 events and minutes at 200,
// so above 45 events edges are straight lines.
TEST_CASE("graphviz: edges go around boxes up to 45 events, straight above", "[graphviz][limits]") {
  const EventGraph graph = load_yaml(synthetic::generate_event_yaml({.events = 46, .seed = 5}));
  const std::vector<EventIndex> all = all_events(graph);
  const std::vector<EventIndex> first45(all.begin(), all.begin() + 45);
  CHECK_THAT(render(graph, first45, DiagramFormat::dot, DiagramLayout::time).bytes,
             Catch::Contains("splines=true"));
  CHECK_THAT(render(graph, all, DiagramFormat::dot, DiagramLayout::time).bytes,
             Catch::Contains("splines=line"));
}

// A reader takes each event's year from the band it sits in: with
// `--rankdir TB` and `BT` every band was labelled with the mirrored year.
TEST_CASE("graphviz: every event sits in the band of its own date, for each rankdir",
          "[graphviz][rankdir]") {
  const EventGraph& graph = seed_graph();
  const std::vector<EventIndex> all = all_events(graph);
  const std::vector<detail::Bucket> buckets = detail::bucket_events(graph, all);
  REQUIRE(buckets.size() >= 5);
  for (RankDirection direction : {RankDirection::left_right, RankDirection::right_left,
                                  RankDirection::top_bottom, RankDirection::bottom_top}) {
    INFO("--rankdir " << to_string(direction));
    GraphOptions options;
    options.format = DiagramFormat::dot;
    options.layout = DiagramLayout::dot;
    options.rankdir = direction;
    const DiagramResult result = render_diagram(graph, all, options);
    REQUIRE(result.ok());
    const bool along_x =
        direction == RankDirection::left_right || direction == RankDirection::right_left;
    // Where each node is along the time axis, oriented so that later is larger.
    const double sign =
        direction == RankDirection::right_left || direction == RankDirection::top_bottom ? -1 : 1;
    std::map<std::string, double> event_at;
    std::map<std::string, double> label_at;
    const std::regex node(R"re(\n\t"?([^\s"\[]+)"?\t\[([\s\S]*?)\];)re");
    const std::regex pos(R"re(pos="([-\d.e]+),([-\d.e]+)!?")re");
    const std::regex label(R"re(label=<([^>]*)>)re");
    for (std::sregex_iterator it(result.bytes.begin(), result.bytes.end(), node), end; it != end;
         ++it) {
      const std::string name = (*it)[1], attributes = (*it)[2];
      std::smatch p, l;
      if (!std::regex_search(attributes, p, pos)) continue;
      const double at = sign * std::stod(along_x ? p[1] : p[2]);
      if (name.starts_with("_axis_") && std::regex_search(attributes, l, label)) {
        if (l[1] != "…") label_at[l[1]] = at;
      } else if (graph.find_event(name)) {
        event_at[name] = at;
      }
    }
    REQUIRE(event_at.size() == graph.events().size());
    REQUIRE(label_at.size() == buckets.size());
    for (std::size_t b = 0; b < buckets.size(); ++b) {
      INFO("band " << buckets[b].label);
      if (b > 0) CHECK(label_at.at(buckets[b - 1].label) < label_at.at(buckets[b].label));
      // Inside its band: past the middle of the band before, short of the
      // middle of the band after.
      for (EventIndex e : buckets[b].events) {
        const std::string& id = graph.event(e).id;
        INFO(id);
        const double at = event_at.at(id);
        if (b > 0) CHECK(at > label_at.at(buckets[b - 1].label));
        if (b + 1 < buckets.size()) CHECK(at < label_at.at(buckets[b + 1].label));
      }
    }
  }
}

TEST_CASE("graphviz: the subtitle says which way time runs", "[graphviz][rankdir]") {
  const EventGraph& graph = seed_graph();
  const std::vector<EventIndex> all = all_events(graph);
  const std::pair<RankDirection, const char*> cases[] = {
      {RankDirection::left_right, "Time runs left to right"},
      {RankDirection::right_left, "Time runs right to left"},
      {RankDirection::top_bottom, "Time runs top to bottom"},
      {RankDirection::bottom_top, "Time runs bottom to top"}};
  for (const auto& [direction, words] : cases) {
    GraphOptions options;
    options.layout = DiagramLayout::dot;
    options.rankdir = direction;
    const DiagramResult result = render_diagram(graph, all, options);
    REQUIRE(result.ok());
    CHECK_THAT(result.bytes, Catch::Contains(words));
  }
}

// Attack report L3 and L4: a title or affiliation of only a bidi control
// made Graphviz fail on an empty <font>, and tooltips kept U+202E.
TEST_CASE("graphviz: bidi controls are dropped everywhere, even when nothing else is left") {
  const EventGraph graph = load_yaml(
      "eventgraph: 1\ntitle: \"\\u202E\"\nactors:\n  a: {name: A, affiliation: \"\\u202E\"}\n"
      "sources:\n  s: {title: S}\nevents:\n"
      "  - {id: e, title: \"\\u202Egnp.exe\", date: 2020, actors: [a], sources: [s], summary: "
      "\"x\\u2066y\"}\n");
  for (DiagramFormat format : {DiagramFormat::svg, DiagramFormat::dot}) {
    const DiagramResult result = render(graph, all_events(graph), format);
    CHECK(count(result.bytes, "\u202E") == 0);
    CHECK(count(result.bytes, "\u2066") == 0);
    CHECK(count(result.bytes, "gnp.exe") >= 1);
  }
}

TEST_CASE("graphviz: the time layout orders deep time beside the present",
          "[graphviz][deep-time]") {
  // Years beyond date::year's +-32,767 were once all drawn at its first day.
  const LoadResult loaded =
      load_file(fs::path(EVENTGRAPH_SOURCE_DIR) / "examples/05_deep_time.yaml");
  REQUIRE(loaded.ok());
  const EventGraph& graph = *loaded.graph;
  const std::string dot =
      render(graph, all_events(graph), DiagramFormat::dot, DiagramLayout::time).bytes;
  // Each box's left edge stands at its date: x - width / 2 (width in inches).
  std::map<std::string, double> left_of;
  const std::regex node(
      R"re(id="event-([^"]+)"[^\]]*?pos="([-\d.]+),[^\]]*?width=([\d.]+)[,\]])re");
  for (std::sregex_iterator it(dot.begin(), dot.end(), node), end; it != end; ++it) {
    left_of[(*it)[1]] = std::stod((*it)[2]) - std::stod((*it)[3]) * 72 / 2;
  }
  REQUIRE(left_of.size() == graph.events().size());
  std::vector<const Event*> by_date;
  for (const Event& event : graph.events()) by_date.push_back(&event);
  std::sort(by_date.begin(), by_date.end(), [](const Event* a, const Event* b) {
    return a->date.known_first() < b->date.known_first();
  });
  const Days span = by_date.back()->date.known_first() - by_date.front()->date.known_first();
  const Day limit_of_date_year = to_day({Year(-32767), date::January, date::day{1}});
  for (std::size_t i = 1; i < by_date.size(); ++i) {
    const Event &earlier = *by_date[i - 1], &later = *by_date[i];
    INFO(earlier.date.text() << " before " << later.date.text());
    // Graphviz rounds positions to 0.01 point.
    CHECK(left_of[earlier.id] <= left_of[later.id] + 0.02);
    // Apart by a hundredth of the span, beyond date's years: visibly apart.
    const Days apart = later.date.known_first() - earlier.date.known_first();
    if (earlier.date.known_first() < limit_of_date_year && apart * 100 > span) {
      CHECK(left_of[earlier.id] + 1 < left_of[later.id]);
    }
  }
  const std::string svg =
      render(graph, all_events(graph), DiagramFormat::svg, DiagramLayout::time).bytes;
  CHECK_THAT(svg, Catch::Contains(">5.0–4.0 Ga<"));
}

// A PNG of the layout's size is refused before Graphviz allocates it (attack
// L12: cairo allows 32767 x 32767 pixels, 4.3 GB).
TEST_CASE("graphviz: a diagram too large for a PNG is an error, not gigabytes", "[graphviz][png]") {
  std::string yaml = "eventgraph: 1\nevents:\n";
  for (int i = 0; i < 12000; ++i) {
    yaml += "  - {id: e" + std::to_string(i) + ", title: Event " + std::to_string(i) + ", date: '" +
            std::to_string(2000 + i % 60) + "'}\n";
  }
  const EventGraph graph = load_yaml(yaml);
  GraphOptions options;
  options.format = DiagramFormat::png;
  const DiagramResult result = render_diagram(graph, all_events(graph), options);
  CHECK_FALSE(result.ok());
  CHECK(result.bytes.empty());
  REQUIRE_FALSE(result.diagnostics.empty());
  CHECK_THAT(result.diagnostics.back().message,
             Catch::Contains("too large for a png") && Catch::Contains("100 million pixels"));
}

// Attack report L8: the legend cut the first four characters of a day's
// text, so years outside 0000-9999 showed as "-327–3276".
TEST_CASE("graphviz: the legend's year range is right for any year", "[graphviz][deep-time]") {
  const EventGraph graph = load_yaml(
      "eventgraph: 1\nevents:\n"
      "  - {id: first, title: First, date: Y-32767}\n"
      "  - {id: last, title: Last, date: Y32767}\n");
  const std::string svg = render(graph, all_events(graph), DiagramFormat::svg).bytes;
  CHECK_THAT(svg, Catch::Contains("2 events, 0 relations, 32,768 BCE–32,767"));
  const EventGraph deep = load_yaml(
      "eventgraph: 1\nevents:\n"
      "  - {id: earth, title: Earth, date: Y-4540000000}\n"
      "  - {id: now, title: Now, date: '2022'}\n");
  CHECK_THAT(render(deep, all_events(deep), DiagramFormat::svg).bytes,
             Catch::Contains("2 events, 0 relations, 4,540,000,001 BCE–2022"));
}

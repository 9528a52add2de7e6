#include "render/timeline_layout.h"

#include "engine/date_window.h"
#include "engine/loader.h"
#include "render/timeline.h"
#include "tests/support/synthetic.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <string>

namespace {

using namespace eventgraph;

EventGraph load_seed() {
  LoadResult loaded = load_file(std::string(EVENTGRAPH_SOURCE_DIR) + "/data/events.yaml");
  REQUIRE(loaded.ok());
  return std::move(*loaded.graph);
}

EventGraph load_yaml(const std::string& yaml) {
  LoadResult loaded = load_string(yaml, "inline.yaml");
  // INFO in a loop body is gone before the REQUIRE below: say them all at once.
  std::string said;
  for (const Diagnostic& d : loaded.diagnostics) said += format_diagnostic_line(d) + "\n";
  INFO(said);
  REQUIRE(loaded.ok());
  return std::move(*loaded.graph);
}

EventGraph synthetic_graph(std::size_t events, std::uint64_t seed) {
  return load_yaml(synthetic::generate_event_yaml({.events = events, .seed = seed}));
}

std::vector<EventIndex> all_events(const EventGraph& graph) {
  std::vector<EventIndex> all(graph.events().size());
  std::iota(all.begin(), all.end(), EventIndex{0});
  return all;
}

TimelineLayout lay_out(const EventGraph& graph, const TimelineOptions& options = {}) {
  return layout_timeline(graph, all_events(graph), options, timeline_fonts());
}

// What a reader needs: no two texts overlap, no text covers a mark, and
// everything is inside the canvas. Sweeps boxes sorted by x.
void check_geometry(const TimelineLayout& layout) {
  const Box canvas{0, 0, layout.width, layout.height};
  struct Item {
    Box box;
    bool text;
    std::string what;
  };
  std::vector<Item> items;
  for (const Box& b : text_boxes(layout)) items.push_back({b, true, "text"});
  for (const EventMark& m : layout.marks) {
    items.push_back({m.box, false, "mark"});
    for (const TextItem& t : m.label) {
      CHECK(t.box.x >= layout.plot.x - 1.5);
      CHECK(t.box.right() <= layout.plot.right() + 1.5);
    }
    CHECK(m.box.x >= layout.plot.x);
    CHECK(m.box.right() <= layout.plot.right());
  }
  std::size_t failures = 0;
  for (const Item& item : items) {
    if (!contains(canvas, item.box) && failures++ < 10) {
      FAIL_CHECK(item.what << " outside the canvas at " << item.box.x << "," << item.box.y);
    }
  }
  std::sort(items.begin(), items.end(),
            [](const Item& a, const Item& b) { return a.box.x < b.box.x; });
  for (std::size_t i = 0; i < items.size(); ++i) {
    for (std::size_t j = i + 1; j < items.size() && items[j].box.x < items[i].box.right(); ++j) {
      if (!items[i].text && !items[j].text) continue;
      if (intersects(items[i].box, items[j].box) && failures++ < 10) {
        FAIL_CHECK(items[i].what << " at " << items[i].box.x << "," << items[i].box.y
                                 << " overlaps " << items[j].what << " at " << items[j].box.x << ","
                                 << items[j].box.y);
      }
    }
  }
  CHECK(failures == 0);
}

const EventMark& mark_of(const EventGraph& graph, const TimelineLayout& layout,
                         std::string_view id) {
  const EventIndex index = *graph.find_event(id);
  auto found = std::find_if(layout.marks.begin(), layout.marks.end(),
                            [&](const EventMark& m) { return m.event == index; });
  REQUIRE(found != layout.marks.end());
  return *found;
}

bool has_text(const TimelineLayout& layout, std::string_view needle) {
  return std::any_of(layout.texts.begin(), layout.texts.end(),
                     [&](const TextItem& t) { return t.text.find(needle) != std::string::npos; });
}

}  // namespace

TEST_CASE("the seed timeline has no overlapping or clipped text in any lane mode") {
  const EventGraph graph = load_seed();
  for (LaneMode lanes :
       {LaneMode::affiliation, LaneMode::actor, LaneMode::kind, LaneMode::tag, LaneMode::none}) {
    for (double width : {480.0, 1200.0, 2400.0}) {
      TimelineOptions options;
      options.lanes = lanes;
      options.width = width;
      INFO("lanes " << static_cast<int>(lanes) << ", width " << width);
      const TimelineLayout layout = lay_out(graph, options);
      CHECK(layout.marks.size() == graph.events().size());
      check_geometry(layout);
    }
  }
}

TEST_CASE("generated timelines of 10, 100 and 1,000 events have no overlaps") {
  for (std::size_t events : {10u, 100u, 1000u}) {
    const EventGraph graph = synthetic_graph(events, 7);
    for (LaneMode lanes : {LaneMode::affiliation, LaneMode::none}) {
      TimelineOptions options;
      options.lanes = lanes;
      options.lanes_repeat = events <= 100;
      INFO(events << " events, lanes " << static_cast<int>(lanes));
      const TimelineLayout layout = lay_out(graph, options);
      CHECK(layout.marks.size() >= events);
      check_geometry(layout);
    }
  }
}

TEST_CASE("the seed's empty years become one labelled axis break") {
  const EventGraph graph = load_seed();
  const TimelineLayout layout = lay_out(graph);
  REQUIRE(layout.breaks.size() == 1);
  CHECK(layout.breaks[0].label == "13 yr");
  CHECK(has_text(layout, "13 yr"));
  CHECK(has_text(layout, "is left out"));
  TimelineOptions off;
  off.compression = Compression::off;
  const TimelineLayout linear = lay_out(graph, off);
  CHECK(linear.breaks.empty());
  CHECK_FALSE(has_text(linear, "is left out"));
  check_geometry(linear);
}

TEST_CASE("marks: points for days, bars for spans, arrows for open ends") {
  const EventGraph graph = load_seed();
  const TimelineLayout layout = lay_out(graph);
  const EventMark& invasion = mark_of(graph, layout, "full-scale-invasion");  // 2022-02-24
  CHECK(invasion.point);
  const EventMark& talks =
      mark_of(graph, layout, "istanbul-draft-agreement");  // 2022-03-29/2022-04
  CHECK_FALSE(talks.point);
  CHECK(talks.x1 > talks.x0);
  const EventMark& backlash = mark_of(graph, layout, "russia-backlash-bucharest");  // 2008-04-03/..
  CHECK(backlash.end == EndStyle::runs_on);
  CHECK(backlash.x1 == layout.plot.right());
  const EventMark& pressure = mark_of(graph, layout, "alleged-us-uk-pressure");  // 2022-04?
  CHECK(pressure.uncertain);
  CHECK_FALSE(pressure.approximate);
  const EventMark& account = mark_of(graph, layout, "arakhamia-account");  // 2023-11-24~
  CHECK(account.approximate);
  // Later dates are further right.
  CHECK(mark_of(graph, layout, "draft-treaties-rejected").x0 < invasion.x0);
  CHECK(invasion.x0 < talks.x0);
}

TEST_CASE("an event appears once, in its first lane, unless lanes repeat") {
  const EventGraph graph = load_seed();
  TimelineOptions options;
  options.lanes = LaneMode::actor;
  const TimelineLayout once = lay_out(graph, options);
  CHECK(once.marks.size() == graph.events().size());
  const EventMark& invasion =
      mark_of(graph, once, "full-scale-invasion");  // russian-government, putin
  CHECK(once.lanes[invasion.lane].name == "Government of Russia");
  options.lanes_repeat = true;
  const TimelineLayout repeated = lay_out(graph, options);
  std::size_t appearances = 0;
  for (const Event& e : graph.events()) appearances += std::max<std::size_t>(1, e.actors.size());
  CHECK(repeated.marks.size() == appearances);
  check_geometry(repeated);
  // Every lane is labelled and holds at least one event.
  for (std::size_t lane = 0; lane < once.lanes.size(); ++lane) {
    REQUIRE(once.lanes[lane].heading);
    CHECK(once.lanes[lane].heading->text == once.lanes[lane].name);
    CHECK(std::any_of(once.marks.begin(), once.marks.end(),
                      [&](const EventMark& m) { return m.lane == lane; }));
  }
}

TEST_CASE("relations: all, causes only, or none") {
  const EventGraph graph = load_seed();
  TimelineOptions options;
  const TimelineLayout all = lay_out(graph, options);
  CHECK(all.relations.size() == graph.relations().size());
  options.relations = RelationSelection::causes;
  const TimelineLayout causes = lay_out(graph, options);
  CHECK(std::all_of(causes.relations.begin(), causes.relations.end(),
                    [](const RelationPath& r) { return r.kind == RelationKind::causes; }));
  CHECK_FALSE(causes.relations.empty());
  CHECK(causes.relations.size() < all.relations.size());
  options.relations = RelationSelection::none;
  CHECK(lay_out(graph, options).relations.empty());
  for (const RelationPath& r : all.relations) {
    CHECK(r.arrow == (r.kind != RelationKind::contradicts));
    CHECK(r.disputed == graph.relation(r.relation).disputed());
  }
}

// Points along a relation's curve, ends included.
std::vector<std::array<double, 2>> sample(const RelationPath& r, int steps = 64) {
  std::vector<std::array<double, 2>> points;
  const auto& c = r.curve;
  for (int i = 0; i <= steps; ++i) {
    const double t = static_cast<double>(i) / steps, u = 1 - t;
    const double a = u * u * u, b = 3 * u * u * t, d = 3 * u * t * t, e = t * t * t;
    points.push_back(
        {a * c[0] + b * c[2] + d * c[4] + e * c[6], a * c[1] + b * c[3] + d * c[5] + e * c[7]});
  }
  return points;
}

TEST_CASE("relation curves leave and enter marks vertically, clear of the label beside them") {
  const EventGraph graph = load_seed();
  for (LaneMode lanes : {LaneMode::affiliation, LaneMode::actor, LaneMode::none}) {
    TimelineOptions options;
    options.lanes = lanes;
    const TimelineLayout layout = lay_out(graph, options);
    REQUIRE(layout.relations.size() == graph.relations().size());
    for (const RelationPath& r : layout.relations) {
      const Endpoints ends = graph.endpoints(r.relation);
      const EventMark& from = mark_of(graph, layout, graph.event(ends.from).id);
      const EventMark& to = mark_of(graph, layout, graph.event(ends.to).id);
      INFO(graph.event(ends.from).id << " -> " << graph.event(ends.to).id);
      // Out of the top or bottom edge, not the side where the label is.
      CHECK(r.curve[2] == Approx(r.curve[0]));
      CHECK(r.curve[4] == Approx(r.curve[6]));
      CHECK(std::abs(r.curve[1] - from.y) >= 5);
      CHECK(std::abs(r.curve[7] - to.y) >= 5);
      if (r.arrow) {
        CHECK(r.head[0] == Approx(r.curve[6]));
        CHECK(std::abs(r.head[1] - to.y) < std::abs(r.head[3] - to.y));  // the tip is nearest
      }
      for (const auto& [x, y] : sample(r)) {
        CHECK(x >= layout.plot.x);
        CHECK(x <= layout.plot.right());
        CHECK(y >= layout.plot.y);
        CHECK(y <= layout.plot.bottom());
        for (const EventMark* mark : {&from, &to}) {
          for (const TextItem& t : mark->label) {
            if (t.box.y > mark->y || t.box.bottom() < mark->y) continue;  // the line beside it
            // Through the letters themselves: cap height down to the baseline.
            const bool inside =
                x > t.x && x < t.x + t.width && y > t.baseline - 0.73 * 12 && y < t.baseline;
            if (inside) FAIL_CHECK("crosses its own label '" << t.text << "' at " << x << "," << y);
          }
        }
      }
    }
  }
}

TEST_CASE("a zoom window drops events outside it and clips the ones that cross it") {
  const EventGraph graph = load_seed();
  TimelineOptions options;
  options.from = date::sys_days{date::year{2025} / 1 / 1};
  options.to = date::sys_days{date::year{2026} / 12 / 31};
  options.lanes = LaneMode::actor;
  const TimelineLayout layout = lay_out(graph, options);
  CHECK(layout.breaks.empty());
  for (const EventMark& m : layout.marks) {
    const EdtfDate& date = graph.event(m.event).date;
    CHECK(in_window(date, DateWindow{Day(*options.from), Day(*options.to)}));
  }
  const EventMark& terms =
      mark_of(graph, layout, "russia-settlement-conditions");  // 2022-10/2026-02
  CHECK(terms.start == EndStyle::runs_on);
  CHECK(terms.x0 == layout.plot.x);
  CHECK(terms.end == EndStyle::closed);
  CHECK(std::none_of(layout.marks.begin(), layout.marks.end(), [&](const EventMark& m) {
    return m.event == *graph.find_event("full-scale-invasion");
  }));
  check_geometry(layout);
}

TEST_CASE("long titles wrap, a title without spaces breaks, and the legend names what is drawn") {
  const EventGraph graph = load_yaml(R"(eventgraph: 1
title: Edge cases
sources:
  s: {title: Source}
events:
  - id: a
    title: A very long title that goes on and on about many things in great detail and more
    date: 2020-05-01
    sources: [s]
  - id: b
    title: Averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongword
    date: 2020-05-01
    sources: [s]
  - {id: c, title: "Unknown end", date: "2020-06/", sources: [s]}
)");
  const TimelineLayout layout = lay_out(graph);
  CHECK(mark_of(graph, layout, "a").label.size() >= 2);
  CHECK(mark_of(graph, layout, "b").label.size() >= 2);
  CHECK(mark_of(graph, layout, "c").end == EndStyle::unknown);
  std::vector<LegendSymbol> symbols;
  for (const LegendEntry& e : layout.legend) symbols.push_back(e.symbol);
  CHECK(symbols == std::vector<LegendSymbol>{LegendSymbol::point, LegendSymbol::bar,
                                             LegendSymbol::unknown_end});
  check_geometry(layout);
}

// kMaxLabelLines in render/timeline_layout.cpp: a title of any length takes
// at most three lines on the timeline (the tooltip keeps the whole text).
TEST_CASE("a title of any length is cut to three lines ending with an ellipsis") {
  std::string title;
  for (int i = 0; i < 500; ++i) title += "word ";
  const std::string event = "{id: a, title: \"" + title + "\", date: 2020, sources: [s]}";
  const EventGraph graph =
      load_yaml("eventgraph: 1\nsources: {s: {title: S}}\nevents:\n  - " + event + "\n");
  const TimelineLayout layout = lay_out(graph);
  const std::vector<TextItem>& label = mark_of(graph, layout, "a").label;
  REQUIRE(label.size() == 3);
  CHECK_THAT(label.back().text, Catch::EndsWith("…"));
  check_geometry(layout);
}

TEST_CASE("an empty selection still gives a titled picture") {
  const EventGraph graph = load_seed();
  const TimelineLayout layout = layout_timeline(graph, {}, TimelineOptions{}, timeline_fonts());
  CHECK(layout.marks.empty());
  CHECK(layout.title == "Russia–Ukraine peace diplomacy");
  CHECK(layout.height > 0);
  check_geometry(layout);
  // It says there is nothing to draw, in the picture and in its description.
  CHECK(std::count_if(layout.texts.begin(), layout.texts.end(),
                      [](const TextItem& t) { return t.text == "no events in this view"; }) == 1);
  CHECK(layout.description.ends_with(" no events in this view."));
}

// list and graph kept an event whose end is unknown; the timeline dropped it.
TEST_CASE("the zoom window holds what the queries' window holds: unknown ends may reach in") {
  const EventGraph graph = load_yaml(
      "eventgraph: 1\nsources: {s: {title: S}}\nevents:\n"
      "  - {id: begun, title: Begun, date: 2020/, sources: [s]}\n"
      "  - {id: ended, title: Ended, date: /2025, sources: [s]}\n"
      "  - {id: before, title: Before, date: 2019, sources: [s]}\n");
  TimelineOptions options;
  options.from = date::sys_days{date::year{2021} / 1 / 1};
  options.to = date::sys_days{date::year{2022} / 12 / 31};
  const TimelineLayout layout = lay_out(graph, options);
  std::vector<std::string> drawn;
  for (const EventMark& m : layout.marks) drawn.push_back(graph.event(m.event).id);
  std::sort(drawn.begin(), drawn.end());
  CHECK(drawn == std::vector<std::string>{"begun", "ended"});
  for (const EventMark& m : layout.marks) {
    CHECK(m.x0 >= layout.plot.x - 0.5);
    CHECK(m.x1 <= layout.plot.right() + 0.5);
    CHECK(m.x1 >= m.x0);
  }
  check_geometry(layout);
}

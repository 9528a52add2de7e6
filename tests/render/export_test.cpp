// export_graph: the selection each format writes, determinism, escaping
// that our own tests can see, and Mermaid's limits. (The programs on the
// other side read the same output in tests/bridges/check_exports.py.)
#include "render/export.h"

#include "engine/filter.h"
#include "engine/loader.h"
#include "tests/support/synthetic.h"

#include <catch2/catch.hpp>

#include <string>

namespace {

using eventgraph::ExportFormat;
using eventgraph::ExportOptions;

eventgraph::EventGraph load(const std::string& yaml) {
  auto loaded = eventgraph::load_string(yaml, "test.yaml");
  REQUIRE(loaded.ok());
  return std::move(*loaded.graph);
}

eventgraph::EventGraph tricky() {
  auto loaded = eventgraph::load_file(std::string(EVENTGRAPH_TEST_DATA) + "/export/tricky.yaml");
  REQUIRE(loaded.ok());
  return std::move(*loaded.graph);
}

std::string only_file(const eventgraph::ExportResult& result) {
  REQUIRE(result.ok());
  REQUIRE(result.files.size() == 1);
  return result.files.front().bytes;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("export: every format, twice, gives the same bytes", "[export]") {
  const auto graph = tricky();
  const auto all = eventgraph::select(graph, eventgraph::EventFilter{});
  for (const std::string& name : eventgraph::export_format_names()) {
    INFO(name);
    ExportOptions options;
    options.format = *eventgraph::parse_export_format(name);
    const auto first = eventgraph::export_graph(graph, all, options);
    const auto second = eventgraph::export_graph(graph, all, options);
    REQUIRE(first.ok());
    REQUIRE(first.files.size() == second.files.size());
    for (std::size_t i = 0; i < first.files.size(); ++i) {
      CHECK(first.files[i].name == second.files[i].name);
      CHECK(first.files[i].bytes == second.files[i].bytes);
    }
    CHECK(first.note == "5 events, 4 relations");
  }
}

TEST_CASE("export: only relations between selected events, of the kinds asked", "[export]") {
  const auto graph = tricky();
  std::vector<eventgraph::EventIndex> two = {*graph.find_event("last-bce"),
                                             *graph.find_event("first-ce")};
  ExportOptions options;
  options.format = ExportFormat::cytoscape;
  CHECK(eventgraph::export_graph(graph, two, options).note == "2 events, 2 relations");
  options.kinds = eventgraph::RelationKinds(eventgraph::RelationKind::causes);
  const std::string json = only_file(eventgraph::export_graph(graph, two, options));
  CHECK(contains(json, "\"kind\": \"causes\""));
  CHECK_FALSE(contains(json, "\"kind\": \"references\""));
}

TEST_CASE("export: data text cannot become markup in XML, HTML or Mermaid", "[export]") {
  const auto graph = tricky();
  const auto all = eventgraph::select(graph, eventgraph::EventFilter{});
  ExportOptions options;
  options.format = ExportFormat::graphml;
  const std::string graphml = only_file(eventgraph::export_graph(graph, all, options));
  CHECK(contains(graphml, "Disputed: see &lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK_FALSE(contains(graphml, "<script>"));
  options.format = ExportFormat::timelinejs;
  const std::string timeline = only_file(eventgraph::export_graph(graph, all, options));
  CHECK(contains(timeline,
                 "\"headline\": \"Tricky &lt;b&gt;text&lt;/b&gt; &amp; &quot;quotes&quot;\""));
  options.format = ExportFormat::mermaid_flowchart;
  const std::string flowchart = only_file(eventgraph::export_graph(graph, all, options));
  CHECK(contains(flowchart, "n1[\"1 BCE #124; the year before #91;the era#93;<br>1 BCE\"]"));
  options.format = ExportFormat::csv;
  const auto tables = eventgraph::export_graph(graph, all, options);
  REQUIRE(tables.files.size() == 2);
  CHECK(contains(tables.files[0].bytes, "\nfirst-ce,\"'=1+2 a formula, @cmd and -minus\",0001,"));
  CHECK(contains(tables.files[0].bytes, ",'+tag;x;y,"));
}

TEST_CASE("export: TimelineJS years count as TimelineJS counts them", "[export]") {
  const auto graph = tricky();
  const auto all = eventgraph::select(graph, eventgraph::EventFilter{});
  ExportOptions options;
  options.format = ExportFormat::timelinejs;
  const std::string json = only_file(eventgraph::export_graph(graph, all, options));
  // Astronomical -0499 is 500 BCE: TimelineJS year -500; 0000 is -1; 0001 is 1.
  CHECK(contains(json,
                 "\"year\": \"-500\"\n      },\n      \"text\": {\n        \"headline\": "
                 "\"Founded in 500 BCE: a city\""));
  CHECK(contains(json,
                 "\"year\": \"-1\"\n      },\n      \"text\": {\n        \"headline\": \"1 BCE"));
  // A season has no date object of its own: the words say it.
  CHECK(contains(json, "\"display_date\": \"spring 2022 (uncertain)\""));
}

TEST_CASE("export: Mermaid beyond its default limits is a clear error", "[export]") {
  eventgraph::synthetic::SyntheticOptions big;
  big.events = 2000;
  const auto graph = load(eventgraph::synthetic::generate_event_yaml(big));
  const auto all = eventgraph::select(graph, eventgraph::EventFilter{});
  ExportOptions options;
  options.format = ExportFormat::mermaid_flowchart;
  const auto flowchart = eventgraph::export_graph(graph, all, options);
  CHECK_FALSE(flowchart.ok());
  REQUIRE(flowchart.diagnostics.size() == 1);
  CHECK(
      contains(flowchart.diagnostics[0].message, "over Mermaid's default limit of 500 (maxEdges)"));
  CHECK(contains(flowchart.diagnostics[0].hint, "--around ID --depth 1"));
  options.format = ExportFormat::mermaid_timeline;
  const auto timeline = eventgraph::export_graph(graph, all, options);
  CHECK_FALSE(timeline.ok());
  REQUIRE(timeline.diagnostics.size() == 1);
  CHECK(contains(timeline.diagnostics[0].message, "limit of 50000 (maxTextSize)"));
}

#include "render/svg_writer.h"

#include "engine/loader.h"
#include "render/timeline.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <numeric>
#include <regex>
#include <sstream>
#include <string>

namespace {

using namespace eventgraph;
using Catch::Matchers::Contains;
using namespace std::string_literals;

std::vector<EventIndex> all_events(const EventGraph& graph) {
  std::vector<EventIndex> all(graph.events().size());
  std::iota(all.begin(), all.end(), EventIndex{0});
  return all;
}

EventGraph load(const std::string& path) {
  LoadResult loaded = load_file(path);
  REQUIRE(loaded.ok());
  return std::move(*loaded.graph);
}

std::string render(const EventGraph& graph, const TimelineOptions& options = {}) {
  return render_timeline_svg(graph, all_events(graph), options);
}

std::string hostile_svg() {
  static const std::string svg =
      render(load(std::string(EVENTGRAPH_TEST_DATA) + "/render/hostile-timeline.yaml"));
  return svg;
}

// Every start tag's name and attribute names.
struct Tag {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;
};

std::vector<Tag> tags(const std::string& svg) {
  std::vector<Tag> out;
  static const std::regex tag(R"(<([a-zA-Z][^\s/>]*)([^>]*)>)");
  static const std::regex attribute(R"re(([^\s=]+)="([^"]*)")re");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), tag); it != std::sregex_iterator();
       ++it) {
    Tag t{(*it)[1], {}};
    const std::string rest = (*it)[2];
    for (auto a = std::sregex_iterator(rest.begin(), rest.end(), attribute);
         a != std::sregex_iterator(); ++a) {
      t.attributes.emplace_back((*a)[1], (*a)[2]);
    }
    out.push_back(std::move(t));
  }
  return out;
}

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++n;
  return n;
}

}  // namespace

TEST_CASE("xml_escape escapes markup and drops what XML forbids") {
  CHECK(xml_escape("a < b && c > \"d\" 'e'") ==
        "a &lt; b &amp;&amp; c &gt; &quot;d&quot; &#39;e&#39;");
  CHECK(xml_escape("]]><!-- -->") == "]]&gt;&lt;!-- --&gt;");
  CHECK(xml_escape("line\nnext\ttab") == "line\nnext\ttab");
  CHECK(xml_escape("nul\0bell\a esc\x1b del\x7f"s) == "nulbell esc del");
  CHECK(xml_escape("bad \xFF byte \xC0\xAF") == "bad \xEF\xBF\xBD byte \xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(xml_escape("\xEF\xBF\xBE\xEF\xBF\xBF") == "");            // U+FFFE, U+FFFF
  CHECK(xml_escape("rtl \xE2\x80\xAEgnp.exe") == "rtl gnp.exe");  // U+202E
  CHECK(xml_escape("Zelenskyy – Лавров – 🙂") == "Zelenskyy – Лавров – 🙂");
}

TEST_CASE("only http and https URLs are links") {
  CHECK(is_web_url("https://example.org/a?b=1&c=2"));
  CHECK(is_web_url("HTTP://EXAMPLE.ORG"));
  for (const char* url : {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)",
                          "data:text/html,<script>", "../relative", "//example.org", "https://",
                          "https://example.org/\" onload=\"x", "https://exa mple.org",
                          "https://example.org/<script>", "vbscript:x", "file:///etc/passwd", ""}) {
    INFO(url);
    CHECK_FALSE(is_web_url(url));
  }
}

TEST_CASE("hostile titles, names and links stay text") {
  const std::string svg = hostile_svg();
  for (const Tag& tag : tags(svg)) {
    INFO("<" << tag.name << ">");
    CHECK((tag.name == "svg" || tag.name == "title" || tag.name == "desc" || tag.name == "style" ||
           tag.name == "g" || tag.name == "rect" || tag.name == "circle" || tag.name == "path" ||
           tag.name == "text" || tag.name == "a"));
    for (const auto& [name, value] : tag.attributes) {
      INFO(name << "=\"" << value << "\"");
      CHECK_FALSE(name.starts_with("on"));
      CHECK(name != "style");
      CHECK(name.find(':') == std::string::npos);  // no xlink:href, no foreign namespaces
      if (name == "href") CHECK(is_web_url(value));
    }
  }
  CHECK(count(svg, "<script") == 0);
  CHECK(count(svg, " href=\"") == 1);
  CHECK_THAT(svg, Contains("href=\"https://example.org/a?b=1&amp;c=2\""));
  CHECK_THAT(svg, Contains("&lt;/title&gt;&lt;script&gt;alert(&#39;event&#39;)&lt;/script&gt;"));
  CHECK_THAT(svg, Contains("&lt;/style&gt;&lt;script&gt;alert(2)&lt;/script&gt;"));
  CHECK_THAT(svg, Contains("&lt;/g&gt;&lt;/svg&gt;&lt;script&gt;alert(9)&lt;/script&gt;"));
  CHECK(count(svg, "<style>") == 1);
  CHECK(count(svg, "</style>") == 1);
  CHECK(count(svg, "</svg>") == 1);
}

TEST_CASE(
    "a graph built in code with control characters and bad UTF-8 still gives well-formed text") {
  Dataset dataset;
  dataset.version = 1;
  dataset.title = "t\x01itle \xFF"s;
  Event event;
  event.id = "a";
  event.title = "bell\a nul\0 \xC3"s;
  event.date = parse_edtf("2022").date;
  event.summary = "</desc>";
  dataset.events.push_back(event);
  const EventGraph graph(std::move(dataset));
  const std::string svg = render(graph);
  CHECK_THAT(svg, Contains("<title id="));
  CHECK(svg.find('\a') == std::string::npos);
  CHECK(svg.find('\x01') == std::string::npos);
  CHECK(svg.find(std::string(1, '\0')) == std::string::npos);
  CHECK(svg.find("\xFF") == std::string::npos);
  CHECK_THAT(svg, Contains("&lt;/desc&gt;"));
}

TEST_CASE("the document is self-contained, accessible and themed") {
  const EventGraph graph = load(std::string(EVENTGRAPH_SOURCE_DIR) + "/data/events.yaml");
  const std::string svg = render(graph);
  CHECK(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"eg"));
  CHECK_THAT(svg, Contains("viewBox=\"0 0 1200 "));
  CHECK_THAT(svg, Contains("role=\"img\""));
  CHECK_THAT(svg, Contains("-title\">Russia–Ukraine peace diplomacy</title>"));
  CHECK_THAT(svg, Contains("<desc id=\"eg"));
  CHECK_THAT(svg, Contains("Timeline of " + std::to_string(graph.events().size()) +
                           " events from 3 Apr 2008"));
  CHECK(count(svg, "<g class=\"event\"><title>") == graph.events().size());
  CHECK_THAT(svg, Contains("<g class=\"event\"><title>Russia launches its full-scale invasion of "
                           "Ukraine\n24 Feb 2022 (2022-02-24)\n"));
  for (const char* external : {"url(", "@import", "xlink:", "<image", "<use", "<foreignObject",
                               "<script", "font-face", "style=\""}) {
    INFO(external);
    CHECK(svg.find(external) == std::string::npos);
  }
  CHECK(count(svg, "<style>") == 1);
  CHECK_THAT(svg, Contains("@media (prefers-color-scheme: dark)"));
  CHECK_THAT(svg, Contains("'DejaVu Sans'"));

  TimelineOptions light;
  light.theme = ThemeMode::light;
  const std::string light_svg = render(graph, light);
  CHECK(light_svg.find("prefers-color-scheme") == std::string::npos);
  CHECK_THAT(light_svg, Contains(" .bg{fill:#ffffff}"));
  TimelineOptions dark;
  dark.theme = ThemeMode::dark;
  const std::string dark_svg = render(graph, dark);
  CHECK(dark_svg.find("prefers-color-scheme") == std::string::npos);
  CHECK_THAT(dark_svg, Contains(" .bg{fill:#1b1e23}"));
  CHECK(dark_svg.find(" .bg{fill:#ffffff}") == std::string::npos);
}

TEST_CASE("relation kinds differ by line style, not only colour") {
  const EventGraph graph = load(std::string(EVENTGRAPH_SOURCE_DIR) + "/data/events.yaml");
  const std::string svg = render(graph);
  CHECK_THAT(svg, Contains(".r-causes{stroke-width:1.6}"));
  CHECK_THAT(svg, Contains(".r-refs{stroke-width:1;stroke-dasharray:6 4;stroke-opacity:0.8}"));
  CHECK_THAT(svg, Contains(".r-contra{stroke-width:1.4;stroke-dasharray:10 3 2 3}"));
  CHECK_THAT(svg, Contains(".rel.disputed{stroke-dasharray:2 4}"));
  CHECK(count(svg, "class=\"rel r-causes") > 0);
  CHECK(count(svg, "class=\"rel r-refs") > 0);
  CHECK(count(svg, "class=\"rel r-contra") > 0);
  CHECK(count(svg, " disputed\"") > 0);
}

TEST_CASE("every selector in the style block is scoped to the document's id") {
  const EventGraph graph = load(std::string(EVENTGRAPH_SOURCE_DIR) + "/data/events.yaml");
  for (ThemeMode theme : {ThemeMode::automatic, ThemeMode::light, ThemeMode::dark}) {
    TimelineOptions options;
    options.theme = theme;
    const std::string svg = render(graph, options);
    const std::string id = svg.substr(svg.find(" id=\"") + 5, 10);
    REQUIRE(id.starts_with("eg"));
    const std::size_t open = svg.find("<style>") + 7;
    std::string css = svg.substr(open, svg.find("</style>") - open);
    // An at-rule's block holds rules of its own: keep those, drop its head.
    css = std::regex_replace(css, std::regex(R"(@media[^{]*\{)"), "");
    std::size_t selectors_checked = 0;
    static const std::regex rule(R"(([^{}]+)\{[^{}]*\})");
    for (auto it = std::sregex_iterator(css.begin(), css.end(), rule); it != std::sregex_iterator();
         ++it) {
      std::stringstream group((*it)[1].str());
      for (std::string selector; std::getline(group, selector, ',');) {
        selector = std::regex_replace(selector, std::regex(R"(^\s+|\s+$)"), "");
        INFO("selector '" << selector << "' in rule '" << (*it)[0] << "'");
        CHECK((selector == "#" + id || selector.starts_with("#" + id + " ")));
        ++selectors_checked;
      }
    }
    CHECK(selectors_checked > 40);
    CHECK(css.find("@import") == std::string::npos);
  }
}

TEST_CASE("relations are drawn under every mark and label, causes over the others") {
  const EventGraph graph = load(std::string(EVENTGRAPH_SOURCE_DIR) + "/data/events.yaml");
  const std::string svg = render(graph);
  const std::size_t first_mark = svg.find("<g class=\"event\">");
  const std::size_t first_text = svg.find("<text");
  REQUIRE(first_mark != std::string::npos);
  // Each relation is a <g> with its tooltip; all of them come before the
  // first event, and every text after it.
  CHECK(count(svg, "<g><title>") == graph.relations().size());
  CHECK(svg.find("<g><title>", first_mark) == std::string::npos);
  CHECK(first_text > first_mark);
  const std::size_t last_other = std::max(svg.rfind("class=\"rel r-refs", first_mark),
                                          svg.rfind("class=\"rel r-contra", first_mark));
  CHECK(last_other < svg.find("class=\"rel r-causes"));
  CHECK_THAT(svg, Contains(" .t-label,#eg"));  // the label halo rule covers lane names too
  CHECK_THAT(svg, Contains("paint-order:stroke;stroke-width:5px"));
}

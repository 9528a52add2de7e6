// Fuzzes the renderers: bytes in, and when they load, the timeline SVG, the
// Graphviz DOT text (dot layout) and the Graphviz SVG (time layout) out.
// Whatever the data says, each output must be what the renderer writes: SVG
// that libxml2 parses, holding only the elements and attributes the
// renderers write (no script, no event handler), no entity declaration, no
// `javascript:` outside tooltips and no link other than http(s) or a
// fragment; DOT that cgraph reads back with a node for every event. A
// violation traps, so libFuzzer keeps the input (docs/hardening.md).
//
// The options of each render come from the input's length, so that every
// input reproduces on its own and the mutator reaches every option.
#include "engine/loader.h"
#include "render/graphviz.h"
#include "render/timeline.h"

#include <cgraph.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace eventgraph;

// Says what was wrong, then traps so that libFuzzer keeps the input.
[[noreturn]] void violation(const char* what) {
  std::fprintf(stderr, "render_fuzz: %s\n", what);
  __builtin_trap();
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

bool contains_nocase(std::string_view text, std::string_view needle) {
  for (std::size_t i = 0; i + needle.size() <= text.size(); ++i) {
    if (starts_with_nocase(text.substr(i), needle)) return true;
  }
  return false;
}

// Every element and attribute either renderer writes (collected from their
// sources and from Graphviz 2.43's SVG output), each between spaces;
// anything else came from data.
constexpr std::string_view kElements =
    " svg g title desc style rect circle ellipse path polygon polyline text a defs stop"
    " linearGradient radialGradient image tspan ";
constexpr std::string_view kAttributes =
    " version width height viewBox role id class aria-labelledby x y x1 y1 x2 y2 cx cy r rx ry"
    " d points transform fill fill-opacity stroke stroke-width stroke-opacity stroke-dasharray"
    " font-family font-size font-weight font-style text-anchor textLength lengthAdjust href"
    " title target offset style gradientUnits preserveAspectRatio space ";

bool listed(std::string_view list, std::string_view name) {
  return !name.empty() && name.find(' ') == std::string_view::npos &&
         list.find(" " + std::string(name) + " ") != std::string_view::npos;
}

// One element of an SVG document, and everything under it.
void check_svg_node(const xmlNode* node) {
  for (; node != nullptr; node = node->next) {
    if (node->type == XML_ENTITY_REF_NODE || node->type == XML_ENTITY_DECL ||
        node->type == XML_PI_NODE) {
      violation("entity or processing instruction in SVG");
    }
    if (node->type != XML_ELEMENT_NODE) continue;
    const std::string_view name = reinterpret_cast<const char*>(node->name);
    if (!listed(kElements, name)) violation("unexpected SVG element");
    for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
      const std::string_view attribute = reinterpret_cast<const char*>(a->name);
      if (starts_with_nocase(attribute, "on") || !listed(kAttributes, attribute)) {
        violation("unexpected SVG attribute");
      }
      xmlChar* raw = xmlNodeListGetString(node->doc, a->children, 1);
      const std::string value = raw != nullptr ? reinterpret_cast<const char*>(raw) : "";
      xmlFree(raw);
      // Titles (tooltips) are text and may quote anything; elsewhere no script.
      if (attribute != "title" && contains_nocase(value, "javascript:")) {
        violation("javascript: in an attribute");
      }
      if (attribute == "href" && !value.empty() && value.front() != '#' &&
          !starts_with_nocase(value, "http://") && !starts_with_nocase(value, "https://")) {
        violation("link that is not http(s) or a fragment");
      }
    }
    check_svg_node(node->children);
  }
}

void check_svg(const std::string& svg) {
  if (svg.empty()) violation("empty SVG");
  xmlDoc* doc = xmlReadMemory(svg.data(), static_cast<int>(svg.size()), "render.svg", "UTF-8",
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == nullptr) violation("SVG is not well-formed XML");
  const xmlNode* root = xmlDocGetRootElement(doc);
  if (root == nullptr || std::string_view(reinterpret_cast<const char*>(root->name)) != "svg") {
    violation("SVG root is not <svg>");
  }
  // Graphviz writes a DOCTYPE with an external DTD only; declarations inside
  // it (entities) would come from data.
  if (doc->intSubset != nullptr && doc->intSubset->children != nullptr)
    violation("DOCTYPE declarations in SVG");
  check_svg_node(root);
  xmlFreeDoc(doc);
}

int quiet(char*) { return 0; }

void check_dot(const std::string& dot, std::size_t events) {
  if (dot.empty()) violation("empty DOT");
  const agusererrf previous = agseterrf(quiet);
  Agraph_t* g = agmemread(dot.c_str());
  agseterrf(previous);
  if (g == nullptr) violation("cgraph cannot read the DOT");
  // At least one node per event: a label that broke out of its quotes
  // would lose or split nodes.
  if (static_cast<std::size_t>(agnnodes(g)) < events) violation("DOT has fewer nodes than events");
  agclose(g);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  xmlInitParser();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  LoadOptions load;
  load.max_alias_nodes = 10'000;  // keeps each run fast; the limit itself is tested
  load.max_events = 64;           // likewise: dot layout is slow on many events
  const LoadResult loaded = load_string(text, "fuzz.yaml", load);
  if (!loaded.ok()) return 0;
  const EventGraph& graph = *loaded.graph;
  std::vector<EventIndex> all(graph.events().size());
  std::iota(all.begin(), all.end(), EventIndex{0});

  TimelineOptions timeline;
  timeline.lanes = static_cast<LaneMode>(size % 5);
  timeline.lanes_repeat = (size / 5) % 2 == 1;
  timeline.theme = static_cast<ThemeMode>((size / 10) % 3);
  timeline.compression = static_cast<Compression>((size / 30) % 3);
  timeline.relations = static_cast<RelationSelection>(2 - (size / 90) % 3);
  check_svg(render_timeline_svg(graph, all, timeline));

  GraphOptions diagram;
  diagram.format = DiagramFormat::dot;
  diagram.layout = DiagramLayout::dot;
  diagram.rankdir = static_cast<RankDirection>(size % 4);
  diagram.legend = size % 2 == 0;
  const DiagramResult dot = render_diagram(graph, all, diagram);
  if (!dot.ok()) violation("DOT render failed");
  check_dot(dot.bytes, graph.events().size());

  diagram.format = DiagramFormat::svg;
  diagram.layout = DiagramLayout::time;
  diagram.theme = static_cast<Theme>((size / 4) % 2);
  const DiagramResult svg = render_diagram(graph, all, diagram);
  if (!svg.ok()) violation("Graphviz SVG render failed");
  check_svg(svg.bytes);
  return 0;
}

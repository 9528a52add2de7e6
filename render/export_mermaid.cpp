// Mermaid: a `timeline` of the chronology and a `flowchart` of the graph,
// within Mermaid's default limits (maxTextSize 50,000 characters, maxEdges
// 500); beyond them an error says how to select less.
#include "render/date_words.h"
#include "render/detail/export_selection.h"

namespace eventgraph::detail {

namespace {

constexpr std::size_t kMaxTextSize = 50000;  // Mermaid's default maxTextSize
constexpr std::size_t kMaxEdges = 500;       // Mermaid's default flowchart maxEdges

const char* const kSelectLess =
    "select less: --from/--to a shorter window, --around ID --depth 1, --kind, --tag or --actor";

// Text as Mermaid shows it: every character Mermaid's grammars or its HTML
// labels give a meaning (: # % ; " ` < > & [ ] { } ( ) |) becomes an entity
// code ("#58;"), which Mermaid turns back into the character; line breaks
// become spaces.
std::string mermaid_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case ':':
      case '#':
      case '%':
      case ';':
      case '"':
      case '`':
      case '<':
      case '>':
      case '&':
      case '[':
      case ']':
      case '{':
      case '}':
      case '(':
      case ')':
      case '|':
        out += "#" + std::to_string(static_cast<unsigned char>(c)) + ";";
        break;
      case '\n':
      case '\r':
      case '\t':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

bool too_long(const std::string& text, std::vector<Diagnostic>& diagnostics) {
  if (text.size() <= kMaxTextSize) return false;
  diagnostics.push_back({"",
                         {},
                         Severity::error,
                         "the Mermaid text would be " + std::to_string(text.size()) +
                             " characters, over Mermaid's default limit of 50000 (maxTextSize)",
                         kSelectLess});
  return true;
}

}  // namespace

std::vector<ExportFile> write_mermaid_timeline(const ExportSelection& s,
                                               std::vector<Diagnostic>& diagnostics) {
  const EventGraph& g = *s.graph;
  std::string out = "timeline\n";
  if (!s.title.empty()) out += "    title " + mermaid_text(s.title) + "\n";
  // One period per date as readers write it; events of the same date share it.
  std::string period;
  for (EventIndex index : s.events) {
    const Event& e = g.event(index);
    // A period ends at ':' or '#', and entity codes start with '#': dates
    // in words hold neither, but nothing from outside reaches the grammar.
    std::string when = describe_date(e.date);
    for (char& c : when) {
      if (c == ':' || c == '#' || c == '\n') c = ' ';
    }
    if (when != period) {
      out += "    " + when + "\n";
      period = when;
    }
    out += "        : " + mermaid_text(e.title) + "\n";
  }
  if (too_long(out, diagnostics)) return {};
  return {{"", std::move(out)}};
}

std::vector<ExportFile> write_mermaid_flowchart(const ExportSelection& s,
                                                std::vector<Diagnostic>& diagnostics) {
  const EventGraph& g = *s.graph;
  if (s.relations.size() > kMaxEdges) {
    diagnostics.push_back({"",
                           {},
                           Severity::error,
                           "the flowchart would have " + std::to_string(s.relations.size()) +
                               " edges, over Mermaid's default limit of 500 (maxEdges)",
                           kSelectLess + std::string(", or --via causes")});
    return {};
  }
  // Nodes are n<position>: event ids may be Mermaid keywords ("end") or
  // hold '-', which Mermaid reads as part of an arrow.
  std::vector<std::size_t> node_of(g.events().size(), 0);
  std::string out = "flowchart LR\n";
  for (std::size_t i = 0; i < s.events.size(); ++i) {
    const Event& e = g.event(s.events[i]);
    node_of[s.events[i]] = i;
    out += "    n" + std::to_string(i) + "[\"" + mermaid_text(e.title) + "<br>" +
           mermaid_text(describe_date(e.date)) + "\"]\n";
  }
  for (RelationIndex index : s.relations) {
    const Relation& r = g.relation(index);
    const Endpoints ends = g.endpoints(index);
    const char* arrow = r.kind == RelationKind::causes       ? " -->"
                        : r.kind == RelationKind::references ? " -.->"
                                                             : " <-->";
    out += "    n" + std::to_string(node_of[ends.from]) + arrow + "|" +
           std::string(to_string(r.kind)) + (r.disputed() ? ", disputed" : "") + "| n" +
           std::to_string(node_of[ends.to]) + "\n";
  }
  if (too_long(out, diagnostics)) return {};
  return {{"", std::move(out)}};
}

}  // namespace eventgraph::detail

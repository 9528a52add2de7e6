// The export formats, the selection every exporter writes, and the helpers
// several share. Each format family is its own file (export_*.cpp).
#include "render/export.h"

#include "render/detail/export_selection.h"

#include <algorithm>
#include <array>
#include <utility>

namespace eventgraph {

namespace {

constexpr std::array<std::pair<ExportFormat, std::string_view>, 9> kFormats = {{
    {ExportFormat::graphml, "graphml"},
    {ExportFormat::gexf, "gexf"},
    {ExportFormat::timelinejs, "timelinejs"},
    {ExportFormat::mermaid_timeline, "mermaid-timeline"},
    {ExportFormat::mermaid_flowchart, "mermaid-flowchart"},
    {ExportFormat::cytoscape, "cytoscape"},
    {ExportFormat::neo4j, "neo4j"},
    {ExportFormat::csv, "csv"},
    {ExportFormat::json, "json"},
}};

std::string plural(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

}  // namespace

std::string_view to_string(ExportFormat format) {
  for (const auto& [f, name] : kFormats) {
    if (f == format) return name;
  }
  return "json";
}

std::optional<ExportFormat> parse_export_format(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  for (const auto& [f, n] : kFormats) {
    if (n == lower) return f;
  }
  return std::nullopt;
}

std::vector<std::string> export_format_names() {
  std::vector<std::string> names;
  for (const auto& [f, name] : kFormats) names.emplace_back(name);
  return names;
}

ExportResult export_graph(const EventGraph& graph, std::span<const EventIndex> events,
                          const ExportOptions& options) {
  detail::ExportSelection s;
  s.graph = &graph;
  s.title = options.title.empty() ? graph.title() : options.title;
  s.events.assign(events.begin(), events.end());
  std::sort(s.events.begin(), s.events.end());
  s.events.erase(std::unique(s.events.begin(), s.events.end()), s.events.end());
  std::vector<bool> selected(graph.events().size(), false);
  for (EventIndex e : s.events) selected[e] = true;
  for (RelationIndex r = 0; r < graph.relations().size(); ++r) {
    const Endpoints ends = graph.endpoints(r);
    if (selected[ends.from] && selected[ends.to] &&
        options.kinds.contains(graph.relation(r).kind)) {
      s.relations.push_back(r);
    }
  }
  ExportResult result;
  switch (options.format) {
    case ExportFormat::graphml:
      result.files = detail::write_graphml(s);
      break;
    case ExportFormat::gexf:
      result.files = detail::write_gexf(s);
      break;
    case ExportFormat::timelinejs:
      result.files = detail::write_timelinejs(s);
      break;
    case ExportFormat::mermaid_timeline:
      result.files = detail::write_mermaid_timeline(s, result.diagnostics);
      break;
    case ExportFormat::mermaid_flowchart:
      result.files = detail::write_mermaid_flowchart(s, result.diagnostics);
      break;
    case ExportFormat::cytoscape:
      result.files = detail::write_cytoscape(s);
      break;
    case ExportFormat::neo4j:
      result.files = detail::write_neo4j(s);
      break;
    case ExportFormat::csv:
      result.files = detail::write_csv_tables(s);
      break;
    case ExportFormat::json:
      result.files = detail::write_dataset_json(s);
      break;
  }
  result.note = plural(s.events.size(), "event") + ", " + plural(s.relations.size(), "relation");
  return result;
}

namespace detail {

std::string earliest_day(const Event& event) {
  const auto day = event.date.earliest();
  return day ? format_day(*day) : std::string();
}

std::string latest_day(const Event& event) {
  const auto day = event.date.latest();
  return day ? format_day(*day) : std::string();
}

std::vector<std::string> actor_names(const EventGraph& graph, const Event& event) {
  std::vector<std::string> names;
  for (const std::string& id : event.actors) {
    const Actor* actor = graph.find_actor(id);
    names.push_back(actor && !actor->name.empty() ? actor->name : id);
  }
  return names;
}

std::string csv_cell(std::string_view text) {
  std::string cell;
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
    cell = "'";
  }
  cell += text;
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string join_list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ";") + item;
  return out;
}

}  // namespace detail

}  // namespace eventgraph

// GraphML and GEXF 1.3: the two XML graph formats. Node ids are event ids,
// edge ids "r<index>" in the file's relation order; every text is escaped
// for XML. Dates are ISO strings (networkx refuses attr.type="date").
#include "render/detail/export_selection.h"
#include "render/svg_writer.h"
#include "render/text.h"

namespace eventgraph::detail {

namespace {

struct Key {
  std::string_view id;
  std::string_view type;  ///< GraphML attr.type / GEXF attribute type
};

// Node attributes, in the order they are written.
constexpr Key kNodeKeys[] = {
    {"title", "string"},     {"date", "string"},    {"earliest", "string"}, {"latest", "string"},
    {"precision", "string"}, {"kind", "string"},    {"actors", "string"},   {"place", "string"},
    {"tags", "string"},      {"summary", "string"}, {"sources", "string"},  {"order", "int"},
};
constexpr Key kEdgeKeys[] = {
    {"kind", "string"},        {"sources", "string"}, {"claimed_by", "string"},
    {"disputed_by", "string"}, {"note", "string"},    {"disputed", "boolean"},
};

std::vector<std::string> node_values(const ExportSelection& s, std::size_t position) {
  const Event& e = s.graph->event(s.events[position]);
  return {e.title,
          e.date.text(),
          earliest_day(e),
          latest_day(e),
          std::string(to_string(e.date.precision())),
          e.kind,
          join_list(actor_names(*s.graph, e)),
          e.place,
          join_list(e.tags),
          e.summary,
          join_list(e.sources),
          std::to_string(s.events[position])};
}

std::vector<std::string> edge_values(const Relation& r) {
  return {std::string(to_string(r.kind)),
          join_list(r.sources),
          join_list(r.claimed_by),
          join_list(r.disputed_by),
          r.note,
          r.disputed() ? "true" : "false"};
}

std::string attribute(std::string_view name, std::string_view value) {
  return " " + std::string(name) + "=\"" + xml_escape(value) + "\"";
}

}  // namespace

std::vector<ExportFile> write_graphml(const ExportSelection& s) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  out += "  <key id=\"g_title\" for=\"graph\" attr.name=\"title\" attr.type=\"string\"/>\n";
  for (const Key& k : kNodeKeys) {
    out += "  <key" + attribute("id", "n_" + std::string(k.id)) + " for=\"node\"" +
           attribute("attr.name", k.id) + attribute("attr.type", k.type) + "/>\n";
  }
  for (const Key& k : kEdgeKeys) {
    out += "  <key" + attribute("id", "e_" + std::string(k.id)) + " for=\"edge\"" +
           attribute("attr.name", k.id) + attribute("attr.type", k.type) + "/>\n";
  }
  out += "  <graph id=\"eventgraph\" edgedefault=\"directed\">\n";
  out += "    <data key=\"g_title\">" + xml_escape(s.title) + "</data>\n";
  for (std::size_t i = 0; i < s.events.size(); ++i) {
    out += "    <node" + attribute("id", s.graph->event(s.events[i]).id) + ">\n";
    const std::vector<std::string> values = node_values(s, i);
    for (std::size_t k = 0; k < values.size(); ++k) {
      if (values[k].empty()) continue;
      out += "      <data" + attribute("key", "n_" + std::string(kNodeKeys[k].id)) + ">" +
             xml_escape(values[k]) + "</data>\n";
    }
    out += "    </node>\n";
  }
  for (RelationIndex index : s.relations) {
    const Relation& r = s.graph->relation(index);
    out += "    <edge" + attribute("id", "r" + std::to_string(index)) +
           attribute("source", r.from) + attribute("target", r.to) + ">\n";
    const std::vector<std::string> values = edge_values(r);
    for (std::size_t k = 0; k < values.size(); ++k) {
      if (values[k].empty()) continue;
      out += "      <data" + attribute("key", "e_" + std::string(kEdgeKeys[k].id)) + ">" +
             xml_escape(values[k]) + "</data>\n";
    }
    out += "    </edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return {{"", std::move(out)}};
}

std::vector<ExportFile> write_gexf(const ExportSelection& s) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<gexf xmlns=\"http://gexf.net/1.3\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" "
      "version=\"1.3\">\n";
  out += "  <meta>\n    <creator>eventgraph</creator>\n    <description>" + xml_escape(s.title) +
         "</description>\n  </meta>\n";
  // Dynamic, with dates: each node lives over its date's days, so Gephi's
  // timeline shows events as they happen.
  out += "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n";
  out += "    <attributes class=\"node\" mode=\"static\">\n";
  for (std::size_t k = 0; k < std::size(kNodeKeys); ++k) {
    const std::string_view type = kNodeKeys[k].type == "int" ? "integer" : kNodeKeys[k].type;
    out += "      <attribute" + attribute("id", std::to_string(k)) +
           attribute("title", kNodeKeys[k].id) + attribute("type", type) + "/>\n";
  }
  out += "    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n";
  for (std::size_t k = 0; k < std::size(kEdgeKeys); ++k) {
    out += "      <attribute" + attribute("id", "e" + std::to_string(k)) +
           attribute("title", kEdgeKeys[k].id) + attribute("type", kEdgeKeys[k].type) + "/>\n";
  }
  out += "    </attributes>\n    <nodes>\n";
  for (std::size_t i = 0; i < s.events.size(); ++i) {
    const Event& e = s.graph->event(s.events[i]);
    out += "      <node" + attribute("id", e.id) + attribute("label", e.title) + ">\n";
    out += "        <attvalues>\n";
    const std::vector<std::string> values = node_values(s, i);
    for (std::size_t k = 0; k < values.size(); ++k) {
      if (values[k].empty()) continue;
      out += "          <attvalue" + attribute("for", std::to_string(k)) +
             attribute("value", values[k]) + "/>\n";
    }
    out += "        </attvalues>\n        <spells>\n          <spell";
    // An open or unknown end leaves the spell open on that side.
    if (const std::string first = earliest_day(e); !first.empty()) {
      out += attribute("start", first);
    }
    if (const std::string last = latest_day(e); !last.empty()) out += attribute("end", last);
    out += "/>\n        </spells>\n      </node>\n";
  }
  out += "    </nodes>\n    <edges>\n";
  for (RelationIndex index : s.relations) {
    const Relation& r = s.graph->relation(index);
    const std::string kind(to_string(r.kind));
    // GEXF 1.3's edge kind keeps parallel edges of different kinds apart.
    out += "      <edge" + attribute("id", "r" + std::to_string(index)) +
           attribute("source", r.from) + attribute("target", r.to) + attribute("kind", kind) +
           attribute("label", kind) + ">\n        <attvalues>\n";
    const std::vector<std::string> values = edge_values(r);
    for (std::size_t k = 0; k < values.size(); ++k) {
      if (values[k].empty()) continue;
      out += "          <attvalue" + attribute("for", "e" + std::to_string(k)) +
             attribute("value", values[k]) + "/>\n";
    }
    out += "        </attvalues>\n      </edge>\n";
  }
  out += "    </edges>\n  </graph>\n</gexf>\n";
  return {{"", std::move(out)}};
}

}  // namespace eventgraph::detail

// The table exports: CSV (events with the columns `import csv` reads, and
// relations with their claims) and Neo4j's bulk-import CSV with a Cypher
// LOAD CSV script for servers where neo4j-admin cannot run.
#include "render/detail/export_selection.h"

namespace eventgraph::detail {

namespace {

std::string row(const std::vector<std::string>& cells, bool neutralise) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line += ',';
    if (neutralise) {
      line += csv_cell(cells[i]);
    } else if (cells[i].find_first_of(",\"\r\n") == std::string::npos) {
      line += cells[i];
    } else {
      line += '"';
      for (char c : cells[i]) line += c == '"' ? std::string("\"\"") : std::string(1, c);
      line += '"';
    }
  }
  return line + "\n";
}

// Each event's targets of one kind, as ids, in the file's order.
std::vector<std::vector<std::string>> targets(const ExportSelection& s, RelationKind kind) {
  const EventGraph& g = *s.graph;
  std::vector<std::vector<std::string>> of_event(g.events().size());
  for (RelationIndex r : s.relations) {
    if (g.relation(r).kind == kind) of_event[g.endpoints(r).from].push_back(g.relation(r).to);
  }
  return of_event;
}

}  // namespace

std::vector<ExportFile> write_csv_tables(const ExportSelection& s) {
  const EventGraph& g = *s.graph;
  // A date is EDTF, checked by the loader: "-0499" is a year, never a
  // formula, so the date column is written as it is (import reads it back).
  std::string events =
      "id,title,date,kind,actors,place,tags,summary,sources,causes,references,contradicts\n";
  const auto causes = targets(s, RelationKind::causes);
  const auto references = targets(s, RelationKind::references);
  const auto contradicts = targets(s, RelationKind::contradicts);
  for (EventIndex index : s.events) {
    const Event& e = g.event(index);
    events += csv_cell(e.id) + "," + csv_cell(e.title) + "," + e.date.text() + "," +
              row({e.kind, join_list(e.actors), e.place, join_list(e.tags), e.summary,
                   join_list(e.sources), join_list(causes[index]), join_list(references[index]),
                   join_list(contradicts[index])},
                  true);
  }
  std::string relations = "from,kind,to,sources,claimed_by,disputed_by,note\n";
  for (RelationIndex index : s.relations) {
    const Relation& r = g.relation(index);
    relations += row({r.from, std::string(to_string(r.kind)), r.to, join_list(r.sources),
                      join_list(r.claimed_by), join_list(r.disputed_by), r.note},
                     true);
  }
  return {{"events.csv", std::move(events)}, {"relations.csv", std::move(relations)}};
}

std::vector<ExportFile> write_neo4j(const ExportSelection& s) {
  const EventGraph& g = *s.graph;
  // neo4j-admin database import: typed headers, arrays split on ';' (its
  // default --array-delimiter), an empty field is no property.
  std::string nodes =
      "id:ID,:LABEL,title,date,earliest:date,latest:date,precision,kind,actors:string[],"
      "actor_names:string[],place,tags:string[],summary,sources:string[]\n";
  for (EventIndex index : s.events) {
    const Event& e = g.event(index);
    nodes += row(
        {e.id, "Event", e.title, e.date.text(), earliest_day(e), latest_day(e),
         std::string(to_string(e.date.precision())), e.kind, join_list(e.actors),
         join_list(actor_names(g, e)), e.place, join_list(e.tags), e.summary, join_list(e.sources)},
        false);
  }
  std::string edges =
      ":START_ID,:END_ID,:TYPE,sources:string[],claimed_by:string[],disputed_by:string[],note,"
      "disputed:boolean\n";
  for (RelationIndex index : s.relations) {
    const Relation& r = g.relation(index);
    std::string type(to_string(r.kind));
    for (char& c : type) c = static_cast<char>(c - 'a' + 'A');
    edges += row({r.from, r.to, type, join_list(r.sources), join_list(r.claimed_by),
                  join_list(r.disputed_by), r.note, r.disputed() ? "true" : "false"},
                 false);
  }
  std::string cypher =
      "// The same graph for a running Neo4j server, from the two CSV files in its\n"
      "// import folder: cypher-shell -f load.cypher\n"
      "// (Offline, the files load with: neo4j-admin database import full\n"
      "//  --nodes=events.csv --relationships=relations.csv --multiline-fields=true)\n"
      "CREATE CONSTRAINT event_id IF NOT EXISTS FOR (e:Event) REQUIRE e.id IS UNIQUE;\n\n"
      "LOAD CSV WITH HEADERS FROM 'file:///events.csv' AS row\n"
      "CREATE (:Event {\n"
      "  id: row.`id:ID`, title: row.title, date: row.date,\n"
      "  earliest: CASE WHEN coalesce(row.`earliest:date`, '') = '' THEN null\n"
      "            ELSE date(row.`earliest:date`) END,\n"
      "  latest: CASE WHEN coalesce(row.`latest:date`, '') = '' THEN null\n"
      "          ELSE date(row.`latest:date`) END,\n"
      "  precision: row.precision, kind: row.kind, place: row.place, summary: row.summary,\n"
      "  actors: split(coalesce(row.`actors:string[]`, ''), ';'),\n"
      "  actor_names: split(coalesce(row.`actor_names:string[]`, ''), ';'),\n"
      "  tags: split(coalesce(row.`tags:string[]`, ''), ';'),\n"
      "  sources: split(coalesce(row.`sources:string[]`, ''), ';')\n"
      "});\n";
  for (const char* type : {"CAUSES", "REFERENCES", "CONTRADICTS"}) {
    cypher += "\nLOAD CSV WITH HEADERS FROM 'file:///relations.csv' AS row\n";
    cypher += "WITH row WHERE row.`:TYPE` = '" + std::string(type) + "'\n";
    cypher +=
        "MATCH (a:Event {id: row.`:START_ID`}), (b:Event {id: row.`:END_ID`})\n"
        "CREATE (a)-[:" +
        std::string(type) +
        " {\n"
        "  sources: split(coalesce(row.`sources:string[]`, ''), ';'),\n"
        "  claimed_by: split(coalesce(row.`claimed_by:string[]`, ''), ';'),\n"
        "  disputed_by: split(coalesce(row.`disputed_by:string[]`, ''), ';'),\n"
        "  note: row.note, disputed: row.`disputed:boolean` = 'true'\n"
        "}]->(b);\n";
  }
  return {{"events.csv", std::move(nodes)},
          {"relations.csv", std::move(edges)},
          {"load.cypher", std::move(cypher)}};
}

}  // namespace eventgraph::detail

// eventgraph import: each format read from a real sample into an event file
// that loads, with the input's precision, each format's BCE rule at the
// 1 BCE / 1 CE boundary, stable ids, what did not map, and located errors.
#include "engine/import.h"
#include "engine/loader.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>

namespace {

using eventgraph::ImportFormat;
using eventgraph::ImportOptions;
using eventgraph::ImportResult;

const std::filesystem::path kImportData = std::filesystem::path(EVENTGRAPH_TEST_DATA) / "import";

ImportResult import_sample(const std::string& name, const ImportOptions& options = {}) {
  return eventgraph::import_file(kImportData / name, options);
}

// id -> date text of the event file `yaml`, which must load without errors.
std::map<std::string, std::string> loaded_dates(const ImportResult& result) {
  REQUIRE(result.ok());
  const eventgraph::LoadResult loaded = eventgraph::load_string(*result.yaml, "imported.yaml");
  INFO(*result.yaml);
  INFO(eventgraph::format_diagnostics(loaded.diagnostics, loaded.source));
  REQUIRE(loaded.ok());
  std::map<std::string, std::string> dates;
  for (const eventgraph::Event& e : loaded.graph->events()) dates[e.id] = e.date.text();
  return dates;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string only_error(const ImportResult& result) {
  REQUIRE_FALSE(result.ok());
  std::string text;
  for (const auto& d : result.diagnostics) {
    if (d.severity == eventgraph::Severity::error) text += eventgraph::format_diagnostic_line(d);
  }
  return text;
}

}  // namespace

TEST_CASE("import timelinejs: years follow TimelineJS's rule, -1 is 1 BCE", "[import]") {
  const ImportResult r = import_sample("timelinejs.json");
  const auto dates = loaded_dates(r);
  // TimelineJS writes -500 for 500 BCE and has no year 0: EDTF counts
  // astronomically, so -500 is -0499, -1 is 0000 and 1 stays 0001.
  CHECK(dates.at("five-hundred-bce") == "-0499");
  CHECK(dates.at("the-last-year-before-the-era") == "0000");
  CHECK(dates.at("the-first-year-of-the-era") == "0001");
  // Precision exactly as given: a month is a month, a year a year.
  CHECK(dates.at("talks-in-march") == "2022-03");
  CHECK(dates.at("talks-in-march-2") == "2023");
  CHECK(dates.at("talks-in-istanbul") == "2022-03-29/2022-03-30");
  CHECK(dates.at("first-year-of-the-war") == "2022-02-24/2022-12");
  const std::string& yaml = *r.yaml;
  CHECK(contains(yaml, "title: Ancient and modern\n"));
  CHECK(contains(yaml, "    kind: era\n"));              // eras become events of kind 'era'
  CHECK(contains(yaml, "    tags: [Antiquity]\n"));      // groups become tags
  CHECK(contains(yaml, "summary: Delegations met.\n"));  // HTML becomes text
  CHECK(contains(yaml, "url: \"https://example.org/talks.jpg\""));  // media kept as a source
  CHECK(contains(yaml, "# display_date: 29-30 March 2022\n"));
}

TEST_CASE("import timelinejs-sheet: the Google Sheets template reads like the JSON", "[import]") {
  const ImportResult r = import_sample("timelinejs-sheet.csv");
  const auto dates = loaded_dates(r);
  CHECK(dates.at("year-500-in-timelinejs") == "-0499");
  CHECK(dates.at("the-last-year-before-the-era") == "0000");
  CHECK(dates.at("the-first-year-of-the-era") == "0001");
  CHECK(dates.at("talks-in-march") == "2022-03");
  CHECK(dates.at("talks-in-istanbul") == "2022-03-29/2022-03-30");
  CHECK(dates.at("first-year-of-the-war") == "2022-02-24/2022-12");
  CHECK(contains(*r.yaml, "    kind: era\n"));
  // The Background column has no place in an event file: listed, and kept
  // as a comment above its event.
  CHECK(std::find(r.unmapped.begin(), r.unmapped.end(),
                  "'talks-in-istanbul': background: #ffeeee") != r.unmapped.end());
  CHECK(contains(*r.yaml, "  # not mapped: background: #ffeeee\n  - id: talks-in-istanbul\n"));
}

TEST_CASE("import csv: eras written out, EDTF as it is, relations by id or title", "[import]") {
  const ImportResult r = import_sample("spreadsheet.csv");
  const auto dates = loaded_dates(r);
  // A spreadsheet says '500 BCE' and '1 BCE' as people do; '0000' is EDTF's.
  CHECK(dates.at("year-500-bce") == "-0499");
  CHECK(dates.at("the-last-year-before-the-era") == "0000");
  CHECK(dates.at("the-first-year-of-the-era") == "0001");
  CHECK(dates.at("astronomical-year-zero") == "0000");
  CHECK(dates.at("march-talks") == "2022-03");
  CHECK(dates.at("talks-in-march") == "2023?");
  CHECK(dates.at("talks-at-ten") == "2022-03-29");  // the time of day is listed, not kept
  CHECK(r.events == 8);
  CHECK(r.relations == 2);
  CHECK(contains(*r.yaml, "    causes:\n      - march-talks\n      - talks-at-ten\n"));
  CHECK(contains(*r.yaml, "    actors: [russia, ukraine]\n"));
  CHECK(contains(*r.yaml, "summary: \"Second \\\"round\\\"\"\n"));
  const std::vector<std::string> expected = {
      "column I 'colour' (1 value, kept as comments): map it with --map 'colour=FIELD'",
      "the time of day in 1 row (event dates are days; kept as comments)",
      "'invasion': colour: red",
      "'talks-at-ten': time 10:15:00 (dates are days)",
  };
  CHECK(r.unmapped == expected);
  CHECK(contains(*r.yaml, "# Not mapped (the event file has no place for these):\n"));
}

TEST_CASE("import csv: --map reads a column as a field, or ignores it", "[import]") {
  ImportOptions options;
  options.column_map = {{"colour", "kind"}};
  const ImportResult r = import_sample("spreadsheet.csv", options);
  REQUIRE(r.ok());
  CHECK(contains(*r.yaml, "    kind: red\n"));
  CHECK(r.unmapped.size() == 2);  // only the time of day is left
}

TEST_CASE("import tsv: a date beside an end is an interval", "[import]") {
  const ImportResult r = import_sample("spreadsheet.tsv");
  const auto dates = loaded_dates(r);
  CHECK(dates.at("first") == "2022-01/2022-02");
  CHECK(dates.at("second") == "2022-03-01");
  CHECK(r.relations == 1);
}

TEST_CASE("import wikidata: precision as the query gives it, year 0 is 1 BCE", "[import]") {
  const ImportResult r = import_sample("wikidata.json");
  const auto dates = loaded_dates(r);
  // SPARQL results write years as XSD 1.1 does (0000 is 1 BCE), as EDTF.
  CHECK(dates.at("battle-of-a-year") == "-0499");                // precision 9: a year
  CHECK(dates.at("treaty-of-a-month") == "2022-03/2022-04-05");  // 10 then 11
  CHECK(dates.at("event-without-precision") == "0000");
  // Without a precision the coarsest reading is taken, and said.
  bool warned = false;
  for (const auto& d : r.diagnostics) {
    warned = warned || (d.severity == eventgraph::Severity::warning &&
                        contains(d.message, "(Q3): no precision for P585"));
  }
  CHECK(warned);
  // P828 (has cause) Q1 on Q2: Q1 causes Q2; a cause outside the results
  // is listed, not dropped.
  CHECK(contains(*r.yaml, "    causes:\n      - treaty-of-a-month\n"));
  CHECK(r.unmapped ==
        std::vector<std::string>{"Q99 causes Q2: the cause is not among the results"});
  CHECK(contains(*r.yaml, "    actors: [ukraine, russia]\n"));
  CHECK(contains(*r.yaml, "url: \"https://www.wikidata.org/wiki/Q2\""));
}

TEST_CASE("import: the same input gives the same bytes and unique ids", "[import]") {
  for (const char* name : {"timelinejs.json", "timelinejs-sheet.csv", "spreadsheet.csv",
                           "spreadsheet.tsv", "wikidata.json"}) {
    INFO(name);
    const ImportResult first = import_sample(name);
    const ImportResult second = import_sample(name);
    REQUIRE(first.ok());
    CHECK(*first.yaml == *second.yaml);
    const auto dates = loaded_dates(first);
    CHECK(dates.size() == first.events);  // the loader refuses a repeated id
  }
}

TEST_CASE("import: the format is guessed from the name and the first bytes", "[import]") {
  std::string why;
  CHECK(eventgraph::guess_import_format("a.json", "{\"events\": []}", &why) ==
        ImportFormat::timelinejs);
  CHECK(eventgraph::guess_import_format("a.json", "{\"head\": {}, \"results\": {}}", &why) ==
        ImportFormat::wikidata);
  CHECK(eventgraph::guess_import_format("a.json", "{\"eventgraph\": 1}", &why) ==
        ImportFormat::json);
  CHECK(eventgraph::guess_import_format("a.csv", "Year,Month,Headline\n", &why) ==
        ImportFormat::timelinejs_sheet);
  CHECK(eventgraph::guess_import_format("a.csv", "title,date\n", &why) == ImportFormat::csv);
  CHECK(eventgraph::guess_import_format("a.tsv", "title\tdate\n", &why) == ImportFormat::tsv);
  CHECK_FALSE(eventgraph::guess_import_format("a.yaml", "eventgraph: 1\n", &why));
  CHECK(why == "an event file already: run 'eventgraph check' on it");
}

TEST_CASE("import: bad input is an error at its row and column, or JSON pointer", "[import]") {
  CHECK(only_error(import_sample("bad/bad-date.csv")) ==
        kImportData.string() +
            "/bad/bad-date.csv:3:11: error: row 3, column B 'date': invalid date '2022-13': "
            "month 13 is not between 01 and 12");
  CHECK(only_error(import_sample("bad/ambiguous.csv")) ==
        kImportData.string() +
            "/bad/ambiguous.csv:2:11: error: row 2, column C 'causes': 'Talks' names more than "
            "one event");
  CHECK(only_error(import_sample("bad/bad-month.json")) ==
        kImportData.string() +
            "/bad/bad-month.json: error: /events/1/start_date: invalid date '2022-14': month 14 "
            "is not between 01 and 12");
  CHECK(contains(only_error(import_sample("bad/truncated.json")),
                 "/bad/truncated.json:2:1: error: invalid JSON: syntax error"));
}

TEST_CASE("import: text that is not what the format says is an error, not a crash", "[import]") {
  ImportOptions as_timelinejs;
  as_timelinejs.format = ImportFormat::timelinejs;
  CHECK_FALSE(eventgraph::import_text("[1, 2]", "x.json", as_timelinejs).ok());
  CHECK_FALSE(eventgraph::import_text("{\"events\": 3}", "x.json", as_timelinejs).ok());
  ImportOptions as_wikidata;
  as_wikidata.format = ImportFormat::wikidata;
  CHECK_FALSE(eventgraph::import_text("{\"head\": 1}", "x.json", as_wikidata).ok());
  ImportOptions as_csv;
  as_csv.format = ImportFormat::csv;
  CHECK_FALSE(eventgraph::import_text("a,b\n\"open quote\n", "x.csv", as_csv).ok());
  CHECK_FALSE(eventgraph::import_text("", "x.csv", as_csv).ok());
  // Control characters become spaces, with a warning, so the file loads.
  const ImportResult r = eventgraph::import_text(
      "title,date\nA\x01"
      "B,2022\n",
      "x.csv", as_csv);
  CHECK(loaded_dates(r).at("a-b") == "2022");
}

#include "engine/loader.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace {

using eventgraph::Diagnostic;
using eventgraph::load_file;
using eventgraph::load_string;
using eventgraph::LoadOptions;
using eventgraph::LoadResult;
using eventgraph::parse_dataset;
using eventgraph::RelationKind;
using eventgraph::Severity;

using Strings = std::vector<std::string>;

Strings lines(const std::vector<Diagnostic>& diagnostics) {
  Strings out;
  for (const Diagnostic& d : diagnostics) out.push_back(format_diagnostic_line(d));
  return out;
}

// The one-line diagnostics of loading `text` as "t.yaml".
Strings load_lines(std::string_view text, const LoadOptions& options = {}) {
  return lines(load_string(text, "t.yaml", options).diagnostics);
}

// The hint of the only diagnostic.
std::string only_hint(std::string_view text) {
  const LoadResult result = load_string(text, "t.yaml");
  REQUIRE(result.diagnostics.size() == 1);
  return result.diagnostics.front().hint;
}

// Declarations most test files need, ending where `events:` begins.
constexpr std::string_view kHead =
    "eventgraph: 1\n"
    "actors:\n"
    "  lavrov: {name: Sergey Lavrov}\n"
    "sources:\n"
    "  rt: {title: RT}\n";  // events start on line 6

std::string with_events(std::string_view events) {
  return std::string(kHead) + "events:\n" + std::string(events);
}

}  // namespace

TEST_CASE("a minimal file loads without diagnostics", "[loader]") {
  const LoadResult result = load_string("eventgraph: 1\nevents: []\n", "t.yaml");
  REQUIRE(result.ok());
  CHECK(result.diagnostics.empty());
  CHECK(result.source.empty());  // only kept to show lines of diagnostics
  CHECK(result.graph->events().empty());
  CHECK(result.graph->file() == "t.yaml");
  // `events:` with nothing is an empty list too.
  CHECK(load_string("eventgraph: 1\nevents:\n", "t.yaml").ok());
}

TEST_CASE("every field is read into the model", "[loader]") {
  const auto parsed = parse_dataset(R"(eventgraph: 1
title: Talks
actors:
  lavrov: {name: Sergey Lavrov, role: Foreign Minister, affiliation: russia}
  arakhamia: {name: David Arakhamia}
sources:
  rt: {title: RT article, publisher: RT, author: Staff, date: 2024-01-23, url: "https://rt.com/x"}
  tass: {title: TASS report}
events:
  - id: talks
    title: Istanbul talks
    date: 2022-03-29
    kind: negotiation
    actors: [arakhamia]
    place: Istanbul
    tags: [talks, turkey]
    summary: |
      Two lines
      of summary.
    sources: [rt, tass]
    causes: [collapse]
    references:
      - event: collapse
        sources: [rt]
        claimed_by: [lavrov]
        disputed_by: [arakhamia]
        note: a note
  - id: collapse
    title: Collapse
    date: "2022-05?"
    sources: [rt]
    contradicts: [talks]
)",
                                    "m.yaml");
  REQUIRE(parsed.diagnostics.empty());
  const auto& data = parsed.dataset;
  CHECK(data.version == 1);
  CHECK(data.file == "m.yaml");
  CHECK(data.title == "Talks");

  REQUIRE(data.actors.size() == 2);  // in file order
  CHECK(data.actors[0].id == "lavrov");
  CHECK(data.actors[0].name == "Sergey Lavrov");
  CHECK(data.actors[0].role == "Foreign Minister");
  CHECK(data.actors[0].affiliation == "russia");
  CHECK(data.actors[0].location == eventgraph::Location{4, 3});
  CHECK(data.actors[1].role.empty());

  REQUIRE(data.sources.size() == 2);
  CHECK(data.sources[0].id == "rt");
  CHECK(data.sources[0].title == "RT article");
  CHECK(data.sources[0].publisher == "RT");
  CHECK(data.sources[0].author == "Staff");
  CHECK(data.sources[0].url == "https://rt.com/x");
  REQUIRE(data.sources[0].date.has_value());
  CHECK(data.sources[0].date->text() == "2024-01-23");
  CHECK_FALSE(data.sources[1].date.has_value());
  CHECK(data.sources[1].location == eventgraph::Location{8, 3});

  REQUIRE(data.events.size() == 2);
  const auto& talks = data.events[0];
  CHECK(talks.id == "talks");
  CHECK(talks.title == "Istanbul talks");
  CHECK(talks.date.text() == "2022-03-29");
  CHECK(talks.kind == "negotiation");
  CHECK(talks.actors == Strings{"arakhamia"});
  CHECK(talks.place == "Istanbul");
  CHECK(talks.tags == Strings{"talks", "turkey"});
  CHECK(talks.summary == "Two lines\nof summary.\n");
  CHECK(talks.sources == Strings{"rt", "tass"});
  CHECK(talks.location == eventgraph::Location{10, 9});  // the id
  CHECK(data.events[1].date.uncertain());

  REQUIRE(data.relations.size() == 3);  // in file order
  const auto& causes = data.relations[0];
  CHECK(causes.from == "talks");
  CHECK(causes.to == "collapse");
  CHECK(causes.kind == RelationKind::causes);
  CHECK(causes.location == eventgraph::Location{21, 14});  // the scalar item
  CHECK(causes.sources.empty());
  const auto& references = data.relations[1];
  CHECK(references.kind == RelationKind::references);
  CHECK(references.to == "collapse");
  CHECK(references.sources == Strings{"rt"});
  CHECK(references.claimed_by == Strings{"lavrov"});
  CHECK(references.disputed_by == Strings{"arakhamia"});
  CHECK(references.note == "a note");
  CHECK(references.location == eventgraph::Location{23, 16});  // the map item's `event`
  const auto& contradicts = data.relations[2];
  CHECK(contradicts.from == "collapse");
  CHECK(contradicts.to == "talks");
  CHECK(contradicts.kind == RelationKind::contradicts);
}

TEST_CASE("the format version", "[loader]") {
  CHECK(load_lines("eventgraph: 2\nevents: []\n") ==
        Strings{"t.yaml:1:13: error: unsupported format version '2'"});
  CHECK(load_lines("eventgraph: 1.0\nevents: []\n") ==
        Strings{"t.yaml:1:13: error: unsupported format version '1.0'"});
  CHECK(load_lines("eventgraph: [1]\nevents: []\n") ==
        Strings{"t.yaml:1:13: error: the format version must be 1, not a list"});
  // An empty value is reported at its key, not at the next line.
  CHECK(load_lines("eventgraph:\nevents: []\n") ==
        Strings{"t.yaml:1:1: error: the format version must be 1, not nothing"});
  CHECK(load_lines("title: x\nevents: []\n") ==
        Strings{"t.yaml:1:1: error: missing 'eventgraph' format version"});
  CHECK(only_hint("eventgraph: 2\nevents: []\n") ==
        "this eventgraph reads format version 1: write 'eventgraph: 1'");
  // Quoted, it is the same version.
  CHECK(load_string("eventgraph: \"1\"\nevents: []\n", "t.yaml").ok());
}

TEST_CASE("missing required fields", "[loader]") {
  CHECK(load_lines("eventgraph: 1\n") == Strings{"t.yaml:1:1: error: missing 'events' list"});
  CHECK(load_lines(with_events("  - {title: T, date: 2022, sources: [rt]}\n")) ==
        Strings{"t.yaml:7:5: error: event has no 'id'"});
  CHECK(load_lines(with_events("  - {id: a, date: 2022, sources: [rt]}\n")) ==
        Strings{"t.yaml:7:5: error: event 'a' has no 'title'"});
  CHECK(load_lines(with_events("  - {id: a, title: T, sources: [rt]}\n")) ==
        Strings{"t.yaml:7:10: error: event 'a' has no 'date'"});
  CHECK(load_lines(with_events("  - id: a\n    title:\n    date:\n    sources: [rt]\n")) ==
        Strings{"t.yaml:8:5: error: event 'a' has no 'title'",
                "t.yaml:9:5: error: event 'a' has no 'date'"});
  CHECK(load_lines(with_events("  - {id: a, title: '', date: 2022, sources: [rt]}\n")) ==
        Strings{"t.yaml:7:20: error: 'title' is empty"});
  CHECK(load_lines("eventgraph: 1\nactors: {a: {role: r}}\nevents: []\n") ==
        Strings{"t.yaml:2:13: error: actor 'a' has no 'name'"});
  CHECK(load_lines("eventgraph: 1\nsources: {s: {}}\nevents: []\n") ==
        Strings{"t.yaml:2:14: error: source 's' has no 'title'"});
  CHECK(load_lines(with_events("  - {id: a, title: T, date: 2022, sources: [rt], causes: "
                               "[{note: n}]}\n")) ==
        Strings{"t.yaml:7:59: error: 'causes' item has no 'event'"});
}

TEST_CASE("wrong types are errors, never exceptions", "[loader]") {
  // yaml-cpp's document API throws TypedBadConversion and BadSubscript for
  // these; the loader reads yaml-cpp's events and reports each one.
  CHECK(load_lines("eventgraph: 1\ntitle: {a: b}\nactors: [a]\nsources: x\nevents: {}\n") ==
        Strings{"t.yaml:2:8: error: 'title' must be text, not a map",
                "t.yaml:3:9: error: 'actors' must be a map, not a list",
                "t.yaml:4:10: error: 'sources' must be a map, not text",
                "t.yaml:5:9: error: 'events' must be a list, not a map"});
  // An empty item is reported at its '-', not at what follows it.
  CHECK(load_lines(with_events("  - 2022\n  - [a]\n  -\n\n  -   \n  - x\n")) ==
        Strings{"t.yaml:7:5: error: each event must be a map, not text",
                "t.yaml:8:5: error: each event must be a map, not a list",
                "t.yaml:9:3: error: each event must be a map, not nothing",
                "t.yaml:11:3: error: each event must be a map, not nothing",
                "t.yaml:12:5: error: each event must be a map, not text"});
  CHECK(load_lines(with_events("  - {id: [a], title: T, date: 2022, sources: rt, actors: {a: b}, "
                               "tags: [[x]], causes: {a: b}, references: [[a]]}\n")) ==
        Strings{"t.yaml:7:10: error: 'id' must be text, not a list",
                "t.yaml:7:46: error: 'sources' must be a list, not text",
                "t.yaml:7:58: error: 'actors' must be a list, not a map",
                "t.yaml:7:73: error: each item of 'tags' must be text, not a list",
                "t.yaml:7:87: error: 'causes' must be a list, not a map",
                "t.yaml:7:108: error: each item of 'references' must be an event id or a map, "
                "not a list"});
  CHECK(load_lines("eventgraph: 1\n[a]: 1\n{b: c}: 2\nevents: []\n") ==
        Strings{"t.yaml:2:1: error: a key must be text, not a list",
                "t.yaml:3:1: error: a key must be text, not a map"});
  const LoadResult result = load_string(with_events("  - {id: a, title: T, date: 2022, "
                                                    "sources: scalar}\n"),
                                        "t.yaml");
  CHECK(lines(result.diagnostics) ==
        Strings{"t.yaml:7:10: warning: event 'a' has no sources",
                "t.yaml:7:44: error: 'sources' must be a list, not text"});
  CHECK(result.diagnostics.at(1).hint == "write sources: [scalar]");
}

TEST_CASE("unknown keys suggest the nearest known key", "[loader]") {
  CHECK(load_lines("eventgraph: 1\nevent: []\n") ==
        Strings{"t.yaml:1:1: error: missing 'events' list",
                "t.yaml:2:1: error: unknown key 'event' at the top of the file (did you mean "
                "'events'?)"});
  CHECK(load_lines(with_events("  - id: a\n    title: T\n    date: 2022\n    sources: [rt]\n"
                               "    tilte: again\n    colour: red\n")) ==
        Strings{"t.yaml:11:5: error: unknown key 'tilte' in event (did you mean 'title'?)",
                "t.yaml:12:5: error: unknown key 'colour' in event"});
  CHECK(load_lines("eventgraph: 1\nactors: {a: {name: A, roel: r}}\nsources: {s: {title: S, "
                   "ulr: u}}\nevents: [{id: e, title: E, date: 2022, sources: [s], causes: "
                   "[{event: e, disputd_by: [a]}]}]\n") ==
        Strings{"t.yaml:2:23: error: unknown key 'roel' in actor 'a' (did you mean 'role'?)",
                "t.yaml:3:25: error: unknown key 'ulr' in source 's' (did you mean 'url'?)",
                "t.yaml:4:71: error: event 'e' causes itself",
                "t.yaml:4:74: error: unknown key 'disputd_by' in a 'causes' item (did you mean "
                "'disputed_by'?)"});
  const LoadResult result = load_string("eventgraph: 1\nevents: []\nactor: {}\n", "t.yaml");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].message ==
        "unknown key 'actor' at the top of the file (did you mean 'actors'?)");
  CHECK(result.diagnostics[0].hint ==
        "known keys here: eventgraph, title, edtf-level, actors, sources, events");
}

TEST_CASE("duplicate mapping keys", "[loader]") {
  // yaml-cpp keeps both and returns the first, so the second would be lost.
  const LoadResult title_twice = load_string(
      with_events("  - id: a\n    title: One\n    date: 2022\n    title: Two\n    sources: [rt]\n"),
      "t.yaml");
  CHECK(lines(title_twice.diagnostics) == Strings{"t.yaml:10:5: error: duplicate key 'title'"});
  CHECK(title_twice.diagnostics[0].hint ==
        "'title' is already set at line 8; remove or rename one of them");
  CHECK(load_lines("eventgraph: 1\nevents: []\ntitle: x\nevents: []\n") ==
        Strings{"t.yaml:4:1: error: duplicate key 'events'"});
  // A repeated actor or source is one duplicate key, not also a duplicate id.
  CHECK(load_lines("eventgraph: 1\nactors:\n  a: {name: A}\n  a: {name: B}\nsources:\n"
                   "  s: {title: S}\n  s: {title: T}\nevents: []\n") ==
        Strings{"t.yaml:4:3: error: duplicate key 'a'", "t.yaml:7:3: error: duplicate key 's'"});
  CHECK(load_lines("eventgraph: 1\nevents: []\nx: {k: 1, k: 2}\n") ==
        Strings{"t.yaml:3:1: error: unknown key 'x' at the top of the file",
                "t.yaml:3:11: error: duplicate key 'k'"});
}

TEST_CASE("one yaml document per file", "[loader]") {
  CHECK(load_lines("eventgraph: 1\nevents: []\n---\neventgraph: 1\nevents: []\n") ==
        Strings{"t.yaml:3:1: error: the file holds more than one yaml document"});
  CHECK(load_lines("---\neventgraph: 1\nevents: []\n---\n") ==
        Strings{"t.yaml:4:1: error: the file holds more than one yaml document"});
  CHECK(load_lines("eventgraph: 1\nevents: []\n...\neventgraph: 1\n") ==
        Strings{"t.yaml:4:1: error: the file holds more than one yaml document"});
  // One explicit start, one explicit end and a %YAML directive are fine.
  CHECK(load_lines("%YAML 1.2\n---\neventgraph: 1\nevents: []\n...\n").empty());
}

TEST_CASE("ids must be unique slugs", "[loader]") {
  const LoadResult result =
      load_string(with_events("  - {id: a, title: A, date: 2022, sources: [rt]}\n"
                              "  - {id: a, title: B, date: 2023, sources: [rt]}\n"
                              "  - {id: Bad_ID, title: C, date: 2023, sources: [rt]}\n"),
                  "t.yaml");
  CHECK(lines(result.diagnostics) == Strings{"t.yaml:8:10: error: duplicate event id 'a'",
                                             "t.yaml:9:10: error: invalid event id 'Bad_ID'"});
  CHECK(result.diagnostics[0].hint == "'a' is first defined at line 7; give each event its own id");
  CHECK(result.diagnostics[1].hint ==
        "ids use lowercase letters, digits and '-', starting with a letter or digit: try "
        "'bad-id'");
  CHECK(load_lines("eventgraph: 1\nactors: {Lavrov: {name: L}}\nsources: {r t: {title: T}}\n"
                   "events: []\n") == Strings{"t.yaml:2:10: error: invalid actor id 'Lavrov'",
                                              "t.yaml:3:11: error: invalid source id 'r t'"});
}

TEST_CASE("invalid dates quote the date and say what is wrong", "[loader]") {
  const LoadResult result = load_string(
      "eventgraph: 1\nsources:\n  s: {title: S, date: 2024-02-30}\nevents:\n"
      "  - {id: a, title: A, date: 29.03.2022, sources: [s]}\n"
      "  - {id: b, title: B, date: '2022-03-29 ', sources: [s]}\n"
      "  - {id: c, title: C, date: \"\", sources: [s]}\n",
      "t.yaml");
  CHECK(lines(result.diagnostics) ==
        Strings{"t.yaml:3:23: error: invalid date '2024-02-30': february 2024 has 29 days",
                "t.yaml:5:29: error: invalid date '29.03.2022': expected a four-digit year, "
                "e.g. 2022",
                "t.yaml:6:29: error: invalid date '2022-03-29 ': remove the leading or trailing "
                "whitespace",
                "t.yaml:7:29: error: invalid date '': the text is empty; expected an EDTF date "
                "such as 2022-03-29"});
  CHECK(result.diagnostics[0].hint ==
        "EDTF dates look like 2022, 2022-03, 2022-03-29, 2022-21 (spring), 2022-03/2022-04 or "
        "2022-03-29?; see docs/format.md");
}

TEST_CASE("hints for the common traps: flow-map commas, start/end, url", "[loader]") {
  // The comma ended the name; "then director" became a key with no value.
  CHECK(only_hint("eventgraph: 1\nactors: {s: {name: Smith, then director}}\nevents: []\n") ==
        "a comma inside { } ends a value; quote the value: name: \"Smith, then director\"");
  const std::string span =
      with_events("  - {id: a, title: A, sources: [rt], start: 1914-07-28, end: 1918-11-11}\n");
  const LoadResult spans = load_string(span, "t.yaml");
  REQUIRE(spans.diagnostics.size() == 3);  // no date, start, end
  CHECK(spans.diagnostics[1].message == "unknown key 'start' in event");
  CHECK(spans.diagnostics[1].hint ==
        "an event has one 'date'; write a span as date: START/END, like "
        "date: 1914-07-28/1918-11-11");
  CHECK(spans.diagnostics[2].hint == spans.diagnostics[1].hint);
  CHECK(only_hint(with_events("  - id: a\n    title: A\n    date: 2022\n    sources: [rt]\n"
                              "    url: https://example.org/a\n")) ==
        "links belong to sources: declare it under 'sources:' as my-source: {title: ..., url: "
        "...} and cite it with sources: [my-source]");
  // In block style, or with a value, an unknown key keeps the usual hint.
  CHECK(only_hint("eventgraph: 1\nactors: {s: {name: Smith, colour: red}}\nevents: []\n") ==
        "known keys here: name, role, affiliation");
}

// A stop used to report only itself; a YAML error in one event hid the
// problems of all the others.
TEST_CASE("a load that stops still reports what came before it", "[loader]") {
  LoadOptions options;
  options.max_alias_nodes = 10;
  const Strings bomb = load_lines(
      "eventgraph: 1\ncolour: red\nlist: &a [1, 2, 3, 4, 5, 6]\nmore: [*a, *a]\nevents: []\n",
      options);
  REQUIRE(bomb.size() == 4);
  CHECK(bomb[0] == "t.yaml:2:1: error: unknown key 'colour' at the top of the file");
  CHECK(bomb[1] == "t.yaml:3:1: error: unknown key 'list' at the top of the file");
  CHECK(bomb[2] == "t.yaml:4:1: error: unknown key 'more' at the top of the file");
  CHECK(bomb[3] == "t.yaml:4:12: error: aliases expand to more than 10 nodes");
  options = {};
  options.max_depth = 4;
  const Strings deep = load_lines("eventgraph: 1\ncolour: red\nevents: [[[[[[1]]]]]]\n", options);
  REQUIRE(deep.size() == 2);
  CHECK(deep[0] == "t.yaml:2:1: error: unknown key 'colour' at the top of the file");
}

TEST_CASE("a yaml error in one event does not hide the problems of the others", "[loader]") {
  const Strings found = load_lines(
      with_events("  - id: a\n    title: A\n    date: 2022\n    sources: [rt]\n    tilte: x\n"
                  "  - id: b\n    title: a: b\n    date: 2022\n"
                  "  - id: c\n    title: C\n    date: 2022-13\n    sources: [rt]\n"
                  "  - id: d\n    title: D\n   date: 2022\n"
                  "  - id: e\n    title: E\n    date: 2022\n    sources: [rt]\n    colour: red\n"));
  REQUIRE(found.size() == 5);
  CHECK(found[0] == "t.yaml:11:5: error: unknown key 'tilte' in event (did you mean 'title'?)");
  CHECK(found[1].starts_with("t.yaml:13:"));
  CHECK(found[1].find("invalid yaml") != std::string::npos);
  CHECK(found[2].starts_with("t.yaml:17:11: error: invalid date '2022-13'"));
  CHECK(found[3].starts_with("t.yaml:2"));
  CHECK(found[3].find("invalid yaml") != std::string::npos);
  CHECK(found[4] == "t.yaml:26:5: error: unknown key 'colour' in event");
}

TEST_CASE("a qualifier in a flow map needs quotes (yaml-cpp: unknown token)", "[loader]") {
  const LoadResult result =
      load_string("eventgraph: 1\nevents: [{id: a, title: A, date: 2022?}]\n", "t.yaml");
  CHECK(lines(result.diagnostics) == Strings{"t.yaml:2:38: error: invalid yaml: unknown token"});
  CHECK(result.diagnostics[0].hint ==
        "a date with an EDTF qualifier (?, ~ or %) must be quoted inside { } or [ ]: write "
        "date: \"2022?\"");
  // In block style the same date needs no quotes.
  CHECK(load_lines("eventgraph: 1\nsources: {s: {title: S}}\nevents:\n  - id: a\n    title: A\n"
                   "    date: 2022?\n    sources: [s]\n")
            .empty());
  // Other unknown tokens get no date hint.
  CHECK(only_hint("eventgraph: 1\n@events: []\n").empty());
}

TEST_CASE("references to undeclared ids", "[loader]") {
  const LoadResult result = load_string(
      with_events("  - id: a\n    title: A\n    date: 2022\n    actors: [lavrof]\n"
                  "    sources: [rt, tass]\n    causes: [{event: b, claimed_by: [lavrov, "
                  "putin], sources: [r]}]\n  - {id: b, title: B, date: 2023, sources: [rt], "
                  "references: [aa]}\n"),
      "t.yaml");
  CHECK(lines(result.diagnostics) ==
        Strings{"t.yaml:10:14: error: unknown actor 'lavrof' (did you mean 'lavrov'?)",
                "t.yaml:11:19: error: unknown source 'tass'",
                "t.yaml:12:46: error: unknown actor 'putin'",
                "t.yaml:12:64: error: unknown source 'r' (did you mean 'rt'?)",
                "t.yaml:13:63: error: unknown event 'aa' in 'references' (did you mean 'a'?)"});
  CHECK(result.diagnostics[0].hint == "declare it under 'actors:' at the top of the file");
  CHECK(result.diagnostics[4].hint == "every relation must name the id of an event in this file");
}

TEST_CASE("self-relations", "[loader]") {
  CHECK(load_lines(with_events("  - {id: a, title: A, date: 2022, sources: [rt], causes: [a]}\n"
                               "  - {id: b, title: B, date: 2022, sources: [rt], contradicts: "
                               "[{event: b}]}\n")) ==
        Strings{"t.yaml:7:59: error: event 'a' causes itself",
                "t.yaml:8:72: error: event 'b' contradicts itself"});
}

TEST_CASE("a cycle of causes names its events", "[loader]") {
  const LoadResult result = load_string(
      with_events("  - {id: c, title: C, date: 2022-03-01, sources: [rt], causes: [a]}\n"
                  "  - {id: a, title: A, date: 2022-03-01, sources: [rt], causes: [b]}\n"
                  "  - {id: b, title: B, date: 2022-03-01, sources: [rt], causes: [c]}\n"),
      "t.yaml");
  CHECK_FALSE(result.ok());
  // Named from the smallest id, and reported where the cycle closes: on
  // the link from its last event, c, back to a.
  CHECK(lines(result.diagnostics) ==
        Strings{"t.yaml:7:65: error: causes form a cycle: 'a' -> 'b' -> 'c' -> 'a'"});
  CHECK(result.diagnostics[0].hint ==
        "an event cannot lead back to itself; remove one of these links");
}

TEST_CASE("a cause after its effect", "[loader]") {
  const LoadResult certain =
      load_string(with_events("  - {id: a, title: A, date: 2023, sources: [rt], causes: [b]}\n"
                              "  - {id: b, title: B, date: 2022-12-31, sources: [rt]}\n"),
                  "t.yaml");
  CHECK_FALSE(certain.ok());
  CHECK(lines(certain.diagnostics) ==
        Strings{"t.yaml:7:59: error: cause 'a' (2023) comes after its effect 'b' (2022-12-31)"});

  const std::string overlapping = with_events(
      "  - {id: a, title: A, date: 2022, sources: [rt], causes: [b]}\n"
      "  - {id: b, title: B, date: 2022-06-30, sources: [rt]}\n");
  const LoadResult possible = load_string(overlapping, "t.yaml");
  REQUIRE(possible.ok());  // a warning does not make the file invalid
  CHECK(lines(possible.diagnostics) ==
        Strings{"t.yaml:7:59: warning: cause 'a' (2022) may come after its effect 'b' "
                "(2022-06-30)"});
  // The text is kept to show the lines of the diagnostics.
  CHECK(possible.source == overlapping);
  // A cause may end on the day its effect begins.
  CHECK(load_lines(with_events("  - {id: a, title: A, date: 2022, sources: [rt], causes: [b]}\n"
                               "  - {id: b, title: B, date: 2022-12-31, sources: [rt]}\n"))
            .empty());
}

TEST_CASE("loading: an event without sources is a warning", "[loader]") {
  const LoadResult result =
      load_string(with_events("  - id: unsourced\n    title: A\n    date: 2022\n"), "t.yaml");
  REQUIRE(result.ok());
  CHECK(lines(result.diagnostics) ==
        Strings{"t.yaml:7:9: warning: event 'unsourced' has no sources"});
  CHECK(result.diagnostics[0].severity == Severity::warning);
}

TEST_CASE("every problem is reported in one run, sorted by position", "[loader]") {
  CHECK(load_lines("eventgraph: 3\nevents:\n  - {id: B, title: T, date: 2022-13, sources: [x]}\n"
                   "  - {id: c, date: 2022, actors: [y], causes: [z]}\n") ==
        Strings{"t.yaml:1:13: error: unsupported format version '3'",
                "t.yaml:3:10: error: invalid event id 'B'",
                "t.yaml:3:29: error: invalid date '2022-13': month 13 is not between 01 and 12",
                "t.yaml:3:48: error: unknown source 'x'",
                "t.yaml:4:5: error: event 'c' has no 'title'",
                "t.yaml:4:10: warning: event 'c' has no sources",
                "t.yaml:4:34: error: unknown actor 'y'",
                "t.yaml:4:47: error: unknown event 'z' in 'causes' (did you mean 'B'?)"});
}

TEST_CASE("load_file reads files and reports unreadable ones", "[loader]") {
  const std::filesystem::path data = EVENTGRAPH_TEST_DATA;
  const LoadResult loaded = load_file(data / "good" / "minimal.yaml");
  CHECK(loaded.ok());
  CHECK(loaded.graph->file() == (data / "good" / "minimal.yaml").string());

  const auto missing = data / "no-such-file.yaml";
  CHECK(lines(load_file(missing).diagnostics) ==
        Strings{missing.string() + ": error: cannot open the file: No such file or directory"});
  CHECK(lines(load_file(data).diagnostics) ==
        Strings{data.string() + ": error: is a directory, not an event file"});

  LoadOptions options;
  options.max_file_bytes = 10;
  CHECK(lines(load_file(data / "good" / "minimal.yaml", options).diagnostics) ==
        Strings{(data / "good" / "minimal.yaml").string() +
                ": error: the file is larger than 10 bytes"});
}

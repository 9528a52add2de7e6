#include "engine/validate.h"

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

namespace {

using eventgraph::Dataset;
using eventgraph::Diagnostic;
using eventgraph::Event;
using eventgraph::EventGraph;
using eventgraph::is_slug;
using eventgraph::Location;
using eventgraph::Relation;
using eventgraph::RelationKind;
using eventgraph::validate_graph;
using eventgraph::validate_references;

using Strings = std::vector<std::string>;

// "LINE:COLUMN: severity: message", and " [hint]" when asked.
Strings lines(std::vector<Diagnostic> diagnostics, bool with_hints = false) {
  sort_diagnostics(diagnostics);
  Strings out;
  for (const Diagnostic& d : diagnostics) {
    std::string line = format_diagnostic_line(d);
    if (with_hints && !d.hint.empty()) line += " [" + d.hint + "]";
    out.push_back(line);
  }
  return out;
}

Event event(std::string id, int line, std::string_view date = "2022", Strings sources = {"s"}) {
  Event e;
  e.id = std::move(id);
  e.title = "T";
  e.date = eventgraph::parse_edtf(date).date;
  e.sources = std::move(sources);
  e.location = {line, 9};
  return e;
}

Relation relation(std::string from, std::string to, int line,
                  RelationKind kind = RelationKind::causes) {
  Relation r;
  r.from = std::move(from);
  r.to = std::move(to);
  r.kind = kind;
  r.location = {line, 14};
  return r;
}

Dataset dataset() {
  Dataset data;
  data.file = "v.yaml";
  data.actors = {{"lavrov", "Sergey Lavrov", "", "", {3, 3}}};
  data.sources = {{"s", "Source", "", "", std::nullopt, "", {5, 3}}};
  return data;
}

}  // namespace

TEST_CASE("ids are slugs", "[validate]") {
  CHECK(is_slug("a"));
  CHECK(is_slug("istanbul-talks-2022"));
  CHECK(is_slug("2022-talks"));
  CHECK(is_slug("a--b"));
  CHECK(is_slug("a-"));
  CHECK_FALSE(is_slug(""));
  CHECK_FALSE(is_slug("-a"));
  CHECK_FALSE(is_slug("Lavrov"));
  CHECK_FALSE(is_slug("a_b"));
  CHECK_FALSE(is_slug("a b"));
  CHECK_FALSE(is_slug("a.b"));
  CHECK_FALSE(is_slug("ü"));
}

TEST_CASE("a consistent dataset has nothing to report", "[validate]") {
  Dataset data = dataset();
  data.events = {event("a", 8), event("b", 12)};
  data.events[0].actors = {"lavrov"};
  data.relations = {relation("a", "b", 10)};
  data.relations[0].claimed_by = {"lavrov"};
  data.relations[0].sources = {"s"};
  CHECK(validate_references(data).empty());
}

TEST_CASE("invalid and duplicate ids", "[validate]") {
  Dataset data = dataset();
  data.actors.push_back({"Sergey_Lavrov", "S", "", "", {4, 3}});
  data.sources.push_back({"s", "Again", "", "", std::nullopt, "", {6, 3}});
  data.events = {event("a", 8), event("Istanbul Talks (2022)", 12), event("a", 16),
                 event("--", 20)};
  CHECK(lines(validate_references(data), true) ==
        Strings{
            "v.yaml:4:3: error: invalid actor id 'Sergey_Lavrov' [ids use lowercase letters, "
            "digits and '-', starting with a letter or digit: try 'sergey-lavrov']",
            "v.yaml:6:3: error: duplicate source id 's' ['s' is first defined at line 5; give "
            "each source its own id]",
            "v.yaml:12:9: error: invalid event id 'Istanbul Talks (2022)' [ids use lowercase "
            "letters, digits and '-', starting with a letter or digit: try "
            "'istanbul-talks-2022']",
            "v.yaml:16:9: error: duplicate event id 'a' ['a' is first defined at line 8; give "
            "each event its own id]",
            // Nothing to suggest when no letter or digit is left.
            "v.yaml:20:9: error: invalid event id '--' [ids use lowercase letters, digits and "
            "'-', starting with a letter or digit]",
        });
}

TEST_CASE("references to undeclared ids, with suggestions", "[validate]") {
  Dataset data = dataset();
  data.sources.push_back({"tass", "TASS", "", "", std::nullopt, "", {6, 3}});
  data.events = {event("istanbul-talks", 8, "2022", {"s", "tas"}), event("b", 12)};
  data.events[0].actors = {"lavrof", "someone-else"};
  data.relations = {relation("b", "istanbul-talk", 14), relation("b", "nowhere", 15),
                    relation("istanbul-talks", "b", 10, RelationKind::references)};
  data.relations[2].claimed_by = {"lavrov"};
  data.relations[2].disputed_by = {"lavrovv"};
  data.relations[2].sources = {"ss"};
  // Without positions for each reference, they point at their event or
  // relation.
  CHECK(lines(validate_references(data), true) ==
        Strings{
            "v.yaml:8:9: error: unknown actor 'lavrof' (did you mean 'lavrov'?) [declare it "
            "under 'actors:' at the top of the file]",
            "v.yaml:8:9: error: unknown actor 'someone-else' [declare it under 'actors:' at the "
            "top of the file]",
            "v.yaml:8:9: error: unknown source 'tas' (did you mean 'tass'?) [declare it under "
            "'sources:' at the top of the file]",
            "v.yaml:10:14: error: unknown actor 'lavrovv' (did you mean 'lavrov'?) [declare it "
            "under 'actors:' at the top of the file]",
            "v.yaml:10:14: error: unknown source 'ss' (did you mean 's'?) [declare it under "
            "'sources:' at the top of the file]",
            "v.yaml:14:14: error: unknown event 'istanbul-talk' in 'causes' (did you mean "
            "'istanbul-talks'?) [every relation must name the id of an event in this file]",
            "v.yaml:15:14: error: unknown event 'nowhere' in 'causes' [every relation must name "
            "the id of an event in this file]",
        });
}

// Attack report M6: each suggestion compares the id with every known id, so
// a file of broken references took quadratic time. Only the first 100
// unknown ids get one; every unknown id is still reported.
TEST_CASE("suggestions stop after 100 unknown ids; the errors do not", "[validate]") {
  Dataset data = dataset();
  for (int i = 0; i < 300; ++i) {
    const std::string n = std::to_string(1000 + i);
    data.events.push_back(event("event-" + n, 10 + i));
    data.relations.push_back(relation("event-" + n, "evnt-" + n, 10 + i));
  }
  const Strings found = lines(validate_references(data));
  REQUIRE(found.size() == 300);
  std::size_t suggested = 0;
  for (const std::string& line : found) {
    suggested += line.find("(did you mean 'event-") != std::string::npos ? 1 : 0;
  }
  CHECK(suggested == 100);
  CHECK_THAT(found.front(), Catch::Matchers::Contains("(did you mean 'event-1000'?)"));
  CHECK_THAT(found.back(), Catch::Matchers::EndsWith("unknown event 'evnt-1299' in 'causes'"));
}

TEST_CASE("self-relations and repeated relations", "[validate]") {
  Dataset data = dataset();
  data.events = {event("a", 8), event("b", 12)};
  data.relations = {relation("a", "a", 9), relation("b", "b", 13, RelationKind::contradicts),
                    relation("a", "b", 10), relation("a", "b", 11),
                    relation("a", "b", 10, RelationKind::references),
                    relation("a", "b", 10, RelationKind::contradicts),
                    relation("b", "a", 14, RelationKind::contradicts),
                    // b causes a is a different link from a causes b.
                    relation("b", "a", 15)};
  CHECK(lines(validate_references(data), true) ==
        Strings{
            "v.yaml:9:14: error: event 'a' causes itself [remove 'a' from its own 'causes' list]",
            "v.yaml:11:14: warning: relation 'a' causes 'b' is listed twice (also at "
            "v.yaml:10:14) [it is read as one relation; remove the repeated item]",
            "v.yaml:13:14: error: event 'b' contradicts itself [remove 'b' from its own "
            "'contradicts' list]",
            "v.yaml:14:14: warning: relation 'b' contradicts 'a' is listed twice (also at "
            "v.yaml:10:14) ['contradicts' works both ways and is read as one contradiction: "
            "list it on one of the two events only]",
        });
}

TEST_CASE("an event without sources is a warning", "[validate]") {
  Dataset data = dataset();
  data.events = {event("a", 8, "2022", {}), event("b", 12)};
  // An event whose id is missing is reported while reading; no second
  // message names it ''.
  data.events.push_back(event("", 16, "2022", {}));
  CHECK(lines(validate_references(data), true) ==
        Strings{"v.yaml:8:9: warning: event 'a' has no sources [add 'sources: [id]' naming where "
                "it comes from]"});
}

TEST_CASE("graph checks: cycles and causes after their effects", "[validate]") {
  Dataset data = dataset();
  data.events = {event("a", 8, "2022"), event("b", 12, "2023"), event("c", 16, "2024"),
                 event("d", 20, "2024-06"), event("e", 24, "2024")};
  data.relations = {relation("a", "b", 9), relation("b", "c", 13), relation("c", "a", 17),
                    relation("d", "e", 21)};
  const EventGraph graph(std::move(data));
  CHECK(lines(validate_graph(graph), true) ==
        Strings{
            // The cycle is reported where it closes: c's link back to a.
            "v.yaml:17:14: error: cause 'c' (2024) comes after its effect 'a' (2022) [check "
            "both dates, or the direction of the link]",
            "v.yaml:17:14: error: causes form a cycle: 'a' -> 'b' -> 'c' -> 'a' [an event "
            "cannot lead back to itself; remove one of these links]",
            "v.yaml:21:14: warning: cause 'd' (2024-06) may come after its effect 'e' (2024) "
            "[the dates overlap; give them more precision if you know it]",
        });
}

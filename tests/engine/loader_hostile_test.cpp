// Hostile and broken input, the traps of yaml-cpp 0.7, and LoadOptions'
// limits: each is a diagnostic with a position, never a crash or a hang.
#include "engine/loader.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

using eventgraph::Diagnostic;
using eventgraph::load_string;
using eventgraph::LoadOptions;
using eventgraph::LoadResult;

using Strings = std::vector<std::string>;

Strings load_lines(std::string_view text, const LoadOptions& options = {}) {
  Strings out;
  for (const Diagnostic& d : load_string(text, "h.yaml", options).diagnostics) {
    out.push_back(format_diagnostic_line(d));
  }
  return out;
}

std::string repeat(std::string_view text, std::size_t times) {
  std::string out;
  out.reserve(text.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += text;
  return out;
}

}  // namespace

TEST_CASE("a file that is just ',' does not loop forever", "[loader][hostile]") {
  // yaml-cpp 0.7's LoadAll starts empty documents at the ',' forever.
  const LoadResult result = load_string(",", "h.yaml");
  CHECK(format_diagnostic_line(result.diagnostics.at(0)) ==
        "h.yaml:1:1: error: invalid yaml: unexpected ','");
  CHECK(result.diagnostics.size() == 1);
  CHECK(load_lines("eventgraph: 1\nevents: []\n,\n") ==
        Strings{"h.yaml:3:1: error: invalid yaml: end of map not found"});
  CHECK(load_lines("  ,,,") == Strings{"h.yaml:1:3: error: invalid yaml: unexpected ','"});
}

TEST_CASE("stray flow and block tokens", "[loader][hostile]") {
  CHECK(load_lines("]") == Strings{"h.yaml:1:1: error: invalid yaml: illegal flow end"});
  CHECK(load_lines("{") == Strings{"h.yaml:1:1: error: invalid yaml: end of map flow not found"});
  CHECK(load_lines("eventgraph: 1\nevents: [\n") ==
        Strings{"h.yaml:3:1: error: invalid yaml: end of sequence flow not found"});
  CHECK(load_lines("eventgraph: 1\nevents: []\nx: *nowhere\n") ==
        Strings{"h.yaml:3:4: error: invalid yaml: the referenced anchor is not defined"});
  CHECK(load_lines("&") == Strings{"h.yaml:1:2: error: invalid yaml: anchor not found after &"});
}

TEST_CASE("deep nesting stops at max_depth", "[loader][hostile]") {
  // 100000 '[' would overflow the stack of a recursive reader.
  const std::string unclosed = "eventgraph: 1\nevents: " + std::string(100'000, '[');
  const LoadResult result = load_string(unclosed, "h.yaml");
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].message == "nesting too deep at line 2 (more than 64 levels)");
  // yaml-cpp opens an implicit map for each unclosed '[' as well, so the
  // limit is met at the 33rd bracket.
  CHECK(result.diagnostics[0].location == eventgraph::Location{2, 41});
  CHECK(result.diagnostics[0].hint == "an event file needs only a few levels of nesting");

  // Closed brackets: the root map is level 1, so the 64th '[' is level 65.
  const std::string closed =
      "eventgraph: 1\nevents: " + std::string(100'000, '[') + std::string(100'000, ']') + "\n";
  CHECK(load_lines(closed) ==
        Strings{"h.yaml:2:72: error: nesting too deep at line 2 (more than 64 levels)"});
  // Block style nests the same way.
  std::string block = "eventgraph: 1\nevents:\n";
  for (int depth = 0; depth < 100; ++depth) block += std::string(2 * depth, ' ') + "- \n";
  // Line 3 holds level 2, so line 66 holds level 65.
  CHECK(load_lines(block) ==
        Strings{"h.yaml:66:127: error: nesting too deep at line 66 (more than 64 levels)"});
}

TEST_CASE("max_depth is an option", "[loader][limits]") {
  LoadOptions options;
  options.max_depth = 3;
  const std::string text = "eventgraph: 1\nevents: [[[x]]]\n";
  CHECK(load_lines(text, options) ==
        Strings{"h.yaml:2:11: error: nesting too deep at line 2 (more than 3 levels)"});
  options.max_depth = 4;
  CHECK(load_lines(text, options) ==
        Strings{"h.yaml:2:10: error: each event must be a map, not a list"});
}

TEST_CASE("alias bombs stop at max_alias_nodes", "[loader][hostile][limits]") {
  // "Billion laughs": nine levels of nine aliases each.
  std::string text = "eventgraph: 1\nevents: []\na: &a [\"lol\"" + repeat(", \"lol\"", 8) + "]\n";
  for (char name = 'b'; name <= 'i'; ++name) {
    const std::string previous(1, static_cast<char>(name - 1));
    text += std::string(1, name) + ": &" + name + " [*" + previous + repeat(", *" + previous, 8) +
            "]\n";
  }
  const LoadResult bomb = load_string(text, "h.yaml");
  // What was read before the stop is still checked: keys a..g are unknown.
  REQUIRE(bomb.diagnostics.size() == 8);
  CHECK(format_diagnostic_line(bomb.diagnostics[0]) ==
        "h.yaml:3:1: error: unknown key 'a' at the top of the file");
  // Levels b..f expand to 672588 nodes; the first *f on line 9 passes 1000000.
  CHECK(format_diagnostic_line(bomb.diagnostics[7]) ==
        "h.yaml:9:8: error: aliases expand to more than 1000000 nodes");

  LoadOptions options;
  const std::string small = "eventgraph: 1\nevents: []\nx: &a [1, 2, 3]\ny: [*a, *a]\n";
  options.max_alias_nodes = 8;  // each *a is four nodes
  CHECK(load_lines(small, options) ==
        Strings{"h.yaml:3:1: error: unknown key 'x' at the top of the file",
                "h.yaml:4:1: error: unknown key 'y' at the top of the file"});
  options.max_alias_nodes = 7;
  CHECK(load_lines(small, options) ==
        Strings{"h.yaml:3:1: error: unknown key 'x' at the top of the file",
                "h.yaml:4:1: error: unknown key 'y' at the top of the file",
                "h.yaml:4:9: error: aliases expand to more than 7 nodes"});
}

// Attack report M7: a few thousand aliases of one big scalar passed the
// node limit and took gigabytes.
TEST_CASE("alias bombs of big scalars stop at max_alias_bytes", "[loader][hostile][limits]") {
  const std::string text =
      "eventgraph: 1\nsources: {s: {title: S}}\nevents:\n"
      "  - id: a\n    date: 2020\n    sources: [s]\n    title: &t " +
      std::string(std::size_t{1} << 20, 'x') + "\n    tags: [*t" + repeat(", *t", 99) + "]\n";
  const Strings lines = load_lines(text);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].find("error: aliases expand to more than 64 MiB of text") != std::string::npos);
}

TEST_CASE("max_events stops reading events", "[loader][limits]") {
  std::string text = "eventgraph: 1\nsources: {s: {title: S}}\nevents:\n";
  for (int i = 0; i < 5; ++i) {
    text += "  - {id: e" + std::to_string(i) + ", title: T, date: 2022, sources: [s]}\n";
  }
  LoadOptions options;
  options.max_events = 5;
  CHECK(load_lines(text, options).empty());
  options.max_events = 3;
  const LoadResult result = load_string(text, "h.yaml", options);
  // Reported once, at the first event over the limit.
  CHECK(format_diagnostic_line(result.diagnostics.at(0)) ==
        "h.yaml:7:5: error: more than 3 events in one file");
  CHECK(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].hint ==
        "split the file, or raise the limit (LoadOptions::max_events)");
  // The default, which docs/hardening.md states (checking a file over it
  // takes about a minute, so only the number is checked here).
  CHECK(LoadOptions{}.max_events == 1'000'000);
}

TEST_CASE("max_file_bytes rejects a large file before parsing", "[loader][limits]") {
  const std::string text = "eventgraph: 1\nevents: []\n";  // 25 bytes
  LoadOptions options;
  options.max_file_bytes = 25;
  CHECK(load_lines(text, options).empty());
  options.max_file_bytes = 24;
  CHECK(load_lines(text, options) == Strings{"h.yaml: error: the file is larger than 24 bytes"});
  options.max_file_bytes = 1;
  CHECK(load_lines(text, options) == Strings{"h.yaml: error: the file is larger than 1 byte"});
  CHECK(LoadOptions{}.max_file_bytes == 256u << 20);
  // The default limit is named in MiB; the text is never parsed.
  const std::string huge((256u << 20) + 1, ',');
  CHECK(load_lines(huge) == Strings{"h.yaml: error: the file is larger than 256 MiB"});
}

TEST_CASE("a file over max_file_bytes on disk is refused by its size", "[loader][limits]") {
  // A sparse 1 GiB file: no disk space used, and the loader must not read it.
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / "eventgraph-loader-huge-sparse.yaml";
  { std::ofstream(path, std::ios::binary) << "eventgraph: 1\n"; }
  std::filesystem::resize_file(path, std::uintmax_t{1} << 30);
  const LoadResult result = eventgraph::load_file(path);
  std::filesystem::remove(path);
  REQUIRE(result.diagnostics.size() == 1);
  CHECK(result.diagnostics[0].message == "the file is larger than 256 MiB");
  CHECK(result.diagnostics[0].hint == "split it, or raise the limit (LoadOptions::max_file_bytes)");
  CHECK_FALSE(result.graph);
}

TEST_CASE("a 50 MB scalar is read whole", "[loader][hostile]") {
  const std::string title(50'000'000, 'x');
  const LoadResult result =
      load_string("eventgraph: 1\ntitle: " + title + "\nevents: [{id: a, title: \"" + title +
                      "\", date: 2022-13, sources: []}]\n",
                  "h.yaml");
  // The error after the huge values still has the right line and column.
  REQUIRE(result.diagnostics.size() == 2);
  CHECK(format_diagnostic_line(result.diagnostics[0]) ==
        "h.yaml:3:15: warning: event 'a' has no sources");
  CHECK(format_diagnostic_line(result.diagnostics[1]) ==
        "h.yaml:3:50000035: error: invalid date '2022-13': month 13 is not between 01 and 12");
  // The message stays short whatever is quoted.
  const LoadResult bad_id = load_string(
      "eventgraph: 1\nevents: [{id: " + title + "X, title: t, date: 2022}]\n", "h.yaml");
  REQUIRE_FALSE(bad_id.diagnostics.empty());
  CHECK(bad_id.diagnostics[0].message.size() < 200);
}

TEST_CASE("invalid UTF-8 and NUL bytes are found before yaml-cpp sees them", "[loader][hostile]") {
  CHECK(load_lines("eventgraph: 1\ntitle: Caf\xE9\nevents: []\n") ==
        Strings{"h.yaml:2:11: error: invalid utf-8: byte 0xE9 at line 2"});
  // Columns count characters: 'ü' before the bad byte is one column.
  CHECK(load_lines("eventgraph: 1\ntitle: Grüß \xFF\n") ==
        Strings{"h.yaml:2:13: error: invalid utf-8: byte 0xFF at line 2"});
  CHECK(load_lines(std::string_view("\0eventgraph: 1\n", 15)) ==
        Strings{"h.yaml:1:1: error: nul byte is not allowed in a yaml file"});
  CHECK(load_lines(std::string_view("eventgraph: 1\nevents: []\0\n", 26)) ==
        Strings{"h.yaml:2:11: error: nul byte is not allowed in a yaml file"});
  // UTF-16 starts with a byte order mark that is not UTF-8.
  CHECK(load_lines(std::string_view("\xFF\xFE"
                                    "e\0v\0",
                                    6)) ==
        Strings{"h.yaml:1:1: error: invalid utf-8: byte 0xFF at line 1"});
}

TEST_CASE("control characters written as escapes are refused in values", "[loader][hostile]") {
  CHECK(load_lines("eventgraph: 1\ntitle: \"a\\x00b\"\nevents: []\n") ==
        Strings{"h.yaml:2:8: error: 'title' contains the control character U+0000"});
  CHECK(load_lines("eventgraph: 1\nevents: [{id: \"a\\eb\", title: T, date: 2022}]\n") ==
        Strings{"h.yaml:2:15: error: 'id' contains the control character U+001B"});
  // In a key it is quoted as \xNN rather than printed raw.
  CHECK(load_lines("eventgraph: 1\nevents: []\n\"k\\x07\": 1\n") ==
        Strings{"h.yaml:3:1: error: unknown key 'k\\x07' at the top of the file"});
  // Tabs and newlines are text.
  CHECK(load_lines("eventgraph: 1\ntitle: \"a\\tb\\nc\"\nevents: []\n").empty());
}

TEST_CASE("empty files and files that are not a map", "[loader][hostile]") {
  CHECK(load_lines("") == Strings{"h.yaml:1:1: error: the file is empty"});
  CHECK(load_lines("# just a comment\n\n  \n") == Strings{"h.yaml:1:1: error: the file is empty"});
  CHECK(load_lines("---\n...\n") == Strings{"h.yaml:1:1: error: the file is empty"});
  CHECK(load_lines("- eventgraph: 1\n- events: []\n") ==
        Strings{"h.yaml:1:1: error: the top of the file must be a map, not a list"});
  CHECK(load_lines("\n\n  eventgraph\n") ==
        Strings{"h.yaml:3:3: error: the top of the file must be a map, not text"});
}

TEST_CASE("tabs: fine between key and value, not as indentation", "[loader][hostile]") {
  CHECK(load_lines("eventgraph:\t1\nevents:\t[]\n").empty());
  const LoadResult result = load_string("eventgraph: 1\nevents:\n\t- id: a\n", "h.yaml");
  CHECK(format_diagnostic_line(result.diagnostics.at(0)) ==
        "h.yaml:3:2: error: invalid yaml: illegal block entry");
  CHECK(result.diagnostics[0].hint ==
        "yaml does not allow tabs for indentation; indent with spaces");
}

TEST_CASE("CRLF line endings and a byte order mark are valid", "[loader]") {
  const std::string crlf =
      "eventgraph: 1\r\nsources:\r\n  s: {title: S}\r\nevents:\r\n  - id: a\r\n    title: A\r\n"
      "    date: 2022-03\r\n    summary: |\r\n      one\r\n      two\r\n    sources: [s]\r\n";
  for (const std::string& text : {crlf, "\xEF\xBB\xBF" + crlf}) {
    const LoadResult result = load_string(text, "h.yaml");
    REQUIRE(result.ok());
    CHECK(result.diagnostics.empty());
    const auto& event = result.graph->events()[0];
    CHECK(event.title == "A");  // no '\r' left in values
    CHECK(event.summary == "one\ntwo\n");
    CHECK(event.location == eventgraph::Location{5, 9});
  }
  // Positions stay right after a BOM (line 1) and with CRLF.
  const std::string bad =
      "\xEF\xBB\xBFtitel: x\r\neventgraph: 1\r\nevents:\r\n"
      "  - {id: a, title: A, date: 2022-13}\r\n";
  const LoadResult result = load_string(bad, "h.yaml");
  CHECK(load_lines(bad) ==
        Strings{"h.yaml:1:1: error: unknown key 'titel' at the top of the file (did you mean "
                "'title'?)",
                "h.yaml:4:10: warning: event 'a' has no sources",
                "h.yaml:4:29: error: invalid date '2022-13': month 13 is not between 01 and 12"});
  // The source kept for printing lines has no BOM.
  CHECK(result.source.starts_with("titel: x\r\n"));
  // A second byte order mark is a character, not a BOM.
  CHECK(load_lines("\xEF\xBB\xBF\xEF\xBB\xBF"
                   "eventgraph: 1\nevents: []\n") ==
        Strings{"h.yaml:1:1: error: the character U+FEFF is not allowed in a yaml file"});
  // A lone CR ends no line for yaml-cpp; the hint says why.
  const LoadResult cr = load_string("eventgraph: 1\rtitle: t\revents: []\r", "h.yaml");
  REQUIRE(cr.diagnostics.size() == 1);
  CHECK(cr.diagnostics[0].hint ==
        "the file ends lines with a lone carriage return (CR); save it with LF or CRLF line "
        "endings");
}

TEST_CASE("columns count characters, not bytes", "[loader]") {
  // Two-, three- and four-byte characters before the error.
  CHECK(load_lines(
            "eventgraph: 1\nevents:\n  - {id: a, title: \"Ελληνικά 東京 🕊\", date: "
            "2022-13, sources: []}\n") ==
        Strings{"h.yaml:3:10: warning: event 'a' has no sources",
                "h.yaml:3:43: error: invalid date '2022-13': month 13 is not between 01 and 12"});
  CHECK(load_lines("eventgraph: 1\nactors: {é: {name: N}}\nevents: [{id: a, title: 🕊, date: "
                   "2022, sources: [], actors: [è]}]\n") ==
        Strings{"h.yaml:2:10: error: invalid actor id 'é'",
                "h.yaml:3:15: warning: event 'a' has no sources",
                "h.yaml:3:62: error: unknown actor 'è' (did you mean 'é'?)"});
}

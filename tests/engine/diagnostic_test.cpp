#include "engine/diagnostic.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using eventgraph::Diagnostic;
using eventgraph::format_diagnostic;
using eventgraph::format_diagnostic_line;
using eventgraph::Severity;

Diagnostic at(int line, int column, std::string message = "unknown key 'dat' in event",
              std::string hint = "") {
  return {"events.yaml", {line, column}, Severity::error, std::move(message), std::move(hint)};
}

}  // namespace

TEST_CASE("the one-line form is FILE:LINE:COLUMN: severity: message", "[diagnostic]") {
  CHECK(format_diagnostic_line(at(12, 5)) == "events.yaml:12:5: error: unknown key 'dat' in event");
  Diagnostic warning = at(3, 9, "event 'a' has no sources");
  warning.severity = Severity::warning;
  CHECK(format_diagnostic_line(warning) == "events.yaml:3:9: warning: event 'a' has no sources");
  // Line 0 is the whole file; column 0 is the whole line.
  CHECK(format_diagnostic_line(at(0, 0, "cannot open the file")) ==
        "events.yaml: error: cannot open the file");
  CHECK(format_diagnostic_line(at(4, 0, "x")) == "events.yaml:4: error: x");
  CHECK(to_string(Severity::error) == "error");
  CHECK(to_string(Severity::warning) == "warning");
}

TEST_CASE("the long form shows the line, a caret and the hint", "[diagnostic]") {
  const std::string source = "eventgraph: 1\nevents:\n  - id: a\n    dat: 2022\n";
  CHECK(format_diagnostic(at(4, 5, "unknown key 'dat' in event", "did you mean 'date'?"), source) ==
        "events.yaml:4:5: error: unknown key 'dat' in event\n"
        "      dat: 2022\n"
        "      ^\n"
        "  hint: did you mean 'date'?\n");
  // Without a hint there is no hint line; without a source, no source line.
  CHECK(format_diagnostic(at(1, 1, "x"), source) ==
        "events.yaml:1:1: error: x\n"
        "  eventgraph: 1\n"
        "  ^\n");
  CHECK(format_diagnostic(at(4, 5, "x", "y"), "") == "events.yaml:4:5: error: x\n  hint: y\n");
  // A whole-file diagnostic has no line to show.
  CHECK(format_diagnostic(at(0, 0, "x"), source) == "events.yaml: error: x\n");
  // A line past the end of the text is not shown.
  CHECK(format_diagnostic(at(9, 1, "x"), source) == "events.yaml:9:1: error: x\n");
}

TEST_CASE("the caret counts characters and keeps tabs", "[diagnostic]") {
  // Column 7 is 'b': 'é' is one character of two bytes, and the tab stays
  // a tab so that the caret sits under 'b' in a terminal.
  const std::string source = "x: \"é\tb\"\n";
  CHECK(format_diagnostic(at(1, 7, "x"), source) ==
        "events.yaml:1:7: error: x\n"
        "  x: \"é\tb\"\n"
        "       \t^\n");
  CHECK(format_diagnostic(at(1, 2, "x"), "\tkey: 1\n") ==
        "events.yaml:1:2: error: x\n"
        "  \tkey: 1\n"
        "  \t^\n");
}

TEST_CASE("a CRLF line is shown without its carriage return", "[diagnostic]") {
  const std::string source = "eventgraph: 1\r\ntitel: x\r\n";
  CHECK(format_diagnostic(at(2, 1, "x"), source) ==
        "events.yaml:2:1: error: x\n"
        "  titel: x\n"
        "  ^\n");
}

TEST_CASE("lines that would flood or confuse a terminal are left out", "[diagnostic]") {
  const std::string long_line = "title: " + std::string(200, 'x') + "\n";
  CHECK(format_diagnostic(at(1, 8, "x", "h"), long_line) ==
        "events.yaml:1:8: error: x\n"
        "  hint: h\n");
  // The cut is at 160 bytes: a line of 160 is shown, 161 is not.
  const std::string at_limit(160, 'y');
  CHECK(format_diagnostic(at(1, 1, "x"), at_limit + "\n") ==
        "events.yaml:1:1: error: x\n  " + at_limit + "\n  ^\n");
  CHECK(format_diagnostic(at(1, 1, "x"), at_limit + "y\n") == "events.yaml:1:1: error: x\n");
  // An escape sequence must not reach the terminal.
  CHECK(format_diagnostic(at(1, 1, "x"), "title: \x1b[31mred\n") == "events.yaml:1:1: error: x\n");
  CHECK(format_diagnostic(at(1, 1, "x"), std::string("a\0b\n", 4)) ==
        "events.yaml:1:1: error: x\n");
  // Invalid UTF-8 is not echoed either.
  CHECK(format_diagnostic(at(1, 1, "x"), "caf\xE9\n") == "events.yaml:1:1: error: x\n");
  // An empty line has nothing to point at.
  CHECK(format_diagnostic(at(2, 1, "x"), "a: 1\n\nb: 2\n") == "events.yaml:2:1: error: x\n");
}

TEST_CASE("has_errors ignores warnings", "[diagnostic]") {
  std::vector<Diagnostic> diagnostics;
  CHECK_FALSE(has_errors(diagnostics));
  Diagnostic warning = at(1, 1);
  warning.severity = Severity::warning;
  diagnostics.push_back(warning);
  CHECK_FALSE(has_errors(diagnostics));
  diagnostics.push_back(at(2, 1));
  CHECK(has_errors(diagnostics));
}

TEST_CASE("diagnostics sort by file, line, column, then message", "[diagnostic]") {
  std::vector<Diagnostic> diagnostics = {at(10, 1, "b"), at(2, 7, "a"), at(2, 3, "z"),
                                         at(2, 3, "m"), at(0, 0, "whole file")};
  diagnostics.push_back({"a.yaml", {99, 1}, Severity::error, "other file", ""});
  sort_diagnostics(diagnostics);
  std::vector<std::string> lines;
  for (const Diagnostic& d : diagnostics) lines.push_back(format_diagnostic_line(d));
  CHECK(lines == std::vector<std::string>{
                     "a.yaml:99:1: error: other file",
                     "events.yaml: error: whole file",
                     "events.yaml:2:3: error: m",
                     "events.yaml:2:3: error: z",
                     "events.yaml:2:7: error: a",
                     "events.yaml:10:1: error: b",
                 });
}

TEST_CASE("format_diagnostics formats many at once, as format_diagnostic does", "[diagnostic]") {
  const std::string source = "eventgraph: 1\r\nevents:\n  - id: a\n    dat: 2022\n";
  const std::vector<Diagnostic> diagnostics = {at(4, 5, "unknown key", "did you mean 'date'?"),
                                               at(0, 0, "whole file", "h"), at(1, 13, "x"),
                                               at(99, 1, "past the end"), at(3, 9, "id")};
  std::string one_by_one;
  for (const Diagnostic& d : diagnostics) one_by_one += format_diagnostic(d, source);
  CHECK(eventgraph::format_diagnostics(diagnostics, source) == one_by_one);
  CHECK(eventgraph::format_diagnostics(diagnostics, "") ==
        "events.yaml:4:5: error: unknown key\n"
        "  hint: did you mean 'date'?\n"
        "events.yaml: error: whole file\n"
        "  hint: h\n"
        "events.yaml:1:13: error: x\n"
        "events.yaml:99:1: error: past the end\n"
        "events.yaml:3:9: error: id\n");
  CHECK(eventgraph::format_diagnostics({}, source).empty());
}

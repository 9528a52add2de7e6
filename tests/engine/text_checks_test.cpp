#include "engine/detail/text_checks.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using eventgraph::Diagnostic;
using eventgraph::Location;
using eventgraph::Severity;
using eventgraph::detail::check_scalar;
using eventgraph::detail::check_yaml_text;
using eventgraph::detail::quote;
using eventgraph::detail::to_character_columns;

// The problem check_yaml_text finds, as "LINE:COLUMN: message".
std::string problem(std::string_view text) {
  auto found = check_yaml_text(text);
  if (!found) return "none";
  return std::to_string(found->location.line) + ":" + std::to_string(found->location.column) +
         ": " + found->message;
}

}  // namespace

TEST_CASE("valid UTF-8 text passes the byte check", "[text_checks]") {
  CHECK(problem("") == "none");
  CHECK(problem("eventgraph: 1\r\nevents: []\r\n") == "none");
  CHECK(problem("title:\tx\n") == "none");
  CHECK(problem("title: Ελληνικά, 東京, 🎉 and U+0085 \xC2\x85\n") == "none");
  CHECK(problem("max: \xF4\x8F\xBF\xBF\n") == "none");  // U+10FFFF
}

TEST_CASE("invalid UTF-8 is found with its line and byte column", "[text_checks]") {
  CHECK(problem("\xFF\xFE"
                "e\0v\0") == "1:1: invalid utf-8: byte 0xFF at line 1");
  CHECK(problem("a: 1\ntitle: caf\xE9\n") == "2:11: invalid utf-8: byte 0xE9 at line 2");
  // Overlong encodings, surrogates and code points past U+10FFFF.
  CHECK(problem("x: \xC0\xAF") == "1:4: invalid utf-8: byte 0xC0 at line 1");
  CHECK(problem("x: \xE0\x80\xAF") == "1:4: invalid utf-8: byte 0xE0 at line 1");
  CHECK(problem("x: \xED\xA0\x80") == "1:4: invalid utf-8: byte 0xED at line 1");
  CHECK(problem("x: \xF4\x90\x80\x80") == "1:4: invalid utf-8: byte 0xF4 at line 1");
  CHECK(problem("x: \xF8\x88\x80\x80\x80") == "1:4: invalid utf-8: byte 0xF8 at line 1");
  // A lone continuation byte, and a sequence cut short by the end of the text.
  CHECK(problem("x: \x80") == "1:4: invalid utf-8: byte 0x80 at line 1");
  CHECK(problem("x: \xE2\x82") == "1:4: invalid utf-8: byte 0xE2 at line 1");
  CHECK(problem("x: \xE2\x82y") == "1:4: invalid utf-8: byte 0xE2 at line 1");
  // The byte column counts the bytes of earlier characters.
  CHECK(problem("é: \xFF") == "1:5: invalid utf-8: byte 0xFF at line 1");
}

TEST_CASE("NUL and control characters are not allowed in the file", "[text_checks]") {
  CHECK(problem(std::string_view("\0eventgraph: 1\n", 15)) ==
        "1:1: nul byte is not allowed in a yaml file");
  CHECK(problem(std::string_view("a: 1\nb: x\0y\n", 12)) ==
        "2:5: nul byte is not allowed in a yaml file");
  CHECK(problem("a: \x01") == "1:4: the character U+0001 is not allowed in a yaml file");
  CHECK(problem("a: \x1B[31m") == "1:4: the character U+001B is not allowed in a yaml file");
  CHECK(problem("a: \x7F") == "1:4: the character U+007F is not allowed in a yaml file");
  CHECK(problem("a: \xC2\x80") == "1:4: the character U+0080 is not allowed in a yaml file");
  // A byte order mark is only allowed first, and the loader drops that one.
  CHECK(problem("a: \xEF\xBB\xBF") == "1:4: the character U+FEFF is not allowed in a yaml file");
  CHECK(problem("a: \xEF\xBF\xBE") == "1:4: the character U+FFFE is not allowed in a yaml file");
  CHECK(check_yaml_text(std::string_view("\0", 1))->hint ==
        "the file may be binary or UTF-16; save it as UTF-8 text");
}

TEST_CASE("field values may hold newlines and tabs but no other controls", "[text_checks]") {
  CHECK_FALSE(check_scalar("").has_value());
  CHECK_FALSE(check_scalar("line one\nline two\twith a tab, “quotes” and ü").has_value());
  CHECK(check_scalar(std::string_view("a\0b", 3)) == "contains the control character U+0000");
  CHECK(check_scalar("a\rb") == "contains the control character U+000D");
  CHECK(check_scalar("\x1B[2J") == "contains the control character U+001B");
  CHECK(check_scalar("\x7F") == "contains the control character U+007F");
  CHECK(check_scalar("\xC2\x85") == "contains the control character U+0085");
  CHECK(check_scalar("\xC2\x9F") == "contains the control character U+009F");
  CHECK(check_scalar("\xEF\xBF\xBF") == "contains the control character U+FFFF");
  CHECK(check_scalar("caf\xE9") == "contains invalid utf-8");
}

TEST_CASE("quote shortens and escapes text for messages", "[text_checks]") {
  CHECK(quote("lavrof") == "lavrof");
  CHECK(quote("") == "");
  CHECK(quote(std::string_view("a\0b", 3)) == "a\\x00b");
  CHECK(quote("tab\there") == "tab\\x09here");
  CHECK(quote("caf\xE9") == "caf\\xE9");
  CHECK(quote("\x1B[31m") == "\\x1B[31m");
  // 40 characters at most; a multi-byte character counts once.
  CHECK(quote(std::string(40, 'x')) == std::string(40, 'x'));
  CHECK(quote(std::string(41, 'x')) == std::string(40, 'x') + "…");
  std::string greek;
  for (int i = 0; i < 50; ++i) greek += "λ";
  std::string forty;
  for (int i = 0; i < 40; ++i) forty += "λ";
  CHECK(quote(greek) == forty + "…");
  CHECK(quote(std::string(1'000'000, 'x')).size() == 40 + std::string("…").size());
}

TEST_CASE("byte columns become character columns", "[text_checks]") {
  const std::string text = "title: Ελληνικά x\n  - 東京: y\nplain: z\n";
  auto diagnostic = [](int line, int column) {
    return Diagnostic{"f.yaml", {line, column}, Severity::error, "m", ""};
  };
  // 'x' is byte 25 on line 1 (after 8 two-byte letters), 'y' byte 13 on
  // line 2 (after two three-byte letters).
  std::vector<Diagnostic> diagnostics = {diagnostic(1, 25), diagnostic(2, 13), diagnostic(3, 8),
                                         diagnostic(1, 1),  diagnostic(0, 0),  diagnostic(9, 5)};
  to_character_columns(text, diagnostics);
  CHECK(diagnostics[0].location == Location{1, 17});
  CHECK(diagnostics[1].location == Location{2, 9});
  CHECK(diagnostics[2].location == Location{3, 8});
  CHECK(diagnostics[3].location == Location{1, 1});
  CHECK(diagnostics[4].location == Location{0, 0});
  // A line past the end is left alone rather than guessed at.
  CHECK(diagnostics[5].location == Location{9, 5});
}

#include "render/text.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using eventgraph::append_utf8;
using eventgraph::clean_text;
using eventgraph::join;
using eventgraph::next_code_point;
using eventgraph::wrap_words;

namespace {

std::vector<char32_t> decode(std::string_view text) {
  std::vector<char32_t> out;
  for (std::size_t pos = 0; pos < text.size();) out.push_back(next_code_point(text, pos));
  return out;
}

}  // namespace

TEST_CASE("text: control characters and bad UTF-8 are replaced", "[text]") {
  CHECK(clean_text("a\tb\nc\x01") == "a b c ");
  CHECK(clean_text("Türkiye – Київ") == "Türkiye – Київ");
  CHECK(clean_text("bad \xff byte") == "bad \xEF\xBF\xBD byte");
  CHECK(clean_text("cut \xE2\x80") == "cut \xEF\xBF\xBD\xEF\xBF\xBD");
  // One policy for every view: C1 controls become spaces, bidi embeddings,
  // overrides and isolates are dropped (attack report L4).
  CHECK(clean_text("a\u0085b\u009Bc") == "a b c");
  CHECK(clean_text("\u202Egnp.exe") == "gnp.exe");
  CHECK(clean_text("x\u2066y\u2069z\u202Aw") == "xyzw");
  CHECK(clean_text("\u200Fright-to-left mark stays") == "\u200Fright-to-left mark stays");
}

TEST_CASE("text: words wrap at the width, counting characters", "[text]") {
  using Lines = std::vector<std::string>;
  CHECK(wrap_words("one two three four", 9) == Lines{"one two", "three", "four"});
  CHECK(wrap_words("Київ Київ", 4) == Lines{"Київ", "Київ"});
  CHECK(wrap_words("averyveryverylongword here", 5) == Lines{"averyveryverylongword", "here"});
  CHECK(wrap_words("", 10) == Lines{""});
  CHECK(wrap_words("  spaced   out ", 20) == Lines{"spaced out"});
}

TEST_CASE("text: items joined by a separator", "[text]") {
  using Items = std::vector<std::string>;
  CHECK(join(Items{"a", "b", "c"}) == "a, b, c");
  CHECK(join(Items{"a", "b"}, ";") == "a;b");
  CHECK(join(Items{"only"}) == "only");
  CHECK(join(Items{}).empty());
}

TEST_CASE("text: UTF-8 decoding never reads past the text and replaces bad bytes", "[text]") {
  CHECK(decode("aé€𝄞") == std::vector<char32_t>{U'a', U'é', U'€', U'𝄞'});
  CHECK(decode("\xC0\xAF") == std::vector<char32_t>{0xFFFD, 0xFFFD});              // overlong
  CHECK(decode("\xED\xA0\x80") == std::vector<char32_t>{0xFFFD, 0xFFFD, 0xFFFD});  // surrogate
  CHECK(decode("\xE2\x82") == std::vector<char32_t>{0xFFFD, 0xFFFD});              // truncated
  CHECK(decode("\xFF"
               "a") == std::vector<char32_t>{0xFFFD, U'a'});
}

TEST_CASE("text: code points encode back to the same UTF-8", "[text]") {
  std::string out;
  for (char32_t cp : {U'a', U'é', U'€', U'𝄞', char32_t{0xFFFD}}) append_utf8(out, cp);
  CHECK(out == "aé€𝄞\xEF\xBF\xBD");
  CHECK(decode(out) == std::vector<char32_t>{U'a', U'é', U'€', U'𝄞', 0xFFFD});
}

#include "render/text.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using eventgraph::clean_text;
using eventgraph::join;
using eventgraph::wrap_words;

TEST_CASE("text: control characters and bad UTF-8 are replaced", "[text]") {
  CHECK(clean_text("a\tb\nc\x01") == "a b c ");
  CHECK(clean_text("Türkiye – Київ") == "Türkiye – Київ");
  CHECK(clean_text("bad \xff byte") == "bad \xEF\xBF\xBD byte");
  CHECK(clean_text("cut \xE2\x80") == "cut \xEF\xBF\xBD\xEF\xBF\xBD");
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

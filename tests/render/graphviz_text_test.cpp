#include "render/graphviz_text.h"

#include <catch2/catch.hpp>

#include <string>

namespace {

using namespace eventgraph::detail;

}  // namespace

TEST_CASE("graphviz text: HTML labels are XML-escaped with backslashes doubled",
          "[graphviz_text]") {
  CHECK(html_label_text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(html_label_text("\" ] ; x [ ") == "&quot; ] ; x [ ");
  CHECK(html_label_text("a & b 'c'") == "a &amp; b &#39;c&#39;");
  // Graphviz expands \N, \G, \L ... even in HTML labels.
  CHECK(html_label_text("\\N \\G \\L") == "\\\\N \\\\G \\\\L");
  // Bidi overrides and isolates could make a label read unlike the data.
  CHECK(html_label_text("abc\u202Edef\u2066g") == "abcdefg");
}

TEST_CASE("graphviz text: tooltips", "[graphviz_text]") {
  SECTION("a literal backslash is four, lines are \\n") {
    TooltipText tip(false);
    tip.add("a\\N").line().add("b");
    CHECK(tip.str() == "a\\\\\\\\N\\nb");
  }
  SECTION("for SVG, & is pre-escaped because Graphviz leaves entities alone") {
    TooltipText svg(true), dot(false);
    svg.add("x &amp; y");
    dot.add("x &amp; y");
    CHECK(svg.str() == "x &amp;amp; y");
    CHECK(dot.str() == "x &amp; y");
  }
  SECTION("a value never ends in a backslash") {
    TooltipText tip(false);
    tip.add("ends\\");
    CHECK(tip.str().back() != '\\');
  }
}

TEST_CASE("graphviz text: only http(s) urls are kept, safely encoded", "[graphviz_text]") {
  CHECK_FALSE(safe_url("javascript:alert(1)", true));
  CHECK_FALSE(safe_url("data:text/html,<b>x</b>", true));
  CHECK_FALSE(safe_url("ftp://example.org/x", true));
  CHECK_FALSE(safe_url("", true));
  CHECK(safe_url("https://example.org/a?b=1", true) == "https://example.org/a?b=1");
  CHECK(safe_url("HTTP://example.org/", false) == "HTTP://example.org/");
  CHECK(safe_url("https://x.org/?a=1&b=2", true) == "https://x.org/?a=1&amp;b=2");
  CHECK(safe_url("https://x.org/?a=1&b=2", false) == "https://x.org/?a=1&b=2");
  CHECK(safe_url("https://x.org/\"><script> \\N", false) ==
        "https://x.org/%22%3E%3Cscript%3E%20%5CN");
  CHECK(safe_url("https://x.org/Київ", false) == "https://x.org/%D0%9A%D0%B8%D1%97%D0%B2");
}

TEST_CASE("graphviz text: colours mix and numbers print without the locale", "[graphviz_text]") {
  CHECK(mix_colour("#000000", "#ffffff", 0.5) == "#808080");
  CHECK(mix_colour("#0072B2", "#ffffff", 0) == "#0072b2");
  CHECK(mix_colour("#0072B2", "#ffffff", 1) == "#ffffff");
  CHECK(format_number(12.5) == "12.50");
  CHECK(format_number(-0.001) == "0.00");
  CHECK(format_number(1234567.891) == "1234567.89");
}

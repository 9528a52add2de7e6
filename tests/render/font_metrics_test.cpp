#include "render/font_metrics.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using eventgraph::FontMetrics;
using eventgraph::FontWeight;
using eventgraph::kDejaVuDir;
using eventgraph::wrap_text;

const FontMetrics& fonts() {
  static const auto loaded = [] {
    std::string error;
    auto metrics = FontMetrics::load(kDejaVuDir, &error);
    INFO(error);
    REQUIRE(metrics);
    return metrics;
  }();
  return *loaded;
}

}  // namespace

TEST_CASE("widths match what Chromium measures for DejaVu Sans") {
  // getComputedTextLength() in headless Chromium for the same strings.
  CHECK(fonts().exact());
  CHECK(fonts().width("Russia objects to the Bucharest pledge and warns against NATO expansion",
                      12) == Approx(450.03125).margin(0.05));
  CHECK(fonts().width("AVAVAV To Ty Wo", 12) == Approx(100.5625).margin(0.05));
  CHECK(fonts().width("Russia objects to the Bucharest pledge", 12, FontWeight::bold) ==
        Approx(265.1875).margin(0.05));
  CHECK(fonts().width("Jan Feb Mar 2022 Q1", 11) == Approx(114.828125).margin(0.05));
}

TEST_CASE("widths scale with the size, add up, and kern") {
  CHECK(fonts().width("", 12) == 0);
  CHECK(fonts().width("timeline", 24) == Approx(2 * fonts().width("timeline", 12)));
  CHECK(fonts().width("iiii", 12) < fonts().width("WWWW", 12));
  CHECK(fonts().width("Istanbul talks", 12, FontWeight::bold) >
        fonts().width("Istanbul talks", 12));
  CHECK(fonts().width("ab", 12) == Approx(fonts().width("a", 12) + fonts().width("b", 12)));
  CHECK(fonts().width("AV", 12) < fonts().width("A", 12) + fonts().width("V", 12));
}

TEST_CASE("characters the font lacks count as one em") {
  CHECK(fonts().width("漢", 10) == Approx(10));
  CHECK(fonts().width("𝄞漢", 10) >= 19.9);
}

TEST_CASE("malformed UTF-8 is measured, not skipped") { CHECK(fonts().width("\xE2\x82", 12) > 0); }

TEST_CASE("line metrics are the font's") {
  CHECK(fonts().ascent(12) == Approx(11.14).margin(0.01));
  CHECK(fonts().descent(12) == Approx(2.83).margin(0.01));
}

TEST_CASE("a missing font is an error naming the file; the fallback overestimates") {
  std::string error;
  CHECK_FALSE(FontMetrics::load("/nonexistent-font-dir", &error));
  CHECK(error == "cannot read font '/nonexistent-font-dir/DejaVuSans.ttf'");
  const auto fallback = FontMetrics::fallback();
  CHECK_FALSE(fallback->exact());
  for (const char* text : {"Istanbul talks collapse", "WWW mmm", "1 Jan 2022"}) {
    CHECK(fallback->width(text, 12) > fonts().width(text, 12));
  }
}

TEST_CASE("wrapping keeps every word, within the width") {
  const std::string title =
      "Lavrov, beside Belarus's foreign minister, says Western leaders have "
      "signalled interest in talks";
  const auto lines = wrap_text(title, 200, 12, FontWeight::regular, fonts(), 0);
  REQUIRE(lines.size() > 1);
  std::string joined;
  for (const std::string& line : lines) {
    CHECK(fonts().width(line, 12) <= 200);
    joined += (joined.empty() ? "" : " ") + line;
  }
  CHECK(joined == title);
}

TEST_CASE("wrapping breaks long words, collapses spaces and ends cut text with an ellipsis") {
  const auto broken = wrap_text(std::string(80, 'w'), 100, 12, FontWeight::regular, fonts(), 0);
  CHECK(broken.size() > 4);
  for (const std::string& line : broken) CHECK(fonts().width(line, 12) <= 100);

  CHECK(wrap_text("  a \t b\n\nc  ", 500, 12, FontWeight::regular, fonts(), 0) ==
        std::vector<std::string>{"a b c"});
  CHECK(wrap_text("bell\a and \x1b[2J\xE2\x80\xAEreversed", 500, 12, FontWeight::regular, fonts(),
                  0) == std::vector<std::string>{"bell and [2Jreversed"});
  CHECK(wrap_text("", 100, 12, FontWeight::regular, fonts(), 3).empty());

  const auto cut = wrap_text("one two three four five six seven eight nine ten eleven twelve", 60,
                             12, FontWeight::regular, fonts(), 2);
  REQUIRE(cut.size() == 2);
  CHECK(cut[1].ends_with("…"));
  CHECK(fonts().width(cut[1], 12) <= 60);
}

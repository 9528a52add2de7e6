#include "render/date_words.h"

#include <catch2/catch.hpp>

#include <string>

namespace {

using namespace eventgraph;

// An EDTF date as the timeline and the tables describe it in words.
std::string words(std::string_view text) {
  const EdtfParseResult parsed = parse_edtf(text);
  INFO(text << ": " << parsed.error);
  REQUIRE(parsed.ok());
  return describe_date(parsed.date);
}

}  // namespace

TEST_CASE("dates in words") {
  CHECK(words("2022-02-24") == "24 Feb 2022");
  CHECK(words("2022-04?") == "Apr 2022 (uncertain)");
  CHECK(words("2023-11-24~") == "24 Nov 2023 (approximate)");
  CHECK(words("2022%") == "2022 (uncertain, approximate)");
  CHECK(words("2022-21") == "spring 2022");
  CHECK(words("2022-24") == "winter 2022");
  CHECK(words("201X") == "2010s");
  CHECK(words("2022-03/2022-04") == "Mar 2022 – Apr 2022");
  CHECK(words("2008-04-03/..") == "3 Apr 2008 – open-ended");
  CHECK(words("2022-10/") == "Oct 2022 – unknown end");
  CHECK(words("../2021") == "open start – 2021");
  CHECK(words("-0043") == "44 BCE");
  CHECK(describe_date(EdtfDate{}) == "no date");
  CHECK(year_label(0) == "1 BCE");
  CHECK(day_label(Day(date::sys_days{date::year{2026} / 2 / 10})) == "10 Feb 2026");
}

// Level 2: a one-of set is one of its members, an all-of set all of them;
// an open set end runs on; qualified components and groupings are named.
TEST_CASE("Level 2 dates in words") {
  CHECK(words("[1667,1668]") == "1667 or 1668");
  CHECK(words("[1667,1668,1670..1672]") == "1667, 1668 or 1670 – 1672");
  CHECK(words("{1960,1961-12}") == "1960 and Dec 1961");
  CHECK(words("[..1760-12-03]") == "on or before 3 Dec 1760");
  CHECK(words("[1760-01,1760-12..]") == "Jan 1760 or Dec 1760 or later");
  CHECK(words("2001-34") == "Q2 2001");
  CHECK(words("2001-29") == "spring (southern hemisphere) 2001");
  CHECK(words("2001-25") == "spring 2001");
  CHECK(words("2001-38") == "May–Aug 2001");
  CHECK(words("2001-41") == "Jul–Dec 2001");
  CHECK(words("156X-12-25") == "25 Dec in the 1560s");
  CHECK(words("15XX-12") == "Dec in the 1500s");
  CHECK(words("1X50") == "1050 – 1950");
  CHECK(words("1950S2") == "1900 – 1999, estimated 1950");
  CHECK(words("2004-06~-11") == "11 Jun 2004 (approximate)");
}

TEST_CASE("spans in the largest unit that fits") {
  CHECK(span_label(Days{3}) == "3 d");
  CHECK(span_label(Days{21}) == "3 wk");
  CHECK(span_label(Days{152}) == "5 mo");
  CHECK(span_label(Days{5114}) == "14 yr");
  CHECK(span_label(Days{static_cast<std::int64_t>(66e6 * kMeanYearDays)}) == "66 Myr");
}

#include "engine/edtf.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace Catch {
template <>
struct StringMaker<date::sys_days> {
  static std::string convert(date::sys_days day) { return eventgraph::format_day(day); }
};
}  // namespace Catch

namespace {

using Catch::Matchers::Contains;
using Catch::Matchers::Equals;
using Catch::Matchers::StartsWith;
using eventgraph::Bound;
using eventgraph::EdtfDate;
using eventgraph::EdtfKind;
using eventgraph::format_day;
using eventgraph::parse_edtf;
using eventgraph::Precision;

date::sys_days day(int y, unsigned m, unsigned d) {
  return date::sys_days{date::year_month_day{date::year{y}, date::month{m}, date::day{d}}};
}

EdtfDate parse_ok(std::string_view text) {
  auto result = parse_edtf(text);
  INFO("text: " << std::string(text) << ", error: " << result.error);
  REQUIRE(result.ok());
  CHECK(result.error.empty());
  return result.date;
}

std::string parse_error(std::string_view text) {
  auto result = parse_edtf(text);
  INFO("text: " << std::string(text));
  REQUIRE_FALSE(result.ok());
  CHECK_FALSE(result.date.ok());
  CHECK(result.error.find('\n') == std::string::npos);
  return result.error;
}

// Bounds of a date whose ends are both known.
void check_bounds(const EdtfDate& d, date::sys_days first, date::sys_days last) {
  INFO("text: " << d.text());
  REQUIRE(d.earliest().has_value());
  REQUIRE(d.latest().has_value());
  CHECK(*d.earliest() == first);
  CHECK(*d.latest() == last);
  CHECK(d.known_first() == first);
  CHECK(d.known_last() == last);
  CHECK(d.start() == Bound::known);
  CHECK(d.end() == Bound::known);
}

}  // namespace

TEST_CASE("day, month and year precision", "[edtf]") {
  auto year = parse_ok("2022");
  check_bounds(year, day(2022, 1, 1), day(2022, 12, 31));
  CHECK(year.precision() == Precision::year);
  CHECK_FALSE(year.is_interval());
  CHECK_FALSE(year.uncertain());
  CHECK_FALSE(year.approximate());
  CHECK(year.text() == "2022");

  auto month = parse_ok("2022-03");
  check_bounds(month, day(2022, 3, 1), day(2022, 3, 31));
  CHECK(month.precision() == Precision::month);

  auto day_date = parse_ok("2022-03-29");
  check_bounds(day_date, day(2022, 3, 29), day(2022, 3, 29));
  CHECK(day_date.precision() == Precision::day);
  CHECK(day_date.text() == "2022-03-29");

  check_bounds(parse_ok("2022-04"), day(2022, 4, 1), day(2022, 4, 30));
  check_bounds(parse_ok("2023-02"), day(2023, 2, 1), day(2023, 2, 28));
  check_bounds(parse_ok("2024-02"), day(2024, 2, 1), day(2024, 2, 29));
  check_bounds(parse_ok("0000"), day(0, 1, 1), day(0, 12, 31));
  check_bounds(parse_ok("9999-12-31"), day(9999, 12, 31), day(9999, 12, 31));
}

TEST_CASE("leap days are checked against the calendar", "[edtf]") {
  check_bounds(parse_ok("2000-02-29"), day(2000, 2, 29), day(2000, 2, 29));
  check_bounds(parse_ok("2024-02-29"), day(2024, 2, 29), day(2024, 2, 29));
  check_bounds(parse_ok("0000-02-29"), day(0, 2, 29), day(0, 2, 29));

  CHECK_THAT(parse_error("2001-02-29"),
             Equals("invalid date '2001-02-29': 2001 is not a leap year, so february has 28 days"));
  CHECK_THAT(parse_error("1900-02-29"),
             Equals("invalid date '1900-02-29': 1900 is not a leap year, so february has 28 days"));
  CHECK_THAT(parse_error("2000-02-30"),
             Equals("invalid date '2000-02-30': february 2000 has 29 days"));
  CHECK_THAT(parse_error("2023-02-31"), Contains("2023 is not a leap year"));
}

TEST_CASE("invalid months and days", "[edtf]") {
  CHECK_THAT(parse_error("2022-13"),
             Equals("invalid date '2022-13': month 13 is not between 01 and 12"));
  CHECK_THAT(parse_error("2022-00"),
             Equals("invalid date '2022-00': month 00 is not between 01 and 12"));
  CHECK_THAT(parse_error("2022-20"), Contains("month 20 is not between 01 and 12"));
  CHECK_THAT(
      parse_error("2022-99-01"),
      Contains("month 99 is neither a month (01-12) nor a season, quarter or semester (21-41)"));
  CHECK_THAT(parse_error("2004-04-31"), Equals("invalid date '2004-04-31': april has 30 days"));
  CHECK_THAT(parse_error("2004-11-31"), Contains("november has 30 days"));
  CHECK_THAT(parse_error("2022-03-00"),
             Equals("invalid date '2022-03-00': day 00 is not between 01 and 31"));
  CHECK_THAT(parse_error("2022-03-32"), Contains("day 32 is not between 01 and 31"));
  CHECK_THAT(parse_error("2022-3"), Contains("'2022-3'") && Contains("write 03"));
  CHECK_THAT(parse_error("2022-03-9"), Contains("a day must have two digits; write 09"));
  CHECK_THAT(parse_error("2022-003"), Contains("a month must have two digits"));
  CHECK_THAT(parse_error("2022-03-001"), Contains("a day must have two digits"));
  CHECK_THAT(parse_error("2022-"), Contains("expected a two-digit month after the year"));
  CHECK_THAT(parse_error("2022-03-"), Contains("expected a two-digit day after the month"));
}

TEST_CASE("years must have four digits", "[edtf]") {
  CHECK_THAT(parse_error("985"),
             Equals("invalid date '985': a year must have four digits; write 0985"));
  CHECK_THAT(parse_error("-985"), Contains("write -0985"));
  CHECK_THAT(parse_error("985/2000"), Contains("write 0985 (in the interval's start)"));
  CHECK_THAT(parse_error("29.03.2022"),
             Equals("invalid date '29.03.2022': expected a four-digit year, e.g. 2022"));
  CHECK_THAT(parse_error("12000"),
             Contains("'12000'") && Contains("needs the Y prefix, e.g. Y12000"));
  CHECK_THAT(parse_error("-12000"), Contains("Y-12000"));
  CHECK_THAT(parse_error("-"), Contains("expected a four-digit year"));
  CHECK_THAT(parse_error("March 2022"), Contains("unexpected space at character 6"));
  CHECK_THAT(parse_error("abc"),
             Equals("invalid date 'abc': expected a four-digit year, e.g. 2022"));
  CHECK_THAT(parse_error("+2022"), Contains("'+2022'") && Contains("expected a four-digit year"));
  CHECK_THAT(parse_error("--2022"), Contains("expected a four-digit year"));
}

TEST_CASE("negative years are astronomical", "[edtf]") {
  auto bce = parse_ok("-1985");
  check_bounds(bce, day(-1985, 1, 1), day(-1985, 12, 31));
  CHECK(bce.precision() == Precision::year);

  check_bounds(parse_ok("-0001"), day(-1, 1, 1), day(-1, 12, 31));
  check_bounds(parse_ok("-0001-03-15"), day(-1, 3, 15), day(-1, 3, 15));
  // Year -4 is a leap year in the proleptic Gregorian calendar, -1 is not.
  check_bounds(parse_ok("-0004-02-29"), day(-4, 2, 29), day(-4, 2, 29));
  CHECK_THAT(parse_error("-0001-02-29"), Contains("-0001 is not a leap year"));
  CHECK_THAT(parse_error("-0000"),
             Equals("invalid date '-0000': -0000 is not a valid year; write 0000"));
  CHECK_THAT(parse_error("-Y12000"), Contains("the minus sign goes after the Y"));
}

TEST_CASE("Y-prefixed years beyond four digits", "[edtf]") {
  auto future = parse_ok("Y12000");
  check_bounds(future, day(12000, 1, 1), day(12000, 12, 31));
  CHECK(future.precision() == Precision::year);
  CHECK(future.text() == "Y12000");

  check_bounds(parse_ok("Y-12000"), day(-12000, 1, 1), day(-12000, 12, 31));
  check_bounds(parse_ok("Y32767"), day(32767, 1, 1), day(32767, 12, 31));
  check_bounds(parse_ok("Y-32767"), day(-32767, 1, 1), day(-32767, 12, 31));
  CHECK(parse_ok("Y12000~").approximate());

  // Deep time: beyond date::year's +-32767, exact to the day.
  const auto earth = parse_ok("Y-4540000000");
  CHECK(format_day(earth.known_first()) == "-4540000000-01-01");
  CHECK(format_day(earth.known_last()) == "-4540000000-12-31");
  CHECK(format_day(parse_ok("Y170000002").known_last()) == "170000002-12-31");
  CHECK(format_day(parse_ok("Y-1000000000000").known_first()) == "-1000000000000-01-01");
  CHECK(format_day(parse_ok("Y1000000000000").known_last()) == "1000000000000-12-31");
  CHECK(earth < parse_ok("2022-03"));

  CHECK_THAT(parse_error("Y1000000000001"),
             Equals("invalid date 'Y1000000000001': year 1000000000001 is outside the supported "
                    "range -1000000000000 to 1000000000000"));
  CHECK_THAT(parse_error("Y-1000000000001"),
             Contains("year -1000000000001 is outside the supported range"));
  CHECK_THAT(parse_error("Y99999999999999999999999"),
             Contains("a year of 23 digits is outside the supported range"));
  CHECK_THAT(parse_error("Y2022"),
             Contains("the Y prefix is only for years of more than four digits; write 2022"));
  CHECK_THAT(parse_error("Y012000"), Contains("cannot start with 0"));
  CHECK_THAT(parse_error("Y"), Contains("expected digits after the Y"));
  CHECK_THAT(parse_error("Y12000-01"), Contains("a Y-prefixed year cannot have a month or day"));
  CHECK_THAT(parse_error("Y1200X"), Contains("cannot have unspecified digits"));
  CHECK_THAT(eventgraph::parse_edtf("Y17E7", eventgraph::EdtfLevel::one).error,
             Contains("EDTF level 2"));
}

TEST_CASE("seasons are meteorological, northern hemisphere", "[edtf]") {
  auto spring = parse_ok("2022-21");
  check_bounds(spring, day(2022, 3, 1), day(2022, 5, 31));
  CHECK(spring.precision() == Precision::season);
  check_bounds(parse_ok("2022-22"), day(2022, 6, 1), day(2022, 8, 31));
  check_bounds(parse_ok("2022-23"), day(2022, 9, 1), day(2022, 11, 30));
  check_bounds(parse_ok("2022-24"), day(2022, 12, 1), day(2023, 2, 28));
  check_bounds(parse_ok("2023-24"), day(2023, 12, 1), day(2024, 2, 29));
  check_bounds(parse_ok("1899-24"), day(1899, 12, 1), day(1900, 2, 28));
  check_bounds(parse_ok("9999-24"), day(9999, 12, 1), day(10000, 2, 29));
  check_bounds(parse_ok("-0001-24"), day(-1, 12, 1), day(0, 2, 29));
  CHECK(parse_ok("2022-23?").uncertain());

  CHECK_THAT(eventgraph::parse_edtf("2022-25", eventgraph::EdtfLevel::one).error,
             Contains("'2022-25'") && Contains("(25-41) is EDTF level 2"));
  CHECK_THAT(eventgraph::parse_edtf("2022-41", eventgraph::EdtfLevel::one).error,
             Contains("is EDTF level 2"));
  CHECK_THAT(parse_error("2022-42"), Contains("month 42 is neither a month (01-12) nor a season"));
  CHECK_THAT(parse_error("2022-21-01"), Contains("a season cannot have a day"));
}

TEST_CASE("qualifiers", "[edtf]") {
  auto uncertain = parse_ok("2022?");
  CHECK(uncertain.uncertain());
  CHECK_FALSE(uncertain.approximate());
  check_bounds(uncertain, day(2022, 1, 1), day(2022, 12, 31));
  CHECK(uncertain.text() == "2022?");

  auto approximate = parse_ok("2004-06~");
  CHECK(approximate.approximate());
  CHECK_FALSE(approximate.uncertain());
  check_bounds(approximate, day(2004, 6, 1), day(2004, 6, 30));

  auto both = parse_ok("2004-06-11%");
  CHECK(both.uncertain());
  CHECK(both.approximate());
  CHECK(both.precision() == Precision::day);
  check_bounds(both, day(2004, 6, 11), day(2004, 6, 11));

  CHECK_THAT(parse_error("2022?~"), Contains("use % for uncertain and approximate"));
  CHECK_THAT(parse_error("2022??"), Contains("a date takes one qualifier"));
  CHECK_THAT(eventgraph::parse_edtf("?2022", eventgraph::EdtfLevel::one).error,
             Contains("is EDTF level 2"));
  CHECK_THAT(eventgraph::parse_edtf("2022?-03", eventgraph::EdtfLevel::one).error,
             Contains("a qualifier inside a date"));
}

TEST_CASE("unspecified digits from the right", "[edtf]") {
  auto decade = parse_ok("201X");
  check_bounds(decade, day(2010, 1, 1), day(2019, 12, 31));
  CHECK(decade.precision() == Precision::decade);

  auto century = parse_ok("20XX");
  check_bounds(century, day(2000, 1, 1), day(2099, 12, 31));
  CHECK(century.precision() == Precision::century);

  auto month_xx = parse_ok("2025-XX");
  check_bounds(month_xx, day(2025, 1, 1), day(2025, 12, 31));
  CHECK(month_xx.precision() == Precision::year);

  auto day_xx = parse_ok("2025-10-XX");
  check_bounds(day_xx, day(2025, 10, 1), day(2025, 10, 31));
  CHECK(day_xx.precision() == Precision::month);

  auto both_xx = parse_ok("2025-XX-XX");
  check_bounds(both_xx, day(2025, 1, 1), day(2025, 12, 31));
  CHECK(both_xx.precision() == Precision::year);

  check_bounds(parse_ok("2024-02-XX"), day(2024, 2, 1), day(2024, 2, 29));
  check_bounds(parse_ok("-201X"), day(-2019, 1, 1), day(-2010, 12, 31));
  auto qualified = parse_ok("201X?");
  CHECK(qualified.uncertain());
  CHECK(qualified.precision() == Precision::decade);
}

TEST_CASE("misplaced or lowercase X is an error", "[edtf]") {
  CHECK_THAT(eventgraph::parse_edtf("2X25", eventgraph::EdtfLevel::one).error,
             Contains("'2X25'") && Contains("unspecified digits anywhere"));
  CHECK_THAT(eventgraph::parse_edtf("20X5", eventgraph::EdtfLevel::one).error,
             Contains("is EDTF level 2"));
  CHECK_THAT(eventgraph::parse_edtf("2XXX", eventgraph::EdtfLevel::one).error,
             Contains("is EDTF level 2"));
  CHECK_THAT(eventgraph::parse_edtf("XXXX", eventgraph::EdtfLevel::one).error,
             Contains("is EDTF level 2"));
  CHECK_THAT(eventgraph::parse_edtf("2025-XX-15", eventgraph::EdtfLevel::one).error,
             Contains("'2025-XX-15'") && Contains("is EDTF level 2"));
  CHECK_THAT(eventgraph::parse_edtf("2025-1X", eventgraph::EdtfLevel::one).error,
             Contains("is EDTF level 2"));
  CHECK_THAT(eventgraph::parse_edtf("2025-10-1X", eventgraph::EdtfLevel::one).error,
             Contains("is EDTF level 2"));
  CHECK_THAT(eventgraph::parse_edtf("201X-03", eventgraph::EdtfLevel::one).error,
             Contains("is EDTF level 2"));
  CHECK_THAT(parse_error("201x"), Contains("'201x'") && Contains("lowercase 'x' at character 4") &&
                                      Contains("use uppercase X"));
  CHECK_THAT(parse_error("2025-xx"), Contains("use uppercase X"));
}

TEST_CASE("intervals", "[edtf]") {
  auto months = parse_ok("2022-03/2022-04");
  check_bounds(months, day(2022, 3, 1), day(2022, 4, 30));
  CHECK(months.precision() == Precision::interval);
  CHECK(months.is_interval());
  CHECK(months.text() == "2022-03/2022-04");

  check_bounds(parse_ok("1964/2008"), day(1964, 1, 1), day(2008, 12, 31));
  check_bounds(parse_ok("2004-02-01/2005-02-08"), day(2004, 2, 1), day(2005, 2, 8));
  check_bounds(parse_ok("2022/2022"), day(2022, 1, 1), day(2022, 12, 31));
  check_bounds(parse_ok("2022-03-29/2022-03-29"), day(2022, 3, 29), day(2022, 3, 29));
  check_bounds(parse_ok("2022-24/2023-21"), day(2022, 12, 1), day(2023, 5, 31));
  check_bounds(parse_ok("201X/2022"), day(2010, 1, 1), day(2022, 12, 31));
  check_bounds(parse_ok("Y-12000/-0500"), day(-12000, 1, 1), day(-500, 12, 31));

  auto qualified = parse_ok("1984?/2004~");
  CHECK(qualified.uncertain());
  CHECK(qualified.approximate());
  check_bounds(qualified, day(1984, 1, 1), day(2004, 12, 31));
  auto start_only = parse_ok("1984~/2004");
  CHECK(start_only.approximate());
  CHECK_FALSE(start_only.uncertain());
  auto end_only = parse_ok("1984/2004-06?");
  CHECK(end_only.uncertain());
  CHECK_FALSE(end_only.approximate());
}

TEST_CASE("reversed and malformed intervals", "[edtf]") {
  CHECK_THAT(parse_error("2022-05/2022-03"),
             Equals("invalid date '2022-05/2022-03': the interval starts on 2022-05-01, after it "
                    "ends on 2022-03-31"));
  CHECK_THAT(parse_error("2022-03-02/2022-03-01"), Contains("starts on 2022-03-02"));
  // Overlapping ends are not reversed: 2022 begins before March 2022 ends.
  check_bounds(parse_ok("2022/2022-03"), day(2022, 1, 1), day(2022, 3, 31));
  CHECK_THAT(parse_error("2022-13/2023"),
             Contains("month 13 is not between 01 and 12 (in the interval's start)"));
  CHECK_THAT(parse_error("2022/2023-02-29"),
             Contains("2023 is not a leap year") && Contains("(in the interval's end)"));
  CHECK_THAT(parse_error("2022/03/29"), Contains("an interval has exactly one '/'"));
  CHECK_THAT(parse_error("2022//2023"), Contains("an interval has exactly one '/'"));
}

TEST_CASE("open and unknown interval ends", "[edtf]") {
  auto open_end = parse_ok("2025-10/..");
  CHECK(open_end.start() == Bound::known);
  CHECK(open_end.end() == Bound::open);
  REQUIRE(open_end.earliest().has_value());
  CHECK(*open_end.earliest() == day(2025, 10, 1));
  CHECK_FALSE(open_end.latest().has_value());
  CHECK(open_end.known_first() == day(2025, 10, 1));
  CHECK(open_end.known_last() == day(2025, 10, 31));
  CHECK(open_end.precision() == Precision::interval);

  auto open_start = parse_ok("../2021");
  CHECK(open_start.start() == Bound::open);
  CHECK(open_start.end() == Bound::known);
  CHECK_FALSE(open_start.earliest().has_value());
  REQUIRE(open_start.latest().has_value());
  CHECK(*open_start.latest() == day(2021, 12, 31));
  CHECK(open_start.known_first() == day(2021, 1, 1));
  CHECK(open_start.known_last() == day(2021, 12, 31));

  auto unknown_end = parse_ok("2025-10/");
  CHECK(unknown_end.end() == Bound::unknown);
  CHECK(unknown_end.start() == Bound::known);
  CHECK_FALSE(unknown_end.latest().has_value());
  CHECK(unknown_end.known_first() == day(2025, 10, 1));
  CHECK(unknown_end.known_last() == day(2025, 10, 31));

  auto unknown_start = parse_ok("/2021");
  CHECK(unknown_start.start() == Bound::unknown);
  CHECK_FALSE(unknown_start.earliest().has_value());
  CHECK(unknown_start.known_first() == day(2021, 1, 1));
  CHECK(unknown_start.known_last() == day(2021, 12, 31));

  auto qualified = parse_ok("../2021?");
  CHECK(qualified.uncertain());
  CHECK(qualified.text() == "../2021?");

  CHECK_THAT(parse_error(".."), Contains("'..'") && Contains("needs an interval"));
  for (std::string_view text : {"../..", "/", "../", "/.."}) {
    CHECK_THAT(parse_error(text), Contains("'" + std::string(text) + "'") &&
                                      Contains("an interval needs at least one known end"));
  }
  CHECK_THAT(parse_error("..2021/2022"), Contains("'..' stands alone"));
  CHECK_THAT(parse_error("2021/..?"), Contains("'..' stands alone"));
  CHECK_THAT(parse_error("2004/open"), Contains("old EDTF draft"));
  CHECK_THAT(parse_error("unknown/2006"), Contains("leave an unknown end empty"));
}

TEST_CASE("date-times count the calendar day as written", "[edtf]") {
  for (std::string_view text :
       {"2024-01-23T10:16:00Z", "2024-01-23T10:16:00+03:00", "2024-01-23T10:16:00-05:00",
        "2024-01-23T10:16:00", "2024-01-23T23:59:59-12:00", "2024-01-23T00:00:00+14:00",
        "2024-01-23T10:16:00+05", "2024-01-23T10:16:00+05:45"}) {
    auto d = parse_ok(text);
    check_bounds(d, day(2024, 1, 23), day(2024, 1, 23));
    CHECK(d.precision() == Precision::day);
    CHECK(d.text() == text);
    CHECK_FALSE(d.uncertain());
  }
  // Leap seconds fall on minute 59; an offset moves them to other hours.
  check_bounds(parse_ok("2016-12-31T23:59:60Z"), day(2016, 12, 31), day(2016, 12, 31));
  check_bounds(parse_ok("2017-01-01T02:59:60+03:00"), day(2017, 1, 1), day(2017, 1, 1));
  check_bounds(parse_ok("2024-01-23T10:00:00Z/2024-01-24T09:00:00Z"), day(2024, 1, 23),
               day(2024, 1, 24));

  CHECK_THAT(parse_error("2024-01-23T24:00:00"), Contains("hour 24 is not between 00 and 23"));
  CHECK_THAT(parse_error("2024-01-23T10:60:00"), Contains("minute 60 is not between 00 and 59"));
  CHECK_THAT(parse_error("2024-01-23T10:16:61"), Contains("second 61 is not between 00 and 59"));
  CHECK_THAT(parse_error("2024-01-23T10:16:60"), Contains("leap second"));
  CHECK_THAT(parse_error("2024-01-23T10:16:00+15:00"),
             Contains("offset +15:00 is outside -14:00 to +14:00"));
  CHECK_THAT(parse_error("2024-01-23T10:16:00-14:30"), Contains("offset -14:30 is outside"));
  CHECK_THAT(parse_error("2024-01-23T10:16:00+03:60"),
             Contains("offset minute 60 is not between 00 and 59"));
  CHECK_THAT(parse_error("2024-01-23T10:16:00+0300"), Contains("written +hh:mm"));
  CHECK_THAT(parse_error("2024-01-23T10:16:00+"), Contains("written +hh:mm"));
  CHECK_THAT(parse_error("2024-01-23T10:16"), Contains("a time is written hh:mm:ss"));
  CHECK_THAT(parse_error("2024-01-23T"), Contains("a time is written hh:mm:ss"));
  CHECK_THAT(parse_error("2024-01-23T1:16:00"), Contains("a time is written hh:mm:ss"));
  CHECK_THAT(parse_error("2024-01-23T10:16:00.5Z"), Contains("fractional seconds"));
  CHECK_THAT(parse_error("2024-01-23t10:16:00"), Contains("uppercase T"));
  CHECK_THAT(parse_error("2024-01-23T10:16:00z"), Contains("uppercase Z"));
  CHECK_THAT(
      parse_error("2024-01-23T10:16:00Z?"),
      Contains("'2024-01-23T10:16:00Z?'") && Contains("a date-time cannot have a qualifier"));
  CHECK_THAT(parse_error("2024-01-23T10:16:00~"), Contains("cannot have a qualifier"));
  CHECK_THAT(parse_error("2024-01T10:16:00"), Contains("a time needs a full date"));
  CHECK_THAT(parse_error("2024-01-XXT10:16:00"), Contains("a time needs a full date"));
  CHECK_THAT(parse_error("2024-02-30T10:16:00Z"), Contains("february 2024 has 29 days"));
  CHECK_THAT(parse_error("2024-01-23T10:16:00ZZ"),
             Contains("unexpected 'Z' after '2024-01-23T10:16:00Z'"));
}

TEST_CASE("garbage, whitespace and trailing characters", "[edtf]") {
  CHECK_THAT(
      parse_error(""),
      Equals("invalid date '': the text is empty; expected an EDTF date such as 2022-03-29"));
  CHECK_THAT(parse_error(" 2022"),
             Contains("' 2022'") && Contains("leading or trailing whitespace"));
  CHECK_THAT(parse_error("2022\n"), Contains("'2022\\x0a'") && Contains("whitespace"));
  CHECK_THAT(parse_error("   "), Contains("whitespace"));
  CHECK_THAT(parse_error("2022 -03"), Contains("unexpected space at character 5"));
  CHECK_THAT(parse_error("2022-03-29abc"),
             Equals("invalid date '2022-03-29abc': unexpected 'abc' after '2022-03-29'"));
  CHECK_THAT(parse_error("2022-03-29-01"), Contains("unexpected '-01' after '2022-03-29'"));
  CHECK_THAT(parse_error("2022-03-29Z"), Contains("unexpected 'Z'"));
  CHECK_THAT(parse_error("hello"), Contains("'hello'") && Contains("expected a four-digit year"));
  CHECK_THAT(eventgraph::parse_edtf("[1667,1668]", eventgraph::EdtfLevel::one).error,
             Contains("set") && Contains("level 2"));
  CHECK_THAT(eventgraph::parse_edtf("{1667,1668}", eventgraph::EdtfLevel::one).error,
             Contains("level 2"));
  CHECK_THAT(parse_error("2022-03-29\t"), Contains("whitespace"));
  CHECK_THAT(parse_error("2022\t-03"), Contains("unexpected byte '\\x09' at character 5"));
}

TEST_CASE("hostile input is rejected quickly and quoted safely", "[edtf]") {
  SECTION("a megabyte of digits") {
    const std::string huge(1 << 20, '9');
    const std::string error = parse_error(huge);
    CHECK_THAT(error, Contains("too long (1048576 bytes)"));
    CHECK_THAT(error, StartsWith("invalid date '" + std::string(40, '9') + "…'"));
    CHECK(error.size() < 200);
  }
  SECTION("a megabyte that starts like a date") {
    std::string huge = "2022-03-29/";
    huge.resize(1 << 20, '/');
    CHECK_THAT(parse_error(huge), Contains("too long"));
  }
  SECTION("just over the limit") {
    CHECK_THAT(parse_error(std::string(65, '1')), Contains("too long (65 bytes)"));
    CHECK_THAT(parse_error(std::string(64, '1')),
               Contains("a year of 64 digits is outside the supported range"));
  }
  SECTION("embedded NUL") {
    const std::string_view text("2022\0-03", 8);
    CHECK_THAT(parse_error(text), Equals("invalid date '2022\\x00-03': unexpected byte '\\x00' at "
                                         "character 5; EDTF is plain ASCII"));
    CHECK_THAT(parse_error(std::string_view("\0", 1)), Contains("'\\x00'"));
  }
  SECTION("invalid UTF-8 and non-ASCII") {
    CHECK_THAT(parse_error("\xff\xfe"),
               Contains("'\\xff\\xfe'") && Contains("unexpected byte '\\xff' at character 1"));
    CHECK_THAT(parse_error("2022\xe2\x80\x93"), Contains("'2022\\xe2\\x80\\x93'"));
    CHECK_THAT(parse_error("\x1b[31m2022"), Contains("'\\x1b[31m2022'"));
  }
  SECTION("long hostile quote is cut and escaped") {
    std::string text(60, '\x7f');
    const std::string error = parse_error(text);
    std::string expected_quote = "'";
    for (int i = 0; i < 40; ++i) expected_quote += "\\x7f";
    CHECK_THAT(error, Contains(expected_quote + "…'"));
  }
}

TEST_CASE("to_string names", "[edtf]") {
  using eventgraph::to_string;
  CHECK(to_string(Precision::day) == "day");
  CHECK(to_string(Precision::month) == "month");
  CHECK(to_string(Precision::season) == "season");
  CHECK(to_string(Precision::year) == "year");
  CHECK(to_string(Precision::decade) == "decade");
  CHECK(to_string(Precision::century) == "century");
  CHECK(to_string(Precision::interval) == "interval");
  CHECK(to_string(Bound::known) == "known");
  CHECK(to_string(Bound::open) == "open");
  CHECK(to_string(Bound::unknown) == "unknown");
}

TEST_CASE("format_day uses astronomical years", "[edtf]") {
  CHECK(format_day(day(2022, 3, 9)) == "2022-03-09");
  CHECK(format_day(day(-1, 1, 1)) == "-0001-01-01");
  CHECK(format_day(day(0, 3, 1)) == "0000-03-01");
  CHECK(format_day(day(12000, 1, 1)) == "12000-01-01");
  CHECK(format_day(day(-12000, 1, 1)) == "-12000-01-01");
  CHECK(format_day(day(-985, 12, 31)) == "-0985-12-31");
  CHECK(format_day(day(32767, 12, 31)) == "32767-12-31");
  CHECK(format_day(day(-32767, 1, 1)) == "-32767-01-01");
  CHECK(format_day(date::sys_days{}) == "1970-01-01");
}

TEST_CASE("a default date is not ok", "[edtf]") {
  const EdtfDate none;
  CHECK_FALSE(none.ok());
  CHECK(none.text().empty());
  CHECK(none.kind() == EdtfKind::date);
  CHECK(none.members().empty());
}

TEST_CASE("compare_bounds orders chronologically", "[edtf]") {
  using eventgraph::compare_bounds;
  const auto y2022 = parse_ok("2022");
  const auto march = parse_ok("2022-03");
  const auto march29 = parse_ok("2022-03-29");
  const auto open_start = parse_ok("../2021");
  const auto unknown_start = parse_ok("/2021");
  const auto open_end = parse_ok("2022/..");
  const auto unknown_end = parse_ok("2022/");

  // Same earliest day: the one ending first comes first.
  CHECK(compare_bounds(march, y2022) == std::strong_ordering::greater);
  CHECK(compare_bounds(y2022, parse_ok("2022-01")) == std::strong_ordering::greater);
  CHECK(compare_bounds(march, march29) == std::strong_ordering::less);
  CHECK(compare_bounds(march, parse_ok("2022-03~")) == std::strong_ordering::equal);
  // Missing starts sort before every known day, missing ends after.
  CHECK(compare_bounds(open_start, parse_ok("-1985")) == std::strong_ordering::less);
  CHECK(compare_bounds(parse_ok("Y-32767"), unknown_start) == std::strong_ordering::greater);
  CHECK(compare_bounds(open_start, unknown_start) == std::strong_ordering::equal);
  CHECK(compare_bounds(y2022, open_end) == std::strong_ordering::less);
  CHECK(compare_bounds(open_end, parse_ok("2022/Y32767")) == std::strong_ordering::greater);
  CHECK(compare_bounds(open_end, unknown_end) == std::strong_ordering::equal);

  std::vector<EdtfDate> dates = {open_end,
                                 march29,
                                 y2022,
                                 open_start,
                                 parse_ok("2022-03/2022-04"),
                                 march,
                                 parse_ok("2021-24"),
                                 unknown_start};
  std::sort(dates.begin(), dates.end());
  std::vector<std::string> texts;
  for (const auto& d : dates) texts.push_back(d.text());
  // ../2021 and /2021 tie on bounds; text breaks the tie ('.' < '/').
  CHECK(texts == std::vector<std::string>{"../2021", "/2021", "2021-24", "2022", "2022/..",
                                          "2022-03", "2022-03/2022-04", "2022-03-29"});
}

TEST_CASE("operator<=> breaks ties by text", "[edtf]") {
  const auto a = parse_ok("2022-03");
  const auto b = parse_ok("2022-03~");
  CHECK((a <=> b) == std::strong_ordering::less);
  CHECK(a != b);
  CHECK(a == parse_ok("2022-03"));
  CHECK(parse_ok("2022-21") < parse_ok("2022-06"));
  CHECK(parse_ok("2022-22") > parse_ok("2022-06"));
}

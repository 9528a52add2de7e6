// EDTF Level 2: sets, component qualifiers, unspecified digits anywhere,
// exponential years, significant digits and sub-year groupings 25-41.
#include "engine/edtf.h"

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

namespace {

using Catch::Matchers::Contains;
using eventgraph::Bound;
using eventgraph::CivilDay;
using eventgraph::Day;
using eventgraph::EdtfDate;
using eventgraph::EdtfKind;
using eventgraph::EdtfLevel;
using eventgraph::format_day;
using eventgraph::parse_edtf;
using eventgraph::Precision;
using eventgraph::Qualifier;
using eventgraph::Year;

Day day(std::int64_t y, unsigned m, unsigned d) {
  return eventgraph::to_day(CivilDay{Year(y), date::month{m}, date::day{d}});
}

EdtfDate parse_ok(std::string_view text) {
  auto result = parse_edtf(text);
  INFO("text: " << std::string(text) << ", error: " << result.error);
  REQUIRE(result.ok());
  return result.date;
}

std::string parse_error(std::string_view text, EdtfLevel level = EdtfLevel::two) {
  auto result = parse_edtf(text, level);
  INFO("text: " << std::string(text));
  REQUIRE_FALSE(result.ok());
  CHECK(result.error.find('\n') == std::string::npos);
  return result.error;
}

// Known bounds, precision and level.
void check(std::string_view text, Day first, Day last, Precision precision,
           EdtfLevel level = EdtfLevel::two) {
  const EdtfDate d = parse_ok(text);
  INFO("text: " << std::string(text) << " first " << format_day(d.known_first()) << " last "
                << format_day(d.known_last()));
  REQUIRE(d.earliest().has_value());
  REQUIRE(d.latest().has_value());
  CHECK(*d.earliest() == first);
  CHECK(*d.latest() == last);
  CHECK(d.precision() == precision);
  CHECK(d.level() == level);
}

}  // namespace

TEST_CASE("one-of sets span their earliest to their latest member", "[edtf][level2]") {
  const EdtfDate d = parse_ok("[1667,1668,1670..1672]");
  CHECK(d.kind() == EdtfKind::one_of);
  CHECK(d.is_set());
  CHECK(d.level() == EdtfLevel::two);
  CHECK(d.precision() == Precision::set);
  CHECK(*d.earliest() == day(1667, 1, 1));
  CHECK(*d.latest() == day(1672, 12, 31));
  REQUIRE(d.members().size() == 3);
  CHECK(d.member_text(d.members()[0]) == "1667");
  CHECK(d.member_text(d.members()[2]) == "1670..1672");
  CHECK(d.members()[2].is_range());
  CHECK_FALSE(d.members()[0].is_range());
  CHECK(d.members()[2].days().first() == day(1670, 1, 1));
  CHECK(d.members()[2].days().last() == day(1672, 12, 31));
  // Written out of order, members keep their order; the bounds do not care.
  const EdtfDate shuffled = parse_ok("[1668-05, 1667-03-02]");
  CHECK(*shuffled.earliest() == day(1667, 3, 2));
  CHECK(*shuffled.latest() == day(1668, 5, 31));
  CHECK(shuffled.member_text(shuffled.members()[1]) == "1667-03-02");
  CHECK(shuffled.start_date().day == 2);
  CHECK(shuffled.end_date().month == 5);
  check("[1667]", day(1667, 1, 1), day(1667, 12, 31), Precision::set);
}

TEST_CASE("all-of sets and members of any precision", "[edtf][level2]") {
  const EdtfDate d = parse_ok("{1960, 1961-12}");
  CHECK(d.kind() == EdtfKind::all_of);
  CHECK(*d.earliest() == day(1960, 1, 1));
  CHECK(*d.latest() == day(1961, 12, 31));
  CHECK(d.members().size() == 2);
  const EdtfDate q = parse_ok("[1984?, 2004-06~]");
  CHECK(q.uncertain());
  CHECK(q.approximate());
}

TEST_CASE("sets with open ends", "[edtf][level2]") {
  const EdtfDate before = parse_ok("[..1760-12-03]");
  CHECK(before.start() == Bound::open);
  CHECK(before.end() == Bound::known);
  CHECK_FALSE(before.earliest().has_value());
  CHECK(*before.latest() == day(1760, 12, 3));
  CHECK(before.members()[0].start == Bound::open);
  const EdtfDate after = parse_ok("[1760-01, 1760-02, 1760-12..]");
  CHECK(after.end() == Bound::open);
  CHECK(*after.earliest() == day(1760, 1, 1));
  CHECK_FALSE(after.latest().has_value());
  CHECK(after.known_last() == day(1760, 12, 31));
}

TEST_CASE("malformed sets", "[edtf][level2]") {
  CHECK_THAT(parse_error("[]"), Contains("at least one date"));
  CHECK_THAT(parse_error("[1667,,1668]"), Contains("member is empty") && Contains("member 2"));
  CHECK_THAT(parse_error("[1667,1668"), Contains("closes with ']'"));
  CHECK_THAT(parse_error("{1667,1668]"), Contains("closes with '}'"));
  CHECK_THAT(parse_error("1667]"), Contains("a set opens with"));
  CHECK_THAT(parse_error("[[1667]]"), Contains("nested"));
  CHECK_THAT(parse_error("[1667/1668]"), Contains("cannot be an interval"));
  CHECK_THAT(parse_error("[1672..1670]"), Contains("starts on 1672-01-01"));
  CHECK_THAT(parse_error("[1667..,1668]"), Contains("only the last member"));
  CHECK_THAT(parse_error("[1667,..1668]"), Contains("only the first member"));
  CHECK_THAT(parse_error("[..]"), Contains("'..' alone"));
  CHECK_THAT(parse_error("[16 67]"), Contains("unexpected space"));
  CHECK_THAT(parse_error("[1667,2022-13]"), Contains("month 13") && Contains("member 2"));
  CHECK_THAT(parse_error("[1667,1668]", EdtfLevel::one),
             Contains("a one-of set [...] is EDTF level 2") && Contains("level 1 allowed"));
  CHECK_THAT(parse_error("{1667}", EdtfLevel::zero),
             Contains("an all-of set {...} is EDTF level 2"));
}

TEST_CASE("component qualifiers qualify one component or a group", "[edtf][level2]") {
  const EdtfDate day_only = parse_ok("2004-06-~11");
  CHECK(day_only.start_date().day_qualifier == Qualifier::approximate);
  CHECK(day_only.start_date().month_qualifier == Qualifier::none);
  CHECK(day_only.start_date().year_qualifier == Qualifier::none);
  CHECK(day_only.level() == EdtfLevel::two);
  CHECK(*day_only.earliest() == day(2004, 6, 11));
  CHECK(day_only.precision() == Precision::day);

  const EdtfDate month_only = parse_ok("2004-?06-11");
  CHECK(month_only.start_date().month_qualifier == Qualifier::uncertain);
  CHECK(month_only.start_date().year_qualifier == Qualifier::none);

  const EdtfDate both = parse_ok("?2004-06-~11");
  CHECK(both.start_date().year_qualifier == Qualifier::uncertain);
  CHECK(both.start_date().month_qualifier == Qualifier::none);
  CHECK(both.start_date().day_qualifier == Qualifier::approximate);

  const EdtfDate group = parse_ok("2004-06~-11");
  CHECK(group.start_date().year_qualifier == Qualifier::approximate);
  CHECK(group.start_date().month_qualifier == Qualifier::approximate);
  CHECK(group.start_date().day_qualifier == Qualifier::none);

  const EdtfDate year = parse_ok("2004?-06-11");
  CHECK(year.start_date().year_qualifier == Qualifier::uncertain);
  CHECK(year.start_date().month_qualifier == Qualifier::none);
  CHECK(year.level() == EdtfLevel::two);

  // A qualifier at the end stays level 1 and qualifies everything.
  const EdtfDate end = parse_ok("2004-06-11%");
  CHECK(end.level() == EdtfLevel::one);
  CHECK(end.start_date().month_qualifier == Qualifier::uncertain_and_approximate);

  CHECK_THAT(parse_error("2004-06-~11", EdtfLevel::one), Contains("is EDTF level 2"));
  CHECK_THAT(parse_error("2004-??06-11"), Contains("one qualifier"));
  CHECK_THAT(parse_error("2004-06?~"), Contains("one qualifier"));
  CHECK_THAT(parse_error("2004-06-~11T10:00:00"), Contains("a time needs a full date"));
}

TEST_CASE("unspecified digits anywhere", "[edtf][level2]") {
  check("156X-12-25", day(1560, 12, 25), day(1569, 12, 25), Precision::day);
  check("15XX-12-25", day(1500, 12, 25), day(1599, 12, 25), Precision::day);
  check("XXXX-12-XX", day(0, 12, 1), day(9999, 12, 31), Precision::month);
  check("1XXX-XX", day(1000, 1, 1), day(1999, 12, 31), Precision::millennium);
  check("1XXX", day(1000, 1, 1), day(1999, 12, 31), Precision::millennium);
  check("XXXX", day(0, 1, 1), day(9999, 12, 31), Precision::unspecified);
  check("1X50", day(1050, 1, 1), day(1950, 12, 31), Precision::year);
  check("2004-1X", day(2004, 10, 1), day(2004, 12, 31), Precision::month);
  check("2004-0X-3X", day(2004, 1, 30), day(2004, 9, 30), Precision::day);
  check("2004-XX-15", day(2004, 1, 15), day(2004, 12, 15), Precision::day);
  check("-1XXX", day(-1999, 1, 1), day(-1000, 12, 31), Precision::millennium);
  // Level 1 forms keep level 1.
  check("201X", day(2010, 1, 1), day(2019, 12, 31), Precision::decade, EdtfLevel::one);
  check("2004-XX-XX", day(2004, 1, 1), day(2004, 12, 31), Precision::year, EdtfLevel::one);
  // Inside intervals.
  const EdtfDate interval = parse_ok("156X-12-25/2004-06-XX");
  CHECK(*interval.earliest() == day(1560, 12, 25));
  CHECK(*interval.latest() == day(2004, 6, 30));
  CHECK(interval.level() == EdtfLevel::two);

  CHECK_THAT(parse_error("2004-2X"), Contains("matches no month"));
  CHECK_THAT(parse_error("2004-01-4X"), Contains("matches no day"));
  CHECK_THAT(parse_error("2021-02-3X"), Contains("no calendar day matches"));
  CHECK_THAT(parse_error("19X1-02-29"), Contains("no calendar day matches"));
  CHECK_THAT(parse_error("156X-12-25", EdtfLevel::one),
             Contains("unspecified digits anywhere") && Contains("level 2"));
  CHECK_THAT(parse_error("1XXX", EdtfLevel::one), Contains("level 2"));
}

TEST_CASE("exponential years and significant digits", "[edtf][level2]") {
  check("Y-17E7", day(-170000000, 1, 1), day(-170000000, 12, 31), Precision::year);
  check("Y17E7", day(170000000, 1, 1), day(170000000, 12, 31), Precision::year);
  check("1950S2", day(1900, 1, 1), day(1999, 12, 31), Precision::century);
  check("1950S4", day(1950, 1, 1), day(1950, 12, 31), Precision::year);
  check("Y171010000S3", day(171000000, 1, 1), day(171999999, 12, 31), Precision::millennium);
  check("Y17101E4S3", day(171000000, 1, 1), day(171999999, 12, 31), Precision::millennium);
  check("Y-45E8", day(-4500000000, 1, 1), day(-4500000000, 12, 31), Precision::year);
  const EdtfDate s = parse_ok("1950S2");
  CHECK(s.start_date().significant_digits == 2);
  CHECK(s.start_date().year == 1950);
  const EdtfDate e = parse_ok("Y17101E4S3");
  CHECK(e.start_date().exponential);
  CHECK(e.start_date().year == 171010000);
  CHECK(e.start_date().significant_digits == 3);
  const EdtfDate neg = parse_ok("-1950S2");
  CHECK(*neg.earliest() == day(-1999, 1, 1));
  CHECK(*neg.latest() == day(-1900, 12, 31));

  CHECK_THAT(parse_error("1950S5"), Contains("not between S1 and S4"));
  CHECK_THAT(parse_error("1950S0"), Contains("not between S1 and S4"));
  CHECK_THAT(parse_error("1950S"), Contains("S and a number"));
  CHECK_THAT(parse_error("195XS2"), Contains("cannot have significant digits"));
  CHECK_THAT(parse_error("1950-01S2"), Contains("follow a year alone"));
  CHECK_THAT(parse_error("Y17E"), Contains("E and digits"));
  CHECK_THAT(parse_error("Y17E99"), Contains("outside the supported range"));
  CHECK_THAT(parse_error("Y2E12"), Contains("outside the supported range"));
  CHECK_THAT(parse_error("Y-17E7", EdtfLevel::one),
             Contains("an exponential year (E) is EDTF level 2"));
  CHECK_THAT(parse_error("1950S2", EdtfLevel::one),
             Contains("significant digits (S) is EDTF level 2"));
}

TEST_CASE("sub-year groupings 25-41", "[edtf][level2]") {
  check("2001-25", day(2001, 3, 1), day(2001, 5, 31), Precision::season);
  check("2001-28", day(2001, 12, 1), day(2002, 2, 28), Precision::season);
  check("2001-29", day(2001, 9, 1), day(2001, 11, 30), Precision::season);  // southern spring
  check("2001-30", day(2001, 12, 1), day(2002, 2, 28), Precision::season);  // southern summer
  check("2001-31", day(2001, 3, 1), day(2001, 5, 31), Precision::season);   // southern autumn
  check("2001-32", day(2001, 6, 1), day(2001, 8, 31), Precision::season);   // southern winter
  check("2001-33", day(2001, 1, 1), day(2001, 3, 31), Precision::quarter);
  check("2001-34", day(2001, 4, 1), day(2001, 6, 30), Precision::quarter);
  check("2001-36", day(2001, 10, 1), day(2001, 12, 31), Precision::quarter);
  check("2001-37", day(2001, 1, 1), day(2001, 4, 30), Precision::quadrimester);
  check("2001-39", day(2001, 9, 1), day(2001, 12, 31), Precision::quadrimester);
  check("2001-40", day(2001, 1, 1), day(2001, 6, 30), Precision::semester);
  check("2001-41", day(2001, 7, 1), day(2001, 12, 31), Precision::semester);
  check("2001-21", day(2001, 3, 1), day(2001, 5, 31), Precision::season, EdtfLevel::one);
  CHECK_THAT(parse_error("2001-42"), Contains("month 42 is neither a month (01-12) nor a season"));
  CHECK_THAT(parse_error("2001-34-01"), Contains("a season cannot have a day"));
  CHECK_THAT(parse_error("2001-34", EdtfLevel::one),
             Contains("sub-year grouping (25-41) is EDTF level 2"));
}

TEST_CASE("extended intervals with qualified or unspecified ends", "[edtf][level2]") {
  const EdtfDate d = parse_ok("2004-06-~01/2004-06-~20");
  CHECK(*d.earliest() == day(2004, 6, 1));
  CHECK(*d.latest() == day(2004, 6, 20));
  CHECK(d.approximate());
  CHECK(d.level() == EdtfLevel::two);
  const EdtfDate x = parse_ok("2004-06-XX/2004-07-03");
  CHECK(*x.earliest() == day(2004, 6, 1));
  CHECK(*x.latest() == day(2004, 7, 3));
  const EdtfDate open = parse_ok("1XXX/..");
  CHECK(open.end() == Bound::open);
  CHECK(*open.earliest() == day(1000, 1, 1));
}

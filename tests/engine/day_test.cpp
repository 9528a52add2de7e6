#include "engine/day.h"

#include <catch2/catch.hpp>

#include <cstdint>

namespace {

using eventgraph::CivilDay;
using eventgraph::Day;
using eventgraph::DayRange;
using eventgraph::Days;
using eventgraph::format_day;
using eventgraph::format_year;
using eventgraph::to_civil;
using eventgraph::to_day;
using eventgraph::Year;

CivilDay civil(std::int64_t y, unsigned m, unsigned d) {
  return CivilDay{Year(y), date::month{m}, date::day{d}};
}

// Days in `years` whole Gregorian years, when `years` is a multiple of 400.
constexpr std::int64_t days_in_cycles(std::int64_t years) { return years / 400 * 146097; }

}  // namespace

TEST_CASE("Day agrees with date::sys_days wherever date reaches", "[day]") {
  for (int y : {-32767, -4713, -1, 0, 1, 1582, 1970, 2000, 2022, 2024, 32767}) {
    for (unsigned m : {1u, 2u, 3u, 12u}) {
      const date::year_month_day ymd{date::year{y} / date::month{m} / date::last};
      const date::sys_days expected{ymd};
      const Day ours = to_day(civil(y, m, static_cast<unsigned>(ymd.day())));
      INFO(y << "-" << m);
      CHECK(ours == Day(expected));
      CHECK(eventgraph::to_sys_days(ours) == expected);
      CHECK(to_civil(ours) == civil(y, m, static_cast<unsigned>(ymd.day())));
    }
  }
  CHECK(Day() == Day(date::sys_days{}));
  CHECK(format_day(Day()) == "1970-01-01");
}

TEST_CASE("deep time is exact to the day at +-10^10 years and beyond", "[day]") {
  // 400 Gregorian years are exactly 146097 days, so whole cycles of years
  // between two 1 January days are known exactly.
  for (std::int64_t years : {std::int64_t{10'000'000'000}, std::int64_t{-10'000'000'000},
                             std::int64_t{1'000'000'000'000}, std::int64_t{-999'999'999'600}}) {
    INFO(years);
    const Day from = to_day(civil(2000, 1, 1));
    const Day to = to_day(civil(2000 + years, 1, 1));
    CHECK((to - from).count() == days_in_cycles(years));
    CHECK(to_civil(to) == civil(2000 + years, 1, 1));
  }
  // The age of the universe, and a round trip through the civil calendar
  // across leap days, month ends and year 0.
  for (std::int64_t y :
       {std::int64_t{-13'800'000'000}, std::int64_t{-4'540'000'000}, std::int64_t{-66'000'000},
        std::int64_t{-1}, std::int64_t{0}, std::int64_t{13'800'000'000}}) {
    for (const CivilDay& c : {civil(y, 1, 1), civil(y, 2, 28), civil(y, 3, 1), civil(y, 12, 31)}) {
      INFO(format_year(c.year) << "-" << static_cast<unsigned>(c.month));
      CHECK(to_civil(to_day(c)) == c);
      CHECK(to_day(c) + Days{1} > to_day(c));
    }
  }
  CHECK(to_day(civil(-4'540'000'000, 3, 1)) - to_day(civil(-4'540'000'000, 2, 28)) == Days{2});
  CHECK(Year(-4'540'000'000).is_leap());
  CHECK_FALSE(Year(-4'540'000'100).is_leap());
  CHECK(format_day(to_day(civil(-4'540'000'000, 2, 29))) == "-4540000000-02-29");
  CHECK(format_day(eventgraph::kFirstDay) == "-1000000000000-01-01");
  CHECK(format_day(eventgraph::kLastDay) == "1000000000000-12-31");
}

TEST_CASE("to_sys_days refuses what date::year cannot hold", "[day]") {
  const Day before = to_day(civil(-32768, 12, 31));
  const Day after = to_day(civil(32768, 1, 1));
  CHECK_FALSE(eventgraph::to_sys_days(before).has_value());
  CHECK_FALSE(eventgraph::to_sys_days(after).has_value());
  CHECK(eventgraph::clamp_to_sys_days(before) ==
        date::sys_days{date::year{-32767} / date::January / 1});
  CHECK(eventgraph::clamp_to_sys_days(after) ==
        date::sys_days{date::year{32767} / date::December / 31});
}

TEST_CASE("a CivilDay knows whether it exists", "[day]") {
  CHECK(civil(2024, 2, 29).ok());
  CHECK_FALSE(civil(2023, 2, 29).ok());
  CHECK(civil(-4, 2, 29).ok());
  CHECK_FALSE(civil(-1, 2, 29).ok());
  CHECK_FALSE(civil(2022, 13, 1).ok());
  CHECK_FALSE(civil(2022, 4, 31).ok());
  CHECK_FALSE(civil(1'000'000'000'001, 1, 1).ok());
  CHECK(eventgraph::days_in_month(Year(1900), date::February) == 28);
  CHECK(eventgraph::days_in_month(Year(2000), date::February) == 29);
}

TEST_CASE("DayRange is half-open", "[day]") {
  const Day first = to_day(civil(2022, 3, 1));
  const DayRange march = DayRange::inclusive(first, to_day(civil(2022, 3, 31)));
  CHECK(march.length() == Days{31});
  CHECK(march.first() == first);
  CHECK(march.last() == to_day(civil(2022, 3, 31)));
  CHECK(march.end() == to_day(civil(2022, 4, 1)));
  CHECK(march.contains(first));
  CHECK(march.contains(march.last()));
  CHECK_FALSE(march.contains(march.end()));
  CHECK_FALSE(march.contains(first - Days{1}));

  const DayRange april(march.end(), Days{30});
  CHECK_FALSE(march.overlaps(april));  // they touch, but share no day
  CHECK(march.hull(april) == DayRange(first, Days{61}));
  CHECK(march.overlaps(DayRange(march.last(), Days{1})));

  const DayRange empty = DayRange::inclusive(first, first - Days{1});
  CHECK(empty.empty());
  CHECK(DayRange(first, Days{-5}).empty());
  CHECK_FALSE(empty.overlaps(march));
  CHECK(empty.hull(march) == march);
  CHECK(march.hull(empty) == march);
}

TEST_CASE("years are written at least four digits wide", "[day]") {
  CHECK(format_year(Year(0)) == "0000");
  CHECK(format_year(Year(-1)) == "-0001");
  CHECK(format_year(Year(12000)) == "12000");
  CHECK(format_year(Year(-4'540'000'000)) == "-4540000000");
  CHECK(format_year(Year(INT64_MIN)) == "-9223372036854775808");
}

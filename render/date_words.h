// Dates in words, as readers write them: tick labels from days to billions
// of years, days ("24 Feb 2022"), hidden spans ("3 yr") and whole EDTF dates
// for tooltips and tables ("spring 2022", "1667 or 1668"). One home, so the
// timeline, the diagram, the exports and the CLI say a date the same way.
#pragma once

#include "engine/day.h"
#include "engine/edtf.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace eventgraph {

/// Mean Gregorian year, in days.
inline constexpr double kMeanYearDays = 365.2425;

/// From this tick step on (years), tick labels are ages in ka, Ma or Ga.
inline constexpr std::int64_t kDeepTickYears = 100'000;

/// A stretch of time in the largest unit that fits: "12 d", "3 wk", "5 mo",
/// "14 yr", "1,000 yr", "66 Myr".
std::string span_label(Days span);

/// "Jan" .. "Dec".
std::string_view month_abbreviation(unsigned month);

/// A year as readers write it: "2022", "44 BCE" for astronomical -43,
/// "10,000 BCE" (digits grouped from five digits on).
std::string year_label(std::int64_t year);

/// The label of a tick at the start of astronomical `year` on an axis with
/// ticks every `step` years: calendar years below 100,000-year steps
/// ("1969", "10,000 BCE"), above them the time before year 0 in the unit
/// geologists use at that scale ("300 ka", "66 Ma", "4.5 Ga").
std::string year_tick_label(std::int64_t year, std::int64_t step);

/// A time before the present in years as geologists write it, with three
/// significant digits: "4.54 Ga", "66 Ma", "315 ka"; below 10,000 years
/// "9,700 years".
std::string age_label(double years);

/// A day as readers write it: "24 Feb 2022"; before 10,000 BCE only the
/// year, as nobody dates deep time to the day: "4,540,000,001 BCE".
std::string day_label(Day day);

/// A date in words for tooltips: "Apr 2022 (uncertain)", "spring 2022",
/// "15 Dec 2021 – 17 Dec 2021", "3 Apr 2008 – open-ended".
std::string describe_date(const EdtfDate& date);

}  // namespace eventgraph

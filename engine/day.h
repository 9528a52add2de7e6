// Calendar days at any time scale: a 64-bit day type, a half-open range of
// days, and exact proleptic Gregorian conversion for any year from -10^12 to
// 10^12 (the universe is 1.38 x 10^10 years old).
//
// Day is to eventgraph what date::sys_days is to Hinnant's date: a count of
// days since 1970-01-01, only 64 bits wide, so that deep time is exact. Every
// date::sys_days converts to a Day without loss; the way back is explicit and
// checked (to_sys_days), because date::year stops at +-32767.
#pragma once

#include <date/date.h>

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <ratio>
#include <string>

namespace eventgraph {

/// A number of days, 64-bit.
using Days = std::chrono::duration<std::int64_t, std::ratio<86400>>;

/// The supported years, astronomical (0 is 1 BCE): a trillion years either way.
inline constexpr std::int64_t kMinYear = -1'000'000'000'000;
inline constexpr std::int64_t kMaxYear = 1'000'000'000'000;

/// A proleptic Gregorian year, astronomical numbering, 64-bit.
class Year {
 public:
  constexpr Year() noexcept = default;  ///< year 0 (1 BCE)
  constexpr explicit Year(std::int64_t value) noexcept : value_(value) {}
  constexpr std::int64_t value() const noexcept { return value_; }
  /// Within kMinYear..kMaxYear.
  constexpr bool ok() const noexcept { return value_ >= kMinYear && value_ <= kMaxYear; }
  constexpr bool is_leap() const noexcept {
    return value_ % 4 == 0 && (value_ % 100 != 0 || value_ % 400 == 0);
  }
  friend constexpr auto operator<=>(Year, Year) noexcept = default;

 private:
  std::int64_t value_ = 0;
};

/// A calendar day: days since 1970-01-01 in the proleptic Gregorian calendar.
/// Regular value type; a default Day is 1970-01-01.
class Day {
 public:
  constexpr Day() noexcept = default;
  constexpr explicit Day(Days since_epoch) noexcept : since_epoch_(since_epoch) {}
  /// Widening, like chrono's own conversions: every date::sys_days is a Day.
  constexpr Day(date::sys_days day) noexcept  // NOLINT(google-explicit-constructor)
      : since_epoch_(day.time_since_epoch().count()) {}

  constexpr Days since_epoch() const noexcept { return since_epoch_; }

  constexpr Day& operator+=(Days d) noexcept {
    since_epoch_ += d;
    return *this;
  }
  constexpr Day& operator-=(Days d) noexcept {
    since_epoch_ -= d;
    return *this;
  }
  friend constexpr Day operator+(Day day, Days d) noexcept { return day += d; }
  friend constexpr Day operator+(Days d, Day day) noexcept { return day += d; }
  friend constexpr Day operator-(Day day, Days d) noexcept { return day -= d; }
  friend constexpr Days operator-(Day a, Day b) noexcept { return a.since_epoch_ - b.since_epoch_; }
  friend constexpr auto operator<=>(Day, Day) noexcept = default;

 private:
  Days since_epoch_{0};
};

/// A day as year, month and day of month. The parts have distinct types, so
/// they cannot be swapped; ok() says whether the day exists.
struct CivilDay {
  Year year;
  date::month month{1};
  date::day day{1};

  constexpr bool ok() const noexcept;
  friend constexpr bool operator==(const CivilDay&, const CivilDay&) noexcept = default;
};

/// The number of days in `month` of `year` (28 to 31).
constexpr unsigned days_in_month(Year year, date::month month) noexcept {
  constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const auto m = static_cast<unsigned>(month);
  if (m < 1 || m > 12) return 0;
  return m == 2 && year.is_leap() ? 29 : kDays[m - 1];
}

constexpr bool CivilDay::ok() const noexcept {
  const auto d = static_cast<unsigned>(day);
  return year.ok() && month.ok() && d >= 1 && d <= days_in_month(year, month);
}

/// The Day of a civil date. Exact for every ok() CivilDay; Howard Hinnant's
/// days_from_civil ("chrono-Compatible Low-Level Date Algorithms") in 64 bits,
/// the algorithm date::sys_days itself uses.
constexpr Day to_day(const CivilDay& civil) noexcept {
  const auto m = static_cast<unsigned>(civil.month);
  const auto d = static_cast<unsigned>(civil.day);
  const std::int64_t y = civil.year.value() - (m <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(y - era * 400);                 // [0, 399]
  const unsigned day_of_year = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const unsigned day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;  // [0, 146096]
  return Day(Days{era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468});
}

/// The civil date of a Day; the inverse of to_day (Hinnant's civil_from_days).
constexpr CivilDay to_civil(Day day) noexcept {
  const std::int64_t z = day.since_epoch().count() + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto day_of_era = static_cast<unsigned>(z - era * 146097);  // [0, 146096]
  const unsigned year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const unsigned day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);  // [0, 365]
  const unsigned mp = (5 * day_of_year + 2) / 153;                             // [0, 11]
  const unsigned d = day_of_year - (153 * mp + 2) / 5 + 1;                     // [1, 31]
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;                                // [1, 12]
  const std::int64_t y = static_cast<std::int64_t>(year_of_era) + era * 400 + (m <= 2 ? 1 : 0);
  return CivilDay{Year(y), date::month{m}, date::day{d}};
}

/// The first day of the supported calendar, kMinYear-01-01.
inline constexpr Day kFirstDay = to_day({Year(kMinYear), date::January, date::day{1}});
/// The last day of the supported calendar, kMaxYear-12-31.
inline constexpr Day kLastDay = to_day({Year(kMaxYear), date::December, date::day{31}});

/// The day as date::sys_days, or nullopt outside date's years (-32767..32767).
std::optional<date::sys_days> to_sys_days(Day day) noexcept;

/// The day as date::sys_days, moved to date's first or last day when it lies
/// beyond them; for code that still draws with date's calendar.
date::sys_days clamp_to_sys_days(Day day) noexcept;

/// A run of consecutive days, half-open: [first, end). Regular value type;
/// built from a first day and a length, or with inclusive(), so the meaning
/// of the second day is always spelled out.
class DayRange {
 public:
  constexpr DayRange() noexcept = default;  ///< empty, at 1970-01-01
  /// `length` days from `first`; a negative length gives an empty range.
  constexpr DayRange(Day first, Days length) noexcept
      : first_(first), length_(length < Days{0} ? Days{0} : length) {}
  /// The days `first` to `last`, both included; empty when last < first.
  static constexpr DayRange inclusive(Day first, Day last) noexcept {
    return DayRange(first, last - first + Days{1});
  }

  constexpr Day first() const noexcept { return first_; }
  /// The day after the last day.
  constexpr Day end() const noexcept { return first_ + length_; }
  /// The last day; the day before first() when empty.
  constexpr Day last() const noexcept { return end() - Days{1}; }
  constexpr Days length() const noexcept { return length_; }
  constexpr bool empty() const noexcept { return length_ == Days{0}; }

  constexpr bool contains(Day day) const noexcept { return day >= first_ && day < end(); }
  /// True when the ranges share at least one day.
  constexpr bool overlaps(const DayRange& other) const noexcept {
    return !empty() && !other.empty() && first_ < other.end() && other.first_ < end();
  }
  /// The smallest range holding both (an empty range adds nothing).
  constexpr DayRange hull(const DayRange& other) const noexcept {
    if (empty()) return other;
    if (other.empty()) return *this;
    const Day first = first_ < other.first_ ? first_ : other.first_;
    const Day end_day = end() > other.end() ? end() : other.end();
    return DayRange(first, end_day - first);
  }

  friend constexpr bool operator==(const DayRange&, const DayRange&) noexcept = default;

 private:
  Day first_;
  Days length_{0};
};

/// A year at least four digits wide, astronomical: -0001, 0000, 12000.
std::string format_year(Year year);

/// A day as `YYYY-MM-DD` with astronomical years: `-0001-01-01`,
/// `12000-01-01`, `-4540000000-01-01`.
std::string format_day(Day day);

}  // namespace eventgraph

#include "engine/day.h"

#include <string>

namespace eventgraph {

namespace {

// The first and last days date::sys_days can hold: date::year is a short.
constexpr Day kFirstSysDay = to_day({Year(-32767), date::January, date::day{1}});
constexpr Day kLastSysDay = to_day({Year(32767), date::December, date::day{31}});

std::string two_digits(unsigned value) {
  return {static_cast<char>('0' + value / 10 % 10), static_cast<char>('0' + value % 10)};
}

}  // namespace

std::optional<date::sys_days> to_sys_days(Day day) noexcept {
  if (day < kFirstSysDay || day > kLastSysDay) return std::nullopt;
  return date::sys_days{date::days{static_cast<int>(day.since_epoch().count())}};
}

date::sys_days clamp_to_sys_days(Day day) noexcept {
  if (day < kFirstSysDay) return *to_sys_days(kFirstSysDay);
  if (day > kLastSysDay) return *to_sys_days(kLastSysDay);
  return *to_sys_days(day);
}

std::string format_year(Year year) {
  const std::int64_t value = year.value();
  // Negate as unsigned: the magnitude of INT64_MIN does not fit in int64.
  const std::uint64_t magnitude =
      value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
  std::string digits = std::to_string(magnitude);
  if (digits.size() < 4) digits.insert(0, 4 - digits.size(), '0');
  return value < 0 ? '-' + digits : digits;
}

std::string format_day(Day day) {
  const CivilDay civil = to_civil(day);
  return format_year(civil.year) + '-' + two_digits(static_cast<unsigned>(civil.month)) + '-' +
         two_digits(static_cast<unsigned>(civil.day));
}

}  // namespace eventgraph

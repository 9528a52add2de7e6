// One EDTF date: a year (four digits, Y-prefixed, negative, with X), then an
// optional month or season, day and time, and qualifiers.
#include "engine/detail/edtf_grammar.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

namespace eventgraph::detail {

namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// Digits of the largest supported year, so a longer run cannot overflow.
constexpr std::size_t kMaxYearDigits = 13;
// Error messages stay one readable line even for hostile input.
constexpr std::size_t kMaxQuoted = 40;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_qualifier(char c) { return c == '?' || c == '~' || c == '%'; }

Qualifier qualifier_of(char c) {
  return c == '?'   ? Qualifier::uncertain
         : c == '~' ? Qualifier::approximate
                    : Qualifier::uncertain_and_approximate;
}

std::string two_digits(unsigned value) {
  return {static_cast<char>('0' + value / 10 % 10), static_cast<char>('0' + value % 10)};
}

// The value of at most kMaxYearDigits digits, each X read as `x_digit`.
std::int64_t to_int(std::string_view digits, char x_digit) {
  std::int64_t value = 0;
  for (char c : digits) value = value * 10 + ((c == 'X' ? x_digit : c) - '0');
  return value;
}

// Bit i set for each X, i counted from the left.
std::uint8_t x_mask(std::string_view digits) {
  std::uint8_t mask = 0;
  for (std::size_t i = 0; i < digits.size() && i < 8; ++i) {
    if (digits[i] == 'X') mask = static_cast<std::uint8_t>(mask | (1u << i));
  }
  return mask;
}

DayRange month_range(Year year, unsigned first_month, unsigned months) {
  const Day first = to_day({year, date::month{first_month}, date::day{1}});
  // The last month may fall in the next year (winter: December to February).
  const unsigned last_index = first_month - 1 + months - 1;
  const Year last_year(year.value() + last_index / 12);
  const date::month last_month{last_index % 12 + 1};
  const Day last = to_day({last_year, last_month, date::day{days_in_month(last_year, last_month)}});
  return DayRange::inclusive(first, last);
}

// Why day `day` does not exist in `year`-`month`.
std::string day_problem(Year year, date::month month, unsigned day) {
  if (day < 1 || day > 31) return "day " + two_digits(day) + " is not between 01 and 31";
  const std::string year_text = format_year(year);
  if (month == date::February && !year.is_leap()) {
    return year_text + " is not a leap year, so february has 28 days";
  }
  std::string name{kMonthNames[static_cast<unsigned>(month) - 1]};
  if (month == date::February) name += " " + year_text;
  return name + " has " + std::to_string(days_in_month(year, month)) + " days";
}

// Names a year past the supported range without echoing a hostile number
// of digits.
std::string out_of_range(const std::string& sign, std::string_view digits) {
  const std::string year = digits.size() <= kMaxYearDigits
                               ? "year " + sign + std::string(digits)
                               : "a year of " + std::to_string(digits.size()) + " digits";
  return year + " is outside the supported range " + std::to_string(kMinYear) + " to " +
         std::to_string(kMaxYear);
}

bool beyond_range(std::string_view digits) {
  return digits.size() > kMaxYearDigits || to_int(digits, '0') > kMaxYear;
}

// The first month and length in months of sub-year grouping 21-41. Seasons
// are meteorological: three whole months, winter from December into the next
// year's February; 21-24 are the northern hemisphere's, as are 25-28, and
// 29-32 the southern hemisphere's.
struct Grouping {
  unsigned first_month;
  unsigned months;
  Precision precision;
};
constexpr std::array<Grouping, 21> kGroupings = {{
    {3, 3, Precision::season},       {6, 3, Precision::season},
    {9, 3, Precision::season},       {12, 3, Precision::season},
    {3, 3, Precision::season},       {6, 3, Precision::season},
    {9, 3, Precision::season},       {12, 3, Precision::season},
    {9, 3, Precision::season},       {12, 3, Precision::season},
    {3, 3, Precision::season},       {6, 3, Precision::season},
    {1, 3, Precision::quarter},      {4, 3, Precision::quarter},
    {7, 3, Precision::quarter},      {10, 3, Precision::quarter},
    {1, 4, Precision::quadrimester}, {5, 4, Precision::quadrimester},
    {9, 4, Precision::quadrimester}, {1, 6, Precision::semester},
    {7, 6, Precision::semester},
}};

// True when the two-digit `value` matches `pattern`, whose X match any digit.
bool matches(std::string_view pattern, unsigned value) {
  const char digits[2] = {static_cast<char>('0' + value / 10), static_cast<char>('0' + value % 10)};
  for (std::size_t i = 0; i < 2; ++i) {
    if (pattern[i] != 'X' && pattern[i] != digits[i]) return false;
  }
  return true;
}

// Every value from `low` to `high` that matches a two-digit pattern, ascending.
std::vector<unsigned> matching(std::string_view pattern, unsigned low, unsigned high) {
  std::vector<unsigned> out;
  for (unsigned v = low; v <= high; ++v) {
    if (matches(pattern, v)) out.push_back(v);
  }
  return out;
}

// The years a four-character year with X may be, ascending.
std::vector<std::int64_t> matching_years(std::string_view year, bool negative) {
  std::vector<std::int64_t> out;
  std::int64_t base = 1;
  std::vector<std::int64_t> places;  // the place value of each X
  std::int64_t fixed = 0;
  for (std::size_t i = year.size(); i-- > 0;) {
    if (year[i] == 'X') {
      places.push_back(base);
    } else {
      fixed += (year[i] - '0') * base;
    }
    base *= 10;
  }
  std::size_t count = 1;
  for (std::size_t i = 0; i < places.size(); ++i) count *= 10;
  out.reserve(count);
  for (std::size_t n = 0; n < count; ++n) {
    std::int64_t value = fixed;
    std::size_t rest = n;
    for (std::int64_t place : places) {
      value += static_cast<std::int64_t>(rest % 10) * place;
      rest /= 10;
    }
    if (negative && value == 0) continue;  // -0000 is not a year
    out.push_back(negative ? -value : value);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Parses one date or date-time, the whole of `text`. Errors say what is
// wrong without repeating the full text.
class DateParser {
 public:
  explicit DateParser(std::string_view text) : text_(text) {}

  std::optional<ParsedSingle> parse();
  std::string& error() { return error_; }

 private:
  enum Component { kYear, kMonth, kDay };

  bool at(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  bool at_end() const { return pos_ >= text_.size(); }
  bool at_qualifier() const { return !at_end() && is_qualifier(text_[pos_]); }
  bool take(char c) {
    if (!at(c)) return false;
    ++pos_;
    return true;
  }
  std::nullopt_t fail(std::string message) {
    error_ = std::move(message);
    return std::nullopt;
  }

  // The run of digits and X at the cursor, consumed.
  std::string_view take_run() {
    const std::size_t start = pos_;
    while (!at_end() && (is_digit(text_[pos_]) || text_[pos_] == 'X')) ++pos_;
    return text_.substr(start, pos_ - start);
  }
  std::string_view take_digits() {
    const std::size_t start = pos_;
    while (!at_end() && is_digit(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }
  std::optional<unsigned> take_two_digits() {
    const std::string_view digits = text_.substr(pos_, 2);
    if (digits.size() != 2 || !is_digit(digits[0]) || !is_digit(digits[1])) return std::nullopt;
    pos_ += 2;
    return static_cast<unsigned>(to_int(digits, '0'));
  }

  Qualifier& qualifier(Component c) {
    return c == kYear    ? date_.year_qualifier
           : c == kMonth ? date_.month_qualifier
                         : date_.day_qualifier;
  }
  bool take_left_qualifier(Component c);
  bool take_right_qualifier(Component c);

  std::optional<ParsedSingle> parse_long_year();
  bool parse_significant(std::int64_t magnitude, std::size_t digit_count, bool negative);
  std::optional<ParsedSingle> parse_month();
  std::optional<ParsedSingle> parse_day();
  std::optional<ParsedSingle> calendar_days();
  std::optional<ParsedSingle> parse_time();
  std::optional<ParsedSingle> parse_offset();
  std::optional<ParsedSingle> finish(bool allow_qualifier);

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string error_;
  SingleDate date_;
  LevelNeed need_;
  std::string_view year_;  // four characters, digits and X
  std::string_view month_;
  std::string_view day_;
  bool negative_ = false;
  bool qualifier_error_ = false;
  Precision year_precision_ = Precision::year;
};

// `?2004`, `2004-?06`: a qualifier before a component qualifies it alone.
bool DateParser::take_left_qualifier(Component c) {
  if (!at_qualifier()) return false;
  qualifier(c) = qualifier(c) | qualifier_of(text_[pos_++]);
  need_.raise(EdtfLevel::two, "a qualified component (e.g. 2004-?06)");
  if (at_qualifier()) {
    qualifier_error_ = true;
    return false;
  }
  return true;
}

// `2004?-06`, `2004-06~-11`, `2004-06-11%`: a qualifier after a component
// qualifies it and every component before it.
bool DateParser::take_right_qualifier(Component c) {
  if (!at_qualifier()) return false;
  const Qualifier q = qualifier_of(text_[pos_++]);
  for (int i = kYear; i <= c; ++i)
    qualifier(static_cast<Component>(i)) = qualifier(static_cast<Component>(i)) | q;
  if (at_qualifier()) {
    qualifier_error_ = true;
    return false;
  }
  if (at_end()) {
    need_.raise(EdtfLevel::one, "a qualifier (?, ~ or %)");
  } else {
    need_.raise(EdtfLevel::two, "a qualifier inside a date (e.g. 2004?-06-11)");
  }
  return true;
}

std::optional<ParsedSingle> DateParser::parse() {
  take_left_qualifier(kYear);
  if (qualifier_error_)
    return fail("a date takes one qualifier; use % for uncertain and approximate");
  if (at('Y')) return parse_long_year();
  negative_ = take('-');
  if (negative_ && at('Y')) return fail("the minus sign goes after the Y, e.g. Y-12000");
  if (at_qualifier())
    return fail("a qualifier goes before a component or after it, e.g. ?2004 or 2004?");

  const std::string_view year = take_run();
  const std::string sign = negative_ ? "-" : "";
  const bool all_digits = std::all_of(year.begin(), year.end(), is_digit);
  // Suggest padding only where a year plausibly ends, not for 29.03.2022.
  const bool year_ends = at_end() || at('-') || at_qualifier() || at('S');
  if (!year.empty() && year.size() < 4 && all_digits && year_ends) {
    return fail("a year must have four digits; write " + sign + std::string(4 - year.size(), '0') +
                std::string(year));
  }
  if (year.size() > 4 && all_digits) {
    if (beyond_range(year)) return fail(out_of_range(sign, year));
    return fail("a year with more than four digits needs the Y prefix, e.g. Y" + sign +
                std::string(year));
  }
  if (year.size() != 4) return fail("expected a four-digit year, e.g. 2022");
  if (negative_ && year == "0000") return fail("-0000 is not a valid year; write 0000");
  if (negative_) need_.raise(EdtfLevel::one, "a negative year");

  // Level 1 lets X stand only for the last one or two digits of a year.
  const std::size_t trailing = year.size() - 1 - year.find_last_not_of('X');
  const std::size_t xs = static_cast<std::size_t>(std::count(year.begin(), year.end(), 'X'));
  if (xs > 0) {
    if (xs == trailing && xs <= 2) {
      need_.raise(EdtfLevel::one, "unspecified digits (X)");
    } else {
      need_.raise(EdtfLevel::two, "unspecified digits anywhere (e.g. 1XXX, 1X50)");
    }
  }
  year_ = year;
  date_.year = negative_ ? -to_int(year, '0') : to_int(year, '0');
  date_.unspecified.year = x_mask(year);
  if (at('S')) {
    if (xs > 0)
      return fail("a year with unspecified digits (X) cannot have significant digits (S)");
    ++pos_;
    if (!parse_significant(to_int(year, '0'), 4, negative_)) return std::nullopt;
    take_right_qualifier(kYear);
    return finish(false);
  }
  take_right_qualifier(kYear);
  if (qualifier_error_) return finish(true);
  {
    const std::size_t known_from_right = trailing == 4 ? 4 : trailing;
    constexpr std::array<Precision, 5> kByTrailing = {Precision::year, Precision::decade,
                                                      Precision::century, Precision::millennium,
                                                      Precision::unspecified};
    date_.precision = year_precision_ = kByTrailing[known_from_right];
  }
  return take('-') ? parse_month() : calendar_days();
}

// `S2` after a year: only the first digits are significant; the year is an
// estimate within the years that share them.
bool DateParser::parse_significant(std::int64_t magnitude, std::size_t digit_count, bool negative) {
  const std::string_view digits = take_digits();
  if (digits.empty() || digits.size() > 2) {
    fail("significant digits are written S and a number, e.g. 1950S2");
    return false;
  }
  const auto count = static_cast<std::size_t>(to_int(digits, '0'));
  if (count < 1 || count > digit_count) {
    fail("S" + std::string(digits) + " is not between S1 and S" + std::to_string(digit_count) +
         ", the number of digits in the year");
    return false;
  }
  std::int64_t span = 1;
  for (std::size_t i = count; i < digit_count; ++i) span *= 10;
  const std::int64_t low = magnitude / span * span;
  const std::int64_t high = low + span - 1;
  need_.raise(EdtfLevel::two, "significant digits (S)");
  date_.significant_digits = static_cast<std::uint8_t>(count);
  const std::size_t insignificant = digit_count - count;
  date_.precision = insignificant == 0   ? Precision::year
                    : insignificant == 1 ? Precision::decade
                    : insignificant == 2 ? Precision::century
                                         : Precision::millennium;
  if (negative && low == 0) {
    // -0001S1..: the years -1 to -9; year 0 is not negative.
    date_.days = years_range(Year(-high), Year(-1));
  } else {
    date_.days =
        negative ? years_range(Year(-high), Year(-low)) : years_range(Year(low), Year(high));
  }
  return true;
}

// After YYYY-: a month (digits or X), or a sub-year grouping 21-41.
std::optional<ParsedSingle> DateParser::parse_month() {
  take_left_qualifier(kMonth);
  if (qualifier_error_) return finish(true);
  const std::string_view month = take_run();
  if (month.empty()) return fail("expected a two-digit month after the year");
  if (month.size() == 1 && month != "X") {
    return fail("a month must have two digits; write 0" + std::string(month));
  }
  if (month.size() != 2) return fail("a month must have two digits");
  month_ = month;
  date_.unspecified.month = x_mask(month);
  if (year_.find('X') != std::string_view::npos) {
    need_.raise(EdtfLevel::two, "unspecified digits anywhere (e.g. 1XXX-XX, 156X-12-25)");
  }
  if (month.find('X') != std::string_view::npos) {
    if (matching(month, 1, 12).empty()) {
      return fail("month " + std::string(month) + " matches no month from 01 to 12");
    }
    if (month != "XX" || year_.find('X') != std::string_view::npos) {
      need_.raise(EdtfLevel::two, "unspecified digits anywhere (e.g. 1XXX-XX, 2004-1X)");
    } else {
      need_.raise(EdtfLevel::one, "unspecified digits (X)");
    }
    date_.precision = month == "XX" ? year_precision_ : Precision::month;
    take_right_qualifier(kMonth);
    if (qualifier_error_) return finish(true);
    return at('-') ? parse_day() : calendar_days();
  }
  const auto number = static_cast<unsigned>(to_int(month, '0'));
  date_.month = static_cast<std::uint8_t>(number);
  if (number >= 21 && number <= 41) {
    const Grouping& g = kGroupings[number - 21];
    if (number <= 24) {
      need_.raise(EdtfLevel::one, "a season (21-24)");
    } else {
      need_.raise(EdtfLevel::two, "a sub-year grouping (25-41)");
    }
    date_.precision = g.precision;
    take_right_qualifier(kMonth);
    if (qualifier_error_) return finish(true);
    if (at('-')) return fail("a season cannot have a day (nor can another sub-year grouping)");
    const auto years = matching_years(year_, negative_);
    date_.days = month_range(Year(years.front()), g.first_month, g.months)
                     .hull(month_range(Year(years.back()), g.first_month, g.months));
    return finish(true);
  }
  if (number > 41) {
    return fail("month " + std::string(month) +
                " is neither a month (01-12) nor a season, quarter or semester (21-41)");
  }
  if (number < 1 || number > 12) {
    return fail("month " + std::string(month) + " is not between 01 and 12");
  }
  date_.precision = Precision::month;
  take_right_qualifier(kMonth);
  if (qualifier_error_) return finish(true);
  return at('-') ? parse_day() : calendar_days();
}

// After YYYY-MM-: a day (digits or X), then a time or a qualifier.
std::optional<ParsedSingle> DateParser::parse_day() {
  ++pos_;  // '-'
  take_left_qualifier(kDay);
  if (qualifier_error_) return finish(true);
  const std::string_view day = take_run();
  if (day.empty()) return fail("expected a two-digit day after the month");
  if (day.size() == 1 && day != "X") {
    return fail("a day must have two digits; write 0" + std::string(day));
  }
  if (day.size() != 2) return fail("a day must have two digits");
  day_ = day;
  date_.unspecified.day = x_mask(day);
  const bool month_x = month_.find('X') != std::string_view::npos;
  const bool year_x = year_.find('X') != std::string_view::npos;
  if (day.find('X') != std::string_view::npos) {
    if (matching(day, 1, 31).empty()) {
      return fail("day " + std::string(day) + " matches no day from 01 to 31");
    }
    if (day == "XX" && (month_ == "XX" || !month_x) && !year_x) {
      need_.raise(EdtfLevel::one, "unspecified digits (X)");
    } else {
      need_.raise(EdtfLevel::two, "unspecified digits anywhere (e.g. 156X-12-25)");
    }
    if (day != "XX") date_.precision = Precision::day;
  } else {
    if (month_x || year_x)
      need_.raise(EdtfLevel::two, "unspecified digits anywhere (e.g. 156X-12-25)");
    const auto d = static_cast<unsigned>(to_int(day, '0'));
    if (d < 1 || d > 31) return fail("day " + std::string(day) + " is not between 01 and 31");
    date_.day = static_cast<std::uint8_t>(d);
    date_.precision = Precision::day;
  }
  if (auto days = calendar_days(); !days) return std::nullopt;
  take_right_qualifier(kDay);
  if (qualifier_error_) return finish(true);
  if (at('t')) return fail("use an uppercase T between the date and the time");
  if (at('T')) {
    if (date_.unspecified.any() || date_.qualifiers() != Qualifier::none) {
      return fail("a time needs a full date without X or qualifiers, e.g. 2024-01-23T10:16:00");
    }
    return parse_time();
  }
  return finish(true);
}

// The days a year, month and day (each perhaps with X) may denote: from the
// earliest valid calendar day that matches to the latest. Then finishes,
// unless a day was read (the day parser finishes itself).
std::optional<ParsedSingle> DateParser::calendar_days() {
  const auto years = matching_years(year_, negative_);
  if (month_.empty()) {
    date_.days = years_range(Year(years.front()), Year(years.back()));
    return finish(true);
  }
  const auto months = matching(month_, 1, 12);
  const auto days = day_.empty() ? std::vector<unsigned>{} : matching(day_, 1, 31);
  if (day_.empty()) {
    date_.days = month_range(Year(years.front()), months.front(), 1)
                     .hull(month_range(Year(years.back()), months.back(), 1));
    return finish(true);
  }
  // The first matching day that exists, scanning years, months, days in order.
  auto first_valid = [&](auto year_begin, auto year_end, bool forward) -> std::optional<Day> {
    for (auto y = year_begin; y != year_end; ++y) {
      for (std::size_t mi = 0; mi < months.size(); ++mi) {
        const unsigned m = months[forward ? mi : months.size() - 1 - mi];
        for (std::size_t di = 0; di < days.size(); ++di) {
          const unsigned d = days[forward ? di : days.size() - 1 - di];
          const CivilDay civil{Year(*y), date::month{m}, date::day{d}};
          if (civil.ok()) return to_day(civil);
        }
      }
    }
    return std::nullopt;
  };
  if (years.empty() || months.empty() || days.empty()) return fail("no calendar day matches");
  const auto first = first_valid(years.begin(), years.end(), true);
  if (!first) {
    if (months.size() == 1 && days.size() == 1 && years.size() == 1) {
      return fail(day_problem(Year(years.front()), date::month{months.front()}, days.front()));
    }
    return fail("no calendar day matches " + std::string(year_) + "-" + std::string(month_) + "-" +
                std::string(day_));
  }
  const auto last = first_valid(years.rbegin(), years.rend(), false);
  date_.days = DayRange::inclusive(*first, *last);
  return ParsedSingle{date_, need_};
}

// Thh:mm:ss with an optional Z or offset. Only validated: the bounds use the
// calendar day as written.
std::optional<ParsedSingle> DateParser::parse_time() {
  ++pos_;  // 'T'
  date_.has_time = true;
  const auto hour = take_two_digits();
  const auto minute = hour && take(':') ? take_two_digits() : std::nullopt;
  const auto second = minute && take(':') ? take_two_digits() : std::nullopt;
  if (!second) return fail("a time is written hh:mm:ss, e.g. 2024-01-23T10:16:00");
  if (*hour > 23) return fail("hour " + two_digits(*hour) + " is not between 00 and 23");
  if (*minute > 59) return fail("minute " + two_digits(*minute) + " is not between 00 and 59");
  // A leap second is 23:59:60 UTC, which an offset moves to another hour.
  if (*second == 60 && *minute != 59) {
    return fail("second 60 is only valid as a leap second, at minute 59");
  }
  if (*second > 60) return fail("second " + two_digits(*second) + " is not between 00 and 59");
  if (at('.') || at(',')) return fail("fractional seconds are not supported");
  if (at('z')) return fail("use an uppercase Z for UTC");
  if (at('+') || at('-')) return parse_offset();
  take('Z');
  return finish(false);
}

// +hh or +hh:mm (or -), at most 14 hours either way.
std::optional<ParsedSingle> DateParser::parse_offset() {
  const char sign = text_[pos_++];
  const auto hours = take_two_digits();
  const auto minutes = !hours ? std::nullopt : take(':') ? take_two_digits() : std::optional(0u);
  if (!minutes || (!at_end() && is_digit(text_[pos_]))) {
    return fail("a time zone offset is written +hh:mm, e.g. +03:00");
  }
  if (*minutes > 59) {
    return fail("offset minute " + two_digits(*minutes) + " is not between 00 and 59");
  }
  if (*hours * 60 + *minutes > 14 * 60) {
    return fail("time zone offset " + (sign + two_digits(*hours)) + ':' + two_digits(*minutes) +
                " is outside -14:00 to +14:00");
  }
  return finish(false);
}

// Y12000, Y-12000, Y-17E7, Y17101E4S3: a long or exponential year, with
// nothing after it but significant digits and a qualifier.
std::optional<ParsedSingle> DateParser::parse_long_year() {
  ++pos_;  // 'Y'
  const bool negative = take('-');
  const std::string sign = negative ? "-" : "";
  const std::string_view digits = take_run();
  if (digits.empty()) return fail("expected digits after the Y, e.g. Y12000");
  if (digits.find('X') != std::string_view::npos) {
    return fail("a Y-prefixed year cannot have unspecified digits (X)");
  }
  if (digits.front() == '0') return fail("a Y-prefixed year cannot start with 0");
  std::string expanded(digits);
  if (take('E')) {
    const std::string_view exponent = take_digits();
    if (exponent.empty()) return fail("an exponent is written E and digits, e.g. Y-17E7");
    if (exponent.size() > 2 ||
        digits.size() + static_cast<std::size_t>(to_int(exponent, '0')) > kMaxYearDigits) {
      return fail("year " + sign + std::string(digits) + "E" + std::string(exponent).substr(0, 4) +
                  " is outside the supported range " + std::to_string(kMinYear) + " to " +
                  std::to_string(kMaxYear));
    }
    expanded.append(static_cast<std::size_t>(to_int(exponent, '0')), '0');
    need_.raise(EdtfLevel::two, "an exponential year (E)");
    date_.exponential = true;
  } else if (digits.size() <= 4) {
    return fail("the Y prefix is only for years of more than four digits; write " + sign +
                std::string(4 - digits.size(), '0') + std::string(digits));
  }
  if (beyond_range(expanded)) return fail(out_of_range(sign, expanded));
  if (at('-')) return fail("a Y-prefixed year cannot have a month or day");
  need_.raise(EdtfLevel::one, "a Y-prefixed year");
  const std::int64_t magnitude = to_int(expanded, '0');
  date_.year = negative ? -magnitude : magnitude;
  date_.precision = Precision::year;
  date_.days = years_range(Year(date_.year), Year(date_.year));
  if (take('S') && !parse_significant(magnitude, expanded.size(), negative)) return std::nullopt;
  take_right_qualifier(kYear);
  return finish(!qualifier_error_);
}

// The end of the text, after any final qualifier was taken.
std::optional<ParsedSingle> DateParser::finish(bool allow_qualifier) {
  if (qualifier_error_ || (at_qualifier() && allow_qualifier)) {
    return fail("a date takes one qualifier; use % for uncertain and approximate");
  }
  if (at_qualifier()) {
    return fail(date_.has_time ? "a date-time cannot have a qualifier (?, ~ or %)"
                               : "a qualifier goes at the end of a component, e.g. 1950S2?");
  }
  if (at('T')) return fail("a time needs a full date, e.g. 2024-01-23T10:16:00");
  if (at('S')) return fail("significant digits (S) follow a year alone, e.g. 1950S2");
  if (!at_end()) {
    return fail("unexpected " + edtf_quote(text_.substr(pos_)) + " after " +
                edtf_quote(text_.substr(0, pos_)));
  }
  return ParsedSingle{date_, need_};
}

}  // namespace

DayRange years_range(Year first, Year last) {
  return DayRange::inclusive(to_day({first, date::January, date::day{1}}),
                             to_day({last, date::December, date::day{31}}));
}

std::string edtf_quote(std::string_view text) {
  std::string out = "'";
  for (char c : text.substr(0, kMaxQuoted)) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7f) {
      out += c;
    } else {
      constexpr std::string_view kHex = "0123456789abcdef";
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xf];
    }
  }
  if (text.size() > kMaxQuoted) out += "…";
  return out + "'";
}

std::optional<ParsedSingle> parse_single_date(std::string_view text, std::string& error) {
  DateParser parser(text);
  auto parsed = parser.parse();
  if (!parsed) error = std::move(parser.error());
  return parsed;
}

}  // namespace eventgraph::detail

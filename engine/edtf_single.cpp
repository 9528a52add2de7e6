// One EDTF date: a year (four digits, Y-prefixed, negative, with X), then an
// optional month or season, day and time, and qualifiers.
#include "engine/detail/edtf_grammar.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

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

// Parses one date or date-time, the whole of `text`. Errors say what is
// wrong without repeating the full text.
class DateParser {
 public:
  explicit DateParser(std::string_view text) : text_(text) {}

  std::optional<ParsedSingle> parse();
  std::string& error() { return error_; }

 private:
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
  std::optional<unsigned> take_two_digits() {
    const std::string_view digits = text_.substr(pos_, 2);
    if (digits.size() != 2 || !is_digit(digits[0]) || !is_digit(digits[1])) return std::nullopt;
    pos_ += 2;
    return static_cast<unsigned>(to_int(digits, '0'));
  }

  std::optional<ParsedSingle> parse_long_year();
  std::optional<ParsedSingle> parse_month(Year year);
  std::optional<ParsedSingle> parse_day(Year year, std::string_view month);
  std::optional<ParsedSingle> parse_time();
  std::optional<ParsedSingle> parse_offset();
  std::optional<ParsedSingle> finish(bool allow_qualifier);

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string error_;
  SingleDate date_;
  LevelNeed need_;
};

std::optional<ParsedSingle> DateParser::parse() {
  if (at('Y')) return parse_long_year();
  if (at_qualifier()) return fail("a qualifier goes at the end of a date, e.g. 2022?");
  const bool negative = take('-');
  if (negative && at('Y')) return fail("the minus sign goes after the Y, e.g. Y-12000");

  const std::string_view year = take_run();
  const std::string sign = negative ? "-" : "";
  const bool all_digits = std::all_of(year.begin(), year.end(), is_digit);
  // Suggest padding only where a year plausibly ends, not for 29.03.2022.
  const bool year_ends = at_end() || at('-') || at_qualifier();
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

  // Level 1 only lets X stand for the last one or two digits of a year.
  const std::size_t first_x = year.find('X');
  const std::size_t unspecified = first_x == std::string_view::npos ? 0 : 4 - first_x;
  if (unspecified > 0 && year.find_first_not_of('X', first_x) != std::string_view::npos) {
    return fail("X may only replace the last digits of a year, e.g. 201X or 20XX");
  }
  if (unspecified > 2) {
    return fail("at most the last two digits of a year may be X (e.g. 20XX) at EDTF level 1");
  }
  const std::int64_t low = to_int(year, '0');
  const std::int64_t high = to_int(year, '9');
  if (negative && high == 0) return fail("-0000 is not a valid year; write 0000");
  if (negative) need_.raise(EdtfLevel::one, "a negative year");
  if (unspecified > 0) need_.raise(EdtfLevel::one, "unspecified digits (X)");
  date_.year = negative ? -low : low;
  date_.unspecified.year = x_mask(year);
  if (!take('-')) {
    date_.precision = unspecified == 0   ? Precision::year
                      : unspecified == 1 ? Precision::decade
                                         : Precision::century;
    date_.days =
        negative ? years_range(Year(-high), Year(-low)) : years_range(Year(low), Year(high));
    return finish(true);
  }
  if (unspecified > 0) {
    return fail("a year with unspecified digits (" + sign + std::string(year) +
                ") cannot have a month");
  }
  return parse_month(Year(date_.year));
}

// After YYYY-: a month, XX or a season.
std::optional<ParsedSingle> DateParser::parse_month(Year year) {
  const std::string_view month = take_run();
  if (month.empty()) return fail("expected a two-digit month after the year");
  if (month.size() == 1 && month != "X") {
    return fail("a month must have two digits; write 0" + std::string(month));
  }
  if (month.size() != 2) return fail("a month must have two digits");
  if (month == "XX") return parse_day(year, month);
  if (month.find('X') != std::string_view::npos) return fail("a month is either two digits or XX");
  const auto number = static_cast<unsigned>(to_int(month, '0'));
  if (number >= 21 && number <= 24) {
    if (at('-')) return fail("a season cannot have a day");
    need_.raise(EdtfLevel::one, "a season (21-24)");
    date_.month = static_cast<std::uint8_t>(number);
    date_.precision = Precision::season;
    // Meteorological seasons of the northern hemisphere: three whole months,
    // winter from December into the next year's February.
    date_.days = month_range(year, 3 * (number - 20), 3);
    return finish(true);
  }
  if (number >= 25 && number <= 41) {
    return fail("season " + std::string(month) +
                " is EDTF level 2; only seasons 21 (spring) to 24 (winter) are supported");
  }
  if (number < 1 || number > 12) {
    return fail("month " + std::string(month) + " is not between 01 and 12");
  }
  return parse_day(year, month);
}

// After YYYY-MM (MM may be XX): an optional day, then a time or a qualifier.
std::optional<ParsedSingle> DateParser::parse_day(Year year, std::string_view month) {
  const bool month_unspecified = month == "XX";
  const auto month_number = static_cast<unsigned>(to_int(month, '0'));
  date_.month = static_cast<std::uint8_t>(month_number);
  date_.unspecified.month = x_mask(month);
  if (month_unspecified) need_.raise(EdtfLevel::one, "unspecified digits (X)");
  date_.days = month_unspecified ? years_range(year, year) : month_range(year, month_number, 1);
  date_.precision = month_unspecified ? Precision::year : Precision::month;
  if (!take('-')) return finish(true);

  const std::string_view day = take_run();
  if (day.empty()) return fail("expected a two-digit day after the month");
  if (day.size() == 1 && day != "X") {
    return fail("a day must have two digits; write 0" + std::string(day));
  }
  if (day.size() != 2) return fail("a day must have two digits");
  date_.unspecified.day = x_mask(day);
  if (day == "XX") {
    need_.raise(EdtfLevel::one, "unspecified digits (X)");
    return finish(true);
  }
  if (day.find('X') != std::string_view::npos) return fail("a day is either two digits or XX");
  if (month_unspecified) {
    return fail("a day cannot follow an unspecified month (XX); write XX-XX or give the month");
  }
  const auto d = static_cast<unsigned>(to_int(day, '0'));
  const CivilDay civil{year, date::month{month_number}, date::day{d}};
  if (!civil.ok()) return fail(day_problem(year, civil.month, d));

  date_.day = static_cast<std::uint8_t>(d);
  date_.precision = Precision::day;
  date_.days = DayRange(to_day(civil), Days{1});
  if (at('t')) return fail("use an uppercase T between the date and the time");
  return at('T') ? parse_time() : finish(true);
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

// Y12000, Y-12000: a year of more than four digits, with nothing after it
// but a qualifier.
std::optional<ParsedSingle> DateParser::parse_long_year() {
  ++pos_;  // 'Y'
  const std::string sign = take('-') ? "-" : "";
  const std::string_view digits = take_run();
  if (digits.empty()) return fail("expected digits after the Y, e.g. Y12000");
  if (at('E') || at('S')) {
    return fail("exponents (E) and significant digits (S) are EDTF level 2 and not supported");
  }
  if (digits.find('X') != std::string_view::npos) {
    return fail("a Y-prefixed year cannot have unspecified digits (X)");
  }
  if (digits.front() == '0') return fail("a Y-prefixed year cannot start with 0");
  if (digits.size() <= 4) {
    return fail("the Y prefix is only for years of more than four digits; write " + sign +
                std::string(4 - digits.size(), '0') + std::string(digits));
  }
  if (beyond_range(digits)) return fail(out_of_range(sign, digits));
  if (at('-')) return fail("a Y-prefixed year cannot have a month or day");
  need_.raise(EdtfLevel::one, "a Y-prefixed year");
  date_.year = sign.empty() ? to_int(digits, '0') : -to_int(digits, '0');
  date_.precision = Precision::year;
  date_.days = years_range(Year(date_.year), Year(date_.year));
  return finish(true);
}

// An optional qualifier, then the end of the text.
std::optional<ParsedSingle> DateParser::finish(bool allow_qualifier) {
  if (at_qualifier()) {
    if (!allow_qualifier) return fail("a date-time cannot have a qualifier (?, ~ or %)");
    const Qualifier q = qualifier_of(text_[pos_++]);
    // A qualifier at the end qualifies every component written.
    date_.year_qualifier = q;
    if (date_.month != 0 || date_.unspecified.month != 0) date_.month_qualifier = q;
    if (date_.day != 0 || date_.unspecified.day != 0) date_.day_qualifier = q;
    need_.raise(EdtfLevel::one, "a qualifier (?, ~ or %)");
    if (at_qualifier())
      return fail("a date takes one qualifier; use % for uncertain and approximate");
  }
  if (at('T')) return fail("a time needs a full date, e.g. 2024-01-23T10:16:00");
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

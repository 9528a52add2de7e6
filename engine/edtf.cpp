#include "engine/edtf.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace eventgraph {

namespace {

using date::sys_days;

// Indexed by the enumerators, in declaration order.
constexpr std::array<std::string_view, 7> kPrecisionNames = {"day",    "month",   "season",  "year",
                                                             "decade", "century", "interval"};
constexpr std::array<std::string_view, 3> kBoundNames = {"known", "open", "unknown"};
constexpr std::array<std::string_view, 12> kMonthNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

// The longest valid text is an interval of two date-times with offsets (53
// characters); anything much longer is rejected before it is scanned.
constexpr std::size_t kMaxLength = 64;
// Error messages stay one readable line even for hostile input.
constexpr std::size_t kMaxQuoted = 40;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_qualifier(char c) { return c == '?' || c == '~' || c == '%'; }
bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Sort key for one end: a missing start sorts before every known day, a
// missing end after.
std::pair<bool, date::days::rep> sort_key(std::optional<sys_days> day, bool missing_last) {
  return {day.has_value() != missing_last, day ? day->time_since_epoch().count() : 0};
}

// Astronomical year, at least four digits: -0001, 0000, 12000.
std::string format_year(int year) {
  std::string digits = std::to_string(year < 0 ? -year : year);
  if (digits.size() < 4) digits.insert(0, 4 - digits.size(), '0');
  return year < 0 ? '-' + digits : digits;
}

std::string two_digits(unsigned value) {
  return {static_cast<char>('0' + value / 10 % 10), static_cast<char>('0' + value % 10)};
}

// Quotes text for an error message: cut after kMaxQuoted bytes, with bytes
// that could break the line or the terminal shown as \xNN.
std::string quote(std::string_view text) {
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

}  // namespace

std::string_view to_string(Precision precision) {
  return kPrecisionNames.at(static_cast<std::size_t>(precision));
}

std::string_view to_string(Bound bound) { return kBoundNames.at(static_cast<std::size_t>(bound)); }

EdtfDate::EdtfDate(std::string text, Bound start, date::sys_days first, Bound end,
                   date::sys_days last, Precision precision, bool uncertain,
                   bool approximate) noexcept
    : text_(std::move(text)),
      earliest_(first),
      latest_(last),
      start_(start),
      end_(end),
      precision_(precision),
      uncertain_(uncertain),
      approximate_(approximate),
      ok_(true) {}

std::optional<date::sys_days> EdtfDate::earliest() const noexcept {
  return start_ == Bound::known ? std::optional(earliest_) : std::nullopt;
}

std::optional<date::sys_days> EdtfDate::latest() const noexcept {
  return end_ == Bound::known ? std::optional(latest_) : std::nullopt;
}

std::strong_ordering compare_bounds(const EdtfDate& a, const EdtfDate& b) noexcept {
  if (auto order = sort_key(a.earliest(), false) <=> sort_key(b.earliest(), false); order != 0) {
    return order;
  }
  return sort_key(a.latest(), true) <=> sort_key(b.latest(), true);
}

std::strong_ordering operator<=>(const EdtfDate& a, const EdtfDate& b) noexcept {
  if (auto order = compare_bounds(a, b); order != 0) return order;
  return a.text_ <=> b.text_;
}

std::string format_day(date::sys_days day) {
  const date::year_month_day ymd{day};
  return format_year(static_cast<int>(ymd.year())) + '-' +
         two_digits(static_cast<unsigned>(ymd.month())) + '-' +
         two_digits(static_cast<unsigned>(ymd.day()));
}

namespace {

// The value of digits, each X read as `x_digit`. Callers keep it short
// enough not to overflow.
int to_int(std::string_view digits, char x_digit) {
  int value = 0;
  for (char c : digits) value = value * 10 + ((c == 'X' ? x_digit : c) - '0');
  return value;
}

// The days one date (no '/') may denote.
struct Span {
  sys_days first{};
  sys_days last{};
  Precision precision = Precision::day;
  bool uncertain = false;
  bool approximate = false;
};

Span year_span(int first_year, int last_year, Precision precision) {
  return {sys_days{date::year{first_year} / date::January / 1},
          sys_days{date::year{last_year} / date::December / 31}, precision};
}

Span month_span(date::year_month month) {
  return {sys_days{month / 1}, sys_days{month / date::last}, Precision::month};
}

// Meteorological seasons (northern hemisphere) are three whole months, so
// winter runs from December into the next year's February, leap day included.
Span season_span(date::year year, int season) {
  const date::year_month first = year / date::month{static_cast<unsigned>(3 * (season - 20))};
  const date::year_month last = first + date::months{2};
  return {sys_days{first / 1}, sys_days{last / date::last}, Precision::season};
}

// Why day `day` does not exist in `year`-`month`.
std::string day_problem(date::year year, date::month month, unsigned day) {
  if (day < 1 || day > 31) return "day " + two_digits(day) + " is not between 01 and 31";
  const std::string year_text = format_year(static_cast<int>(year));
  if (month == date::February && !year.is_leap()) {
    return year_text + " is not a leap year, so february has 28 days";
  }
  const auto last = static_cast<unsigned>((year / month / date::last).day());
  std::string name{kMonthNames[static_cast<unsigned>(month) - 1]};
  if (month == date::February) name += " " + year_text;
  return name + " has " + std::to_string(last) + " days";
}

// Names a year past kMaxYear without echoing a hostile number of digits.
std::string out_of_range(const std::string& sign, std::string_view digits) {
  const std::string year = digits.size() <= 10
                               ? "year " + sign + std::string(digits)
                               : "a year of " + std::to_string(digits.size()) + " digits";
  return year + " is outside the supported range " + std::to_string(kMinYear) + " to " +
         std::to_string(kMaxYear);
}

// Parses one date or date-time, the whole of `text` (an interval end or a
// single date). Errors say what is wrong without repeating the full text.
class DateParser {
 public:
  explicit DateParser(std::string_view text) : text_(text) {}

  std::optional<Span> parse();
  const std::string& error() const { return error_; }

 private:
  bool at(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  bool at_end() const { return pos_ >= text_.size(); }
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
  std::optional<int> take_two_digits() {
    const std::string_view digits = text_.substr(pos_, 2);
    if (digits.size() != 2 || !is_digit(digits[0]) || !is_digit(digits[1])) return std::nullopt;
    pos_ += 2;
    return to_int(digits, '0');
  }

  std::optional<Span> parse_long_year();
  std::optional<Span> parse_month(date::year year);
  std::optional<Span> parse_day(date::year year, std::string_view month);
  std::optional<Span> parse_time(Span day);
  std::optional<Span> parse_offset(Span day);
  std::optional<Span> finish(Span span, bool allow_qualifier);

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string error_;
};

std::optional<Span> DateParser::parse() {
  if (at('Y')) return parse_long_year();
  if (!at_end() && is_qualifier(text_[pos_])) {
    return fail("a qualifier goes at the end of a date, e.g. 2022?");
  }
  if (at('[') || at('{')) return fail("sets ([...] and {...}) are EDTF level 2 and not supported");
  const bool negative = take('-');
  if (negative && at('Y')) return fail("the minus sign goes after the Y, e.g. Y-12000");

  const std::string_view year = take_run();
  const std::string sign = negative ? "-" : "";
  const bool all_digits = std::all_of(year.begin(), year.end(), is_digit);
  // Suggest padding only where a year plausibly ends, not for 29.03.2022.
  const bool year_ends = at_end() || at('-') || is_qualifier(text_[pos_]);
  if (!year.empty() && year.size() < 4 && all_digits && year_ends) {
    return fail("a year must have four digits; write " + sign + std::string(4 - year.size(), '0') +
                std::string(year));
  }
  if (year.size() > 4 && all_digits) {
    if (year.size() > 5 || to_int(year, '0') > kMaxYear) return fail(out_of_range(sign, year));
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
  const int low = to_int(year, '0');
  const int high = to_int(year, '9');
  if (negative && high == 0) return fail("-0000 is not a valid year; write 0000");
  const Precision precision = unspecified == 0   ? Precision::year
                              : unspecified == 1 ? Precision::decade
                                                 : Precision::century;
  if (!take('-')) {
    return finish(negative ? year_span(-high, -low, precision) : year_span(low, high, precision),
                  true);
  }
  if (unspecified > 0) {
    return fail("a year with unspecified digits (" + sign + std::string(year) +
                ") cannot have a month");
  }
  return parse_month(date::year{negative ? -low : low});
}

// After YYYY-: a month, XX or a season.
std::optional<Span> DateParser::parse_month(date::year year) {
  const std::string_view month = take_run();
  if (month.empty()) return fail("expected a two-digit month after the year");
  if (month.size() == 1 && month != "X") {
    return fail("a month must have two digits; write 0" + std::string(month));
  }
  if (month.size() != 2) return fail("a month must have two digits");
  if (month == "XX") return parse_day(year, month);
  if (month.find('X') != std::string_view::npos) return fail("a month is either two digits or XX");
  const int number = to_int(month, '0');
  if (number >= 21 && number <= 24) {
    if (at('-')) return fail("a season cannot have a day");
    return finish(season_span(year, number), true);
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
std::optional<Span> DateParser::parse_day(date::year year, std::string_view month) {
  const bool month_unspecified = month == "XX";
  const date::year_month ym = year / date::month{static_cast<unsigned>(to_int(month, '0'))};
  const int y = static_cast<int>(year);
  const Span whole = month_unspecified ? year_span(y, y, Precision::year) : month_span(ym);
  if (!take('-')) return finish(whole, true);

  const std::string_view day = take_run();
  if (day.empty()) return fail("expected a two-digit day after the month");
  if (day.size() == 1 && day != "X") {
    return fail("a day must have two digits; write 0" + std::string(day));
  }
  if (day.size() != 2) return fail("a day must have two digits");
  if (day == "XX") return finish(whole, true);
  if (day.find('X') != std::string_view::npos) return fail("a day is either two digits or XX");
  if (month_unspecified) {
    return fail("a day cannot follow an unspecified month (XX); write XX-XX or give the month");
  }
  const auto d = static_cast<unsigned>(to_int(day, '0'));
  const date::year_month_day ymd = ym / date::day{d};
  if (!ymd.ok()) return fail(day_problem(year, ym.month(), d));

  const Span span{sys_days{ymd}, sys_days{ymd}, Precision::day};
  if (at('t')) return fail("use an uppercase T between the date and the time");
  return at('T') ? parse_time(span) : finish(span, true);
}

// Thh:mm:ss with an optional Z or offset. Only validated: the bounds use the
// calendar day as written.
std::optional<Span> DateParser::parse_time(Span day) {
  ++pos_;  // 'T'
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
  if (at('+') || at('-')) return parse_offset(day);
  take('Z');
  return finish(day, false);
}

// +hh or +hh:mm (or -), at most 14 hours either way.
std::optional<Span> DateParser::parse_offset(Span day) {
  const char sign = text_[pos_++];
  const auto hours = take_two_digits();
  const auto minutes = !hours ? std::nullopt : take(':') ? take_two_digits() : std::optional(0);
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
  return finish(day, false);
}

// Y12000, Y-12000: a year of more than four digits, with nothing after it
// but a qualifier.
std::optional<Span> DateParser::parse_long_year() {
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
  // Without a leading zero, six digits are already past kMaxYear; checking
  // the length first keeps to_int from overflowing.
  if (digits.size() > 5 || to_int(digits, '0') > kMaxYear) return fail(out_of_range(sign, digits));
  if (at('-')) return fail("a Y-prefixed year cannot have a month or day");
  const int year = sign.empty() ? to_int(digits, '0') : -to_int(digits, '0');
  return finish(year_span(year, year, Precision::year), true);
}

// An optional qualifier, then the end of the text.
std::optional<Span> DateParser::finish(Span span, bool allow_qualifier) {
  if (!at_end() && is_qualifier(text_[pos_])) {
    if (!allow_qualifier) return fail("a date-time cannot have a qualifier (?, ~ or %)");
    const char q = text_[pos_++];
    span.uncertain = q == '?' || q == '%';
    span.approximate = q == '~' || q == '%';
    if (!at_end() && is_qualifier(text_[pos_])) {
      return fail("a date takes one qualifier; use % for uncertain and approximate");
    }
  }
  if (at('T')) return fail("a time needs a full date, e.g. 2024-01-23T10:16:00");
  if (!at_end()) {
    return fail("unexpected " + quote(text_.substr(pos_)) + " after " +
                quote(text_.substr(0, pos_)));
  }
  return span;
}

// One end of an interval, or a whole single date.
struct End {
  Bound bound = Bound::known;
  Span span;
};

std::optional<End> parse_end(std::string_view text, std::string& error) {
  if (text.empty()) return End{Bound::unknown, {}};
  if (text == "..") return End{Bound::open, {}};
  if (text.substr(0, 2) == "..") {
    error = "'..' stands alone as an open end, e.g. ../2021";
    return std::nullopt;
  }
  // Older EDTF drafts spelled the ends out; point such data at the new forms.
  if (text == "open" || text == "unknown") {
    error = quote(text) +
            " is from an old EDTF draft; write '..' for an open end and leave an unknown end empty";
    return std::nullopt;
  }
  DateParser parser(text);
  auto span = parser.parse();
  if (!span) {
    error = parser.error();
    return std::nullopt;
  }
  return End{Bound::known, *span};
}

// Problems visible without parsing: emptiness, size, bytes that no EDTF text
// contains. Checking the size first keeps hostile input cheap.
std::optional<std::string> check_characters(std::string_view text) {
  if (text.empty()) return "the text is empty; expected an EDTF date such as 2022-03-29";
  if (text.size() > kMaxLength) {
    return "too long (" + std::to_string(text.size()) + " bytes); an EDTF date has at most " +
           std::to_string(kMaxLength);
  }
  if (is_space(text.front()) || is_space(text.back())) {
    return "remove the leading or trailing whitespace";
  }
  const auto bad = std::find_if(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte <= 0x20 || byte >= 0x7f || c == 'x';
  });
  if (bad == text.end()) return std::nullopt;
  const auto index = static_cast<std::size_t>(bad - text.begin());
  const std::string where = " at character " + std::to_string(index + 1);
  if (*bad == ' ') return "unexpected space" + where + "; EDTF has no spaces";
  if (*bad == 'x') {
    return "lowercase 'x'" + where + " is not EDTF; use uppercase X for unspecified digits";
  }
  return "unexpected byte " + quote(text.substr(index, 1)) + where + "; EDTF is plain ASCII";
}

EdtfParseResult failure(std::string_view text, const std::string& problem) {
  return {EdtfDate{}, "invalid date " + quote(text) + ": " + problem};
}

}  // namespace

EdtfParseResult parse_edtf(std::string_view text) {
  if (auto problem = check_characters(text)) return failure(text, *problem);

  std::string error;
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) {
    const auto single = parse_end(text, error);
    if (!single) return failure(text, error);
    if (single->bound != Bound::known) {
      return failure(text, "'..' (an open end) needs an interval, e.g. ../2021 or 2025-10/..");
    }
    const Span& s = single->span;
    return {EdtfDate(std::string(text), Bound::known, s.first, Bound::known, s.last, s.precision,
                     s.uncertain, s.approximate),
            {}};
  }
  if (text.find('/', slash + 1) != std::string_view::npos) {
    return failure(text, "an interval has exactly one '/'; dates use '-', e.g. 2022-03-29");
  }

  const auto start = parse_end(text.substr(0, slash), error);
  if (!start) return failure(text, error + " (in the interval's start)");
  const auto end = parse_end(text.substr(slash + 1), error);
  if (!end) return failure(text, error + " (in the interval's end)");
  const bool start_known = start->bound == Bound::known;
  const bool end_known = end->bound == Bound::known;
  if (!start_known && !end_known) {
    return failure(text, "an interval needs at least one known end, e.g. ../2021");
  }
  if (start_known && end_known && start->span.first > end->span.last) {
    return failure(text, "the interval starts on " + format_day(start->span.first) +
                             ", after it ends on " + format_day(end->span.last));
  }
  // An end that is not known borrows the other end's days, so known_first()
  // and known_last() cover the part that is known.
  const Span& first = start_known ? start->span : end->span;
  const Span& last = end_known ? end->span : start->span;
  return {EdtfDate(std::string(text), start->bound, first.first, end->bound, last.last,
                   Precision::interval, start->span.uncertain || end->span.uncertain,
                   start->span.approximate || end->span.approximate),
          {}};
}

}  // namespace eventgraph

// EDTF (ISO 8601-2, Levels 0 and 1) dates as values with calendar bounds.
//
// An EdtfDate knows the text it was parsed from, the earliest and latest
// calendar day it may denote (inclusive), how precise it is and how it is
// qualified. Like date::year_month_day, a default-constructed EdtfDate exists
// but is not ok(); parse_edtf never throws.
#pragma once

#include <date/date.h>

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace eventgraph {

/// How finely a date is known. An interval reports `interval`.
enum class Precision : std::uint8_t {
  day,
  month,
  season,
  year,
  decade,
  century,
  interval,
};

/// The lowercase name used in text and JSON output ("day", "season", ...).
std::string_view to_string(Precision precision);

/// What is known about one end of a date. A single date has two known ends.
enum class Bound : std::uint8_t {
  known,    ///< a calendar day
  open,     ///< `..`: the interval runs on without limit
  unknown,  ///< empty: the interval has an end, but it is not known
};

/// The lowercase name used in JSON output ("known", "open", "unknown").
std::string_view to_string(Bound bound);

/// Supported years, the range of date::year.
inline constexpr int kMinYear = -32767;
inline constexpr int kMaxYear = 32767;

/// A parsed EDTF date or interval. Regular value type; cheap to copy.
class EdtfDate {
 public:
  EdtfDate() = default;  ///< not ok()

  /// Builds a date from already-checked parts (see known_first/known_last
  /// for what the days mean when an end is not known); parse_edtf is the
  /// usual door.
  EdtfDate(std::string text, Bound start, date::sys_days first, Bound end, date::sys_days last,
           Precision precision, bool uncertain, bool approximate) noexcept;

  /// True for a date that came out of a successful parse.
  bool ok() const noexcept { return ok_; }

  /// The EDTF text exactly as written.
  const std::string& text() const noexcept { return text_; }

  /// The earliest day, or nullopt when the start is open or unknown.
  std::optional<date::sys_days> earliest() const noexcept;
  /// The latest day, or nullopt when the end is open or unknown.
  std::optional<date::sys_days> latest() const noexcept;

  /// The first and last day the known parts of the date cover, for drawing:
  /// `../2021` covers 2021-01-01..2021-12-31 and `2025-10/..` covers
  /// 2025-10-01..2025-10-31; start() and end() say that an end runs on.
  date::sys_days known_first() const noexcept { return earliest_; }
  date::sys_days known_last() const noexcept { return latest_; }

  Bound start() const noexcept { return start_; }
  Bound end() const noexcept { return end_; }
  Precision precision() const noexcept { return precision_; }
  bool is_interval() const noexcept { return precision_ == Precision::interval; }

  /// `?` or `%` on the date, or on either end of an interval.
  bool uncertain() const noexcept { return uncertain_; }
  /// `~` or `%` on the date, or on either end of an interval.
  bool approximate() const noexcept { return approximate_; }

  /// Chronological order: compare_bounds(), then text.
  friend std::strong_ordering operator<=>(const EdtfDate& a, const EdtfDate& b) noexcept;
  friend bool operator==(const EdtfDate& a, const EdtfDate& b) noexcept { return (a <=> b) == 0; }

 private:
  std::string text_;
  date::sys_days earliest_{};
  date::sys_days latest_{};
  Bound start_ = Bound::known;
  Bound end_ = Bound::known;
  Precision precision_ = Precision::day;
  bool uncertain_ = false;
  bool approximate_ = false;
  bool ok_ = false;
};

/// Chronological order of bounds only: earliest day, then latest day. An
/// open or unknown start sorts before every known day, an open or unknown
/// end after every known day.
std::strong_ordering compare_bounds(const EdtfDate& a, const EdtfDate& b) noexcept;

/// The outcome of parse_edtf: a date, or an error that quotes the text and
/// says what is wrong (lowercase, one line).
struct EdtfParseResult {
  EdtfDate date;
  std::string error;
  bool ok() const noexcept { return date.ok(); }
};

/// Parses EDTF Level 0 and Level 1: `2022`, `2022-03`, `2022-03-29`,
/// seasons `2022-21`..`2022-24`, qualifiers `?` `~` `%`, unspecified digits
/// (`201X`, `2025-10-XX`), intervals with open (`..`) or unknown (empty)
/// ends, negative and `Y`-prefixed years, and date-times whose calendar day
/// counts for the bounds. Calendar validity is strict.
///
/// Example:
///   auto r = parse_edtf("2022-21");  // spring 2022
///   // r.date.earliest() == 2022-03-01, r.date.latest() == 2022-05-31
EdtfParseResult parse_edtf(std::string_view text);

/// Formats a day as `YYYY-MM-DD` with astronomical years: `-0001-01-01`,
/// `12000-01-01`.
std::string format_day(date::sys_days day);

}  // namespace eventgraph

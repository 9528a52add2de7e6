// EDTF (ISO 8601-2, Levels 0, 1 and 2) dates as values with calendar bounds.
//
// An EdtfDate knows the text it was parsed from, the earliest and latest
// calendar day it may denote (inclusive), its kind (a date, an interval, a
// one-of or all-of set), how precise and how qualified each part is, and the
// EDTF level it needs. Like date::year_month_day, a default-constructed
// EdtfDate exists but is not ok(); parse_edtf never throws.
#pragma once

#include "engine/day.h"

#include <compare>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph {

/// How finely a date is known. An interval reports `interval`, a set `set`.
enum class Precision : std::uint8_t {
  day,
  month,
  season,        ///< 21-32: a season, either hemisphere
  quarter,       ///< 33-36
  quadrimester,  ///< 37-39
  semester,      ///< 40-41
  year,
  decade,       ///< one unspecified year digit: 201X
  century,      ///< two: 20XX
  millennium,   ///< three: 2XXX
  unspecified,  ///< no digit of the year known: XXXX
  interval,
  set,
};

/// The lowercase name used in text and JSON output ("day", "season", ...).
std::string_view to_string(Precision precision);

/// What is known about one end of a date. A single date has two known ends.
enum class Bound : std::uint8_t {
  known,    ///< a calendar day
  open,     ///< `..`: the interval (or set) runs on without limit
  unknown,  ///< empty: the interval has an end, but it is not known
};

/// The lowercase name used in JSON output ("known", "open", "unknown").
std::string_view to_string(Bound bound);

/// The EDTF conformance levels: 0 is ISO 8601-1, 1 and 2 add ISO 8601-2 forms.
enum class EdtfLevel : std::uint8_t { zero = 0, one = 1, two = 2 };

/// What a text is: one date, an interval, or a set of dates.
enum class EdtfKind : std::uint8_t {
  date,      ///< `2022-03`
  interval,  ///< `2022-03/2022-04`
  one_of,    ///< `[1667,1668]`: the event happened on one of the members
  all_of,    ///< `{1667,1668}`: it happened on all of them
};

/// The name used in text and JSON output ("date", "interval", "one-of", "all-of").
std::string_view to_string(EdtfKind kind);

/// How a date or component is qualified: `?` uncertain, `~` approximate,
/// `%` both. Combine with `|`.
enum class Qualifier : std::uint8_t {
  none = 0,
  uncertain = 1,
  approximate = 2,
  uncertain_and_approximate = 3,
};

constexpr Qualifier operator|(Qualifier a, Qualifier b) noexcept {
  return static_cast<Qualifier>(static_cast<std::uint8_t>(a) | static_cast<std::uint8_t>(b));
}
/// True when `set` includes every flag of `q` (and q is not none).
constexpr bool has(Qualifier set, Qualifier q) noexcept {
  const auto bits = static_cast<std::uint8_t>(q);
  return bits != 0 && (static_cast<std::uint8_t>(set) & bits) == bits;
}

/// Which digits of a date are unspecified (X): per component, bit i is the
/// i-th digit from the left (`156X` has year bit 3 set, `XX` a month of 0b11).
struct UnspecifiedDigits {
  std::uint8_t year = 0;
  std::uint8_t month = 0;
  std::uint8_t day = 0;

  constexpr bool any() const noexcept { return (year | month | day) != 0; }
  friend constexpr bool operator==(const UnspecifiedDigits&,
                                   const UnspecifiedDigits&) noexcept = default;
};

/// One calendar date as written: no '/', no set brackets. `2004-06-~11`,
/// `156X-12-25`, `Y-17E7`, `2001-34`, `2024-01-23T10:16:00Z`.
struct SingleDate {
  DayRange days;           ///< every day it may denote
  std::int64_t year = 0;   ///< as written: X read as 0, E expanded, S the estimate
  std::uint8_t month = 0;  ///< 1-12, 21-41 for a season or other sub-year grouping, 0 if absent
  std::uint8_t day = 0;    ///< 1-31, 0 when absent (X read as 0)
  Precision precision = Precision::day;
  Qualifier year_qualifier = Qualifier::none;
  Qualifier month_qualifier = Qualifier::none;  ///< also a season's or grouping's
  Qualifier day_qualifier = Qualifier::none;
  UnspecifiedDigits unspecified;
  std::uint8_t significant_digits = 0;  ///< `S`: 0 when not given
  bool exponential = false;             ///< the year was written with `E`
  bool has_time = false;                ///< a date-time; its day is what counts

  /// Every qualifier on any component.
  constexpr Qualifier qualifiers() const noexcept {
    return year_qualifier | month_qualifier | day_qualifier;
  }
  friend constexpr bool operator==(const SingleDate&, const SingleDate&) noexcept = default;
};

/// A member of a set: one date (`first == last`) or a range `first..last`.
struct SetMember {
  SingleDate first;
  SingleDate last;
  Bound start = Bound::known;     ///< open for `..1760-12-03`, the first member only
  Bound end = Bound::known;       ///< open for `1760-12..`, the last member only
  std::uint32_t text_offset = 0;  ///< where the member is written in the set's text()
  std::uint32_t text_length = 0;

  constexpr bool is_range() const noexcept { return !(first == last); }
  /// From the first date's first day to the last date's last day.
  constexpr DayRange days() const noexcept {
    return DayRange(first.days.first(), last.days.end() - first.days.first());
  }
  friend constexpr bool operator==(const SetMember&, const SetMember&) noexcept = default;
};

/// A parsed EDTF date, interval or set. Regular value type; made by parse_edtf.
class EdtfDate {
 public:
  EdtfDate() = default;  ///< not ok()

  /// True for a date that came out of a successful parse.
  bool ok() const noexcept { return ok_; }

  /// The EDTF text exactly as written.
  const std::string& text() const noexcept { return text_; }

  EdtfKind kind() const noexcept { return kind_; }
  bool is_interval() const noexcept { return kind_ == EdtfKind::interval; }
  bool is_set() const noexcept { return kind_ == EdtfKind::one_of || kind_ == EdtfKind::all_of; }

  /// The lowest EDTF level that has every form this text uses.
  EdtfLevel level() const noexcept { return level_; }
  /// The form that needs level(), for messages: "a one-of set [...]"; empty
  /// at level 0.
  std::string_view level_feature() const noexcept { return level_feature_; }

  /// The earliest day, or nullopt when the start is open or unknown.
  std::optional<Day> earliest() const noexcept;
  /// The latest day, or nullopt when the end is open or unknown.
  std::optional<Day> latest() const noexcept;

  /// The first and last day the known parts of the date cover, for drawing:
  /// `../2021` covers 2021-01-01..2021-12-31 and `2025-10/..` covers
  /// 2025-10-01..2025-10-31; start() and end() say that an end runs on.
  Day known_first() const noexcept { return known_.first(); }
  Day known_last() const noexcept { return known_.last(); }
  /// known_first() to known_last() as a half-open range.
  DayRange known_days() const noexcept { return known_; }

  Bound start() const noexcept { return start_; }
  Bound end() const noexcept { return end_; }
  Precision precision() const noexcept { return precision_; }

  /// The date that starts it: the date itself, an interval's start (when
  /// start() is known; else its end), or a set's earliest member date.
  const SingleDate& start_date() const noexcept { return start_date_; }
  /// The date that ends it: the date itself, an interval's end (when end()
  /// is known; else its start), or a set's latest member date.
  const SingleDate& end_date() const noexcept { return end_date_; }
  /// A set's members in the order written; empty for a date or interval.
  std::span<const SetMember> members() const noexcept { return members_; }
  /// A member's text as written: `1670..1672`, `..1760-12-03`.
  std::string_view member_text(const SetMember& member) const noexcept {
    return std::string_view(text_).substr(member.text_offset, member.text_length);
  }

  /// Every qualifier anywhere in the text.
  Qualifier qualifiers() const noexcept { return qualifiers_; }
  /// `?` or `%` anywhere: on the date, a component, an end or a member.
  bool uncertain() const noexcept { return has(qualifiers_, Qualifier::uncertain); }
  /// `~` or `%` anywhere.
  bool approximate() const noexcept { return has(qualifiers_, Qualifier::approximate); }

  /// Chronological order: compare_bounds(), then text.
  friend std::strong_ordering operator<=>(const EdtfDate& a, const EdtfDate& b) noexcept;
  friend bool operator==(const EdtfDate& a, const EdtfDate& b) noexcept { return (a <=> b) == 0; }

 private:
  friend struct EdtfDateBuilder;

  std::string text_;
  SingleDate start_date_;
  SingleDate end_date_;
  std::vector<SetMember> members_;
  DayRange known_;
  std::string_view level_feature_;
  Bound start_ = Bound::known;
  Bound end_ = Bound::known;
  EdtfKind kind_ = EdtfKind::date;
  EdtfLevel level_ = EdtfLevel::zero;
  Precision precision_ = Precision::day;
  Qualifier qualifiers_ = Qualifier::none;
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

/// Parses EDTF up to `max_level`: Level 0 dates, date-times and intervals;
/// Level 1 seasons, qualifiers, unspecified digits from the right, open and
/// unknown interval ends, negative and Y-prefixed years; Level 2 component
/// qualification, unspecified digits anywhere, exponential years, significant
/// digits, sub-year groupings 21-41 and one-of/all-of sets. Calendar validity
/// is strict; years run from kMinYear to kMaxYear. A form above `max_level`
/// is an error that names the level it needs.
///
/// Example:
///   auto r = parse_edtf("2022-21");  // spring 2022
///   // r.date.earliest() == 2022-03-01, r.date.latest() == 2022-05-31
EdtfParseResult parse_edtf(std::string_view text, EdtfLevel max_level = EdtfLevel::two);

/// Reads `0`, `1` or `2` as a level; nullopt for anything else.
std::optional<EdtfLevel> parse_edtf_level(std::string_view text);

}  // namespace eventgraph

#include "engine/edtf.h"

#include "engine/detail/edtf_grammar.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace eventgraph {

namespace {

using detail::edtf_quote;
using detail::ParsedSingle;

// Indexed by the enumerators, in declaration order.
constexpr std::array<std::string_view, 13> kPrecisionNames = {
    "day",    "month",   "season",     "quarter",     "quadrimester", "semester", "year",
    "decade", "century", "millennium", "unspecified", "interval",     "set"};
constexpr std::array<std::string_view, 3> kBoundNames = {"known", "open", "unknown"};
constexpr std::array<std::string_view, 4> kKindNames = {"date", "interval", "one-of", "all-of"};

// The longest valid text is an interval of two date-times with offsets (53
// characters); anything much longer is rejected before it is scanned.
constexpr std::size_t kMaxLength = 64;
// A set lists dates; a thousand bytes is a long list and still cheap.
constexpr std::size_t kMaxSetLength = 1024;

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Sort key for one end: a missing start sorts before every known day, a
// missing end after.
std::pair<bool, Days::rep> sort_key(std::optional<Day> day, bool missing_last) {
  return {day.has_value() != missing_last, day ? day->since_epoch().count() : 0};
}

}  // namespace

std::string_view to_string(Precision precision) {
  return kPrecisionNames.at(static_cast<std::size_t>(precision));
}

std::string_view to_string(Bound bound) { return kBoundNames.at(static_cast<std::size_t>(bound)); }

std::string_view to_string(EdtfKind kind) { return kKindNames.at(static_cast<std::size_t>(kind)); }

std::optional<Day> EdtfDate::earliest() const noexcept {
  return start_ == Bound::known ? std::optional(known_.first()) : std::nullopt;
}

std::optional<Day> EdtfDate::latest() const noexcept {
  return end_ == Bound::known ? std::optional(known_.last()) : std::nullopt;
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

std::optional<EdtfLevel> parse_edtf_level(std::string_view text) {
  if (text == "0") return EdtfLevel::zero;
  if (text == "1") return EdtfLevel::one;
  if (text == "2") return EdtfLevel::two;
  return std::nullopt;
}

// Assembles an EdtfDate from parsed parts; the only code that sets its
// members.
struct EdtfDateBuilder {
  EdtfDate date;

  EdtfDateBuilder(std::string_view text, EdtfKind kind) {
    date.text_ = std::string(text);
    date.kind_ = kind;
    date.ok_ = true;
  }
  void ends(const SingleDate& start, const SingleDate& end) {
    date.start_date_ = start;
    date.end_date_ = end;
    date.qualifiers_ = date.qualifiers_ | start.qualifiers() | end.qualifiers();
  }
  void bounds(Bound start, Bound end) { date.start_ = start, date.end_ = end; }
  void known(DayRange days) { date.known_ = days; }
  void precision(Precision p) { date.precision_ = p; }
  void members(std::vector<SetMember> members) { date.members_ = std::move(members); }
  void level(const detail::LevelNeed& need) {
    date.level_ = need.level;
    date.level_feature_ = need.feature;
  }
};

namespace {

// One end of an interval, or a whole single date.
struct End {
  Bound bound = Bound::known;
  ParsedSingle parsed;
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
    error = edtf_quote(text) +
            " is from an old EDTF draft; write '..' for an open end and leave an unknown end empty";
    return std::nullopt;
  }
  auto parsed = detail::parse_single_date(text, error);
  if (!parsed) return std::nullopt;
  return End{Bound::known, *parsed};
}

// Problems visible without parsing: emptiness, size, bytes that no EDTF text
// contains. Checking the size first keeps hostile input cheap.
std::optional<std::string> check_characters(std::string_view text) {
  if (text.empty()) return "the text is empty; expected an EDTF date such as 2022-03-29";
  const bool set = text.front() == '[' || text.front() == '{';
  if (text.size() > (set ? kMaxSetLength : kMaxLength)) {
    return "too long (" + std::to_string(text.size()) + " bytes); an EDTF " +
           (set ? "set" : "date") + " has at most " +
           std::to_string(set ? kMaxSetLength : kMaxLength);
  }
  if (is_space(text.front()) || is_space(text.back())) {
    return "remove the leading or trailing whitespace";
  }
  const auto bad = std::find_if(text.begin(), text.end(), [set](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte <= 0x20 && !(set && c == ' ')) || byte >= 0x7f || c == 'x';
  });
  if (bad == text.end()) return std::nullopt;
  const auto index = static_cast<std::size_t>(bad - text.begin());
  const std::string where = " at character " + std::to_string(index + 1);
  if (*bad == ' ') return "unexpected space" + where + "; EDTF has no spaces";
  if (*bad == 'x') {
    return "lowercase 'x'" + where + " is not EDTF; use uppercase X for unspecified digits";
  }
  return "unexpected byte " + edtf_quote(text.substr(index, 1)) + where + "; EDTF is plain ASCII";
}

EdtfParseResult failure(std::string_view text, const std::string& problem) {
  return {EdtfDate{}, "invalid date " + edtf_quote(text) + ": " + problem};
}

std::string_view level_name(EdtfLevel level) {
  return level == EdtfLevel::zero ? "0" : level == EdtfLevel::one ? "1" : "2";
}

EdtfParseResult parse_interval(std::string_view text, std::size_t slash) {
  std::string error;
  const auto start = parse_end(text.substr(0, slash), error);
  if (!start) return failure(text, error + " (in the interval's start)");
  const auto end = parse_end(text.substr(slash + 1), error);
  if (!end) return failure(text, error + " (in the interval's end)");
  const bool start_known = start->bound == Bound::known;
  const bool end_known = end->bound == Bound::known;
  if (!start_known && !end_known) {
    return failure(text, "an interval needs at least one known end, e.g. ../2021");
  }
  const SingleDate& from = start->parsed.date;
  const SingleDate& to = end->parsed.date;
  if (start_known && end_known && from.days.first() > to.days.last()) {
    return failure(text, "the interval starts on " + format_day(from.days.first()) +
                             ", after it ends on " + format_day(to.days.last()));
  }
  detail::LevelNeed need = start->parsed.need;
  need.raise(end->parsed.need);
  if (!start_known || !end_known) need.raise(EdtfLevel::one, "an open or unknown interval end");

  EdtfDateBuilder built(text, EdtfKind::interval);
  // An end that is not known borrows the other end's date, so known_first()
  // and known_last() cover the part that is known.
  const SingleDate& first = start_known ? from : to;
  const SingleDate& last = end_known ? to : from;
  built.ends(first, last);
  built.bounds(start->bound, end->bound);
  built.known(DayRange(first.days.first(), last.days.end() - first.days.first()));
  built.precision(Precision::interval);
  built.level(need);
  return {std::move(built.date), {}};
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// One member of a set: a date, a range `a..b`, or an open `..b` / `a..`.
std::optional<SetMember> parse_member(std::string_view text, bool first, bool last,
                                      detail::LevelNeed& need, std::string& error) {
  if (text.empty()) {
    error = "a set member is empty; separate dates with one comma, e.g. [1667,1668]";
    return std::nullopt;
  }
  if (text.find(' ') != std::string_view::npos) {
    error = "unexpected space in " + edtf_quote(text) + "; spaces may only follow a comma";
    return std::nullopt;
  }
  if (text.find_first_of("[]{}") != std::string_view::npos) {
    error = "sets cannot be nested";
    return std::nullopt;
  }
  if (text.find('/') != std::string_view::npos) {
    error = "a set member cannot be an interval; write a range as 1670..1672";
    return std::nullopt;
  }
  SetMember member;
  const std::size_t dots = text.find("..");
  auto date = [&](std::string_view part) -> std::optional<SingleDate> {
    auto parsed = detail::parse_single_date(part, error);
    if (!parsed) return std::nullopt;
    need.raise(parsed->need);
    return parsed->date;
  };
  if (dots == std::string_view::npos) {
    const auto d = date(text);
    if (!d) return std::nullopt;
    member.first = member.last = *d;
    return member;
  }
  const std::string_view before = text.substr(0, dots);
  const std::string_view after = text.substr(dots + 2);
  if (before.empty() == after.empty()) {
    if (before.empty()) error = "'..' alone is not a set member; write ..1760 or 1760..";
    if (!before.empty()) {
      const auto from = date(before);
      if (!from) return std::nullopt;
      const auto to = date(after);
      if (!to) return std::nullopt;
      if (from->days.first() > to->days.last()) {
        error = "the range " + edtf_quote(text) + " starts on " + format_day(from->days.first()) +
                ", after it ends on " + format_day(to->days.last());
        return std::nullopt;
      }
      member.first = *from;
      member.last = *to;
      return member;
    }
    return std::nullopt;
  }
  if (!before.empty() && after.empty() && !last) {
    error = "only the last member of a set may run on ('" + std::string(before) + "..')";
    return std::nullopt;
  }
  if (before.empty() && !first) {
    error =
        "only the first member of a set may be open at the start ('.." + std::string(after) + "')";
    return std::nullopt;
  }
  const auto d = date(before.empty() ? after : before);
  if (!d) return std::nullopt;
  member.first = member.last = *d;
  (before.empty() ? member.start : member.end) = Bound::open;
  return member;
}

// `[a, b, c..d]` (one of) or `{a, b}` (all of).
EdtfParseResult parse_set(std::string_view text) {
  const bool one_of = text.front() == '[';
  const char close = one_of ? ']' : '}';
  if (text.back() != close) {
    return failure(text, std::string("a set that opens with '") + text.front() + "' closes with '" +
                             close + "'");
  }
  detail::LevelNeed need;
  need.raise(EdtfLevel::two, one_of ? "a one-of set [...]" : "an all-of set {...}");
  std::vector<SetMember> members;
  const std::string_view inner = text.substr(1, text.size() - 2);
  if (trim(inner).empty()) return failure(text, "a set needs at least one date, e.g. [1667,1668]");
  std::size_t from = 0;
  while (from <= inner.size()) {
    std::size_t comma = inner.find(',', from);
    if (comma == std::string_view::npos) comma = inner.size();
    const std::string_view raw = inner.substr(from, comma - from);
    const std::string_view part = trim(raw);
    std::string error;
    const bool last = comma == inner.size();
    auto member = parse_member(part, members.empty(), last, need, error);
    if (!member) {
      return failure(text, error + " (in member " + std::to_string(members.size() + 1) + ")");
    }
    member->text_offset = static_cast<std::uint32_t>(1 + from + (part.data() - raw.data()));
    member->text_length = static_cast<std::uint32_t>(part.size());
    members.push_back(*member);
    from = comma + 1;
  }
  const SetMember* earliest = &members.front();
  const SetMember* latest = &members.front();
  DayRange known = members.front().days();
  for (const SetMember& m : members) {
    if (m.first.days.first() < earliest->first.days.first()) earliest = &m;
    if (m.last.days.last() > latest->last.days.last()) latest = &m;
    known = known.hull(m.days());
  }
  EdtfDateBuilder built(text, one_of ? EdtfKind::one_of : EdtfKind::all_of);
  built.ends(earliest->first, latest->last);
  for (const SetMember& m : members) built.ends(m.first, m.last);
  built.ends(earliest->first, latest->last);
  built.bounds(members.front().start, members.back().end);
  built.known(known);
  built.precision(Precision::set);
  built.level(need);
  built.members(std::move(members));
  return {std::move(built.date), {}};
}

EdtfParseResult parse_any(std::string_view text) {
  if (text.front() == '[' || text.front() == '{') return parse_set(text);
  if (text.back() == ']' || text.back() == '}') {
    return failure(text, "a set opens with '[' (one of) or '{' (all of)");
  }
  const std::size_t slash = text.find('/');
  if (slash != std::string_view::npos) {
    if (text.find('/', slash + 1) != std::string_view::npos) {
      return failure(text, "an interval has exactly one '/'; dates use '-', e.g. 2022-03-29");
    }
    return parse_interval(text, slash);
  }
  std::string error;
  const auto single = parse_end(text, error);
  if (!single) return failure(text, error);
  if (single->bound != Bound::known) {
    return failure(text, "'..' (an open end) needs an interval, e.g. ../2021 or 2025-10/..");
  }
  const SingleDate& d = single->parsed.date;
  EdtfDateBuilder built(text, EdtfKind::date);
  built.ends(d, d);
  built.known(d.days);
  built.precision(d.precision);
  built.level(single->parsed.need);
  return {std::move(built.date), {}};
}

}  // namespace

EdtfParseResult parse_edtf(std::string_view text, EdtfLevel max_level) {
  if (auto problem = check_characters(text)) return failure(text, *problem);
  EdtfParseResult result = parse_any(text);
  if (result.ok() && result.date.level() > max_level) {
    return failure(text, std::string(result.date.level_feature()) + " is EDTF level " +
                             std::string(level_name(result.date.level())) + ", above the level " +
                             std::string(level_name(max_level)) + " allowed here");
  }
  return result;
}

}  // namespace eventgraph

#include "engine/detail/import_dates.h"

#include <charconv>

namespace eventgraph::detail {

namespace {

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  std::int64_t value = 0;
  if (text.starts_with('+')) text.remove_prefix(1);
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string upper_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// "500 BCE", "44 BC", "AD 79", "79 AD", "1066 CE": the astronomical year.
std::optional<std::int64_t> year_with_era(std::string_view cell) {
  const std::string upper = upper_ascii(cell);
  std::string_view text = upper;
  auto strip = [&](std::string_view word, bool suffix) {
    if (suffix && text.size() > word.size() && text.ends_with(word)) {
      text.remove_suffix(word.size());
      return true;
    }
    if (!suffix && text.size() > word.size() && text.starts_with(word)) {
      text.remove_prefix(word.size());
      return true;
    }
    return false;
  };
  bool bce = false;
  if (strip("BCE", true) || strip("B.C.E.", true) || strip("BC", true) || strip("B.C.", true)) {
    bce = true;
  } else if (!(strip("CE", true) || strip("C.E.", true) || strip("AD", true) ||
               strip("A.D.", true) || strip("AD", false) || strip("A.D.", false))) {
    return std::nullopt;
  }
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (!all_digits(text)) return std::nullopt;
  auto year = parse_integer(text);
  if (!year || *year == 0) return std::nullopt;  // there is no year 0 BCE or 0 CE
  return bce ? 1 - *year : *year;
}

}  // namespace

std::string edtf_year(std::int64_t year) {
  const std::int64_t magnitude = year < 0 ? -year : year;
  if (magnitude > 9999) return "Y" + std::to_string(year);
  std::string digits = std::to_string(magnitude);
  digits.insert(0, 4 - digits.size(), '0');
  return (year < 0 ? "-" : "") + digits;
}

EdtfParseResult edtf_from_parts(std::int64_t year, std::optional<int> month,
                                std::optional<int> day) {
  std::string text = edtf_year(year);
  auto two = [](int n) { return (n < 10 && n >= 0 ? "0" : "") + std::to_string(n); };
  if (month) text += "-" + two(*month);
  if (month && day) text += "-" + two(*day);
  return parse_edtf(text);
}

std::optional<std::int64_t> astronomical_from_timelinejs(std::int64_t year) {
  if (year == 0) return std::nullopt;
  return year < 0 ? year + 1 : year;
}

std::int64_t timelinejs_from_astronomical(std::int64_t year) { return year <= 0 ? year - 1 : year; }

std::optional<std::string> spreadsheet_date(std::string_view cell, std::string* error,
                                            std::string* dropped) {
  EdtfParseResult edtf = parse_edtf(cell);
  if (edtf.ok()) return std::string(cell);
  // A bare year of one to three digits, or with a sign: EDTF's rule
  // (astronomical years) applies, written out to four digits.
  std::string_view unsigned_part = cell;
  if (unsigned_part.starts_with('-')) unsigned_part.remove_prefix(1);
  if (all_digits(unsigned_part) && unsigned_part.size() < 4) {
    auto year = parse_integer(cell);
    if (year) return edtf_year(*year);
  }
  if (auto year = year_with_era(cell)) {
    EdtfParseResult parsed = parse_edtf(edtf_year(*year));
    if (parsed.ok()) return parsed.date.text();
  }
  // "2022-03-29 10:15:00", "2022-03-29 10:15", "2022-03-29T10:15": the day.
  if (cell.size() > 10 && (cell[10] == ' ' || cell[10] == 'T')) {
    const std::string_view day = cell.substr(0, 10);
    const std::string_view time = cell.substr(11);
    const bool time_like =
        !time.empty() && time.find_first_not_of("0123456789:.+-Z ") == std::string_view::npos;
    if (time_like && parse_edtf(day).ok()) {
      const bool midnight = time.find_first_not_of("0:. ") == std::string_view::npos;
      if (dropped && !midnight) *dropped = "time " + std::string(time);
      return std::string(day);
    }
  }
  if (error) *error = edtf.error;
  return std::nullopt;
}

}  // namespace eventgraph::detail

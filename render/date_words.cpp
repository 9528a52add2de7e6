#include "render/date_words.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace eventgraph {

namespace {

constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Digits grouped by thousands: 4540000000 -> "4,540,000,000".
std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n);
  for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<std::size_t>(i), ",");
  }
  return digits;
}

std::uint64_t magnitude(std::int64_t n) {
  return n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
}

// A calendar year number, grouped from five digits on ("2022", "10,000").
std::string year_number(std::uint64_t n) { return n >= 10'000 ? grouped(n) : std::to_string(n); }

// `years` in thousands, millions or billions to three significant digits,
// trailing zeros dropped ("4.54", "66", "315", "1,000"), with the unit's name.
std::string three_digits(double years, std::array<const char*, 3> names) {
  const int power = years >= 1e9 ? 2 : years >= 1e6 ? 1 : 0;
  const double value = years / std::pow(1000.0, power + 1);
  const int decimals = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  const double scale = std::pow(10.0, decimals);
  const auto hundredths = static_cast<std::uint64_t>(std::llround(value * scale));
  const auto whole = static_cast<std::uint64_t>(hundredths / static_cast<std::uint64_t>(scale));
  std::string text = grouped(whole);
  std::string digits = std::to_string(hundredths % static_cast<std::uint64_t>(scale));
  digits = std::string(
               static_cast<std::size_t>(decimals) - std::min<std::size_t>(digits.size(), decimals),
               '0') +
           digits;
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  if (decimals > 0 && !digits.empty()) text += "." + digits;
  return text + names[static_cast<std::size_t>(power)];
}

}  // namespace

std::string span_label(Days hidden) {
  const std::int64_t n = hidden.count();
  if (n >= 365) {
    const double years = static_cast<double>(n) / kMeanYearDays;
    if (years >= 1e5) return three_digits(years, {" kyr", " Myr", " Gyr"});
    return year_number(static_cast<std::uint64_t>(std::llround(years))) + " yr";
  }
  if (n >= 60) return std::to_string(std::llround(static_cast<double>(n) / 30.436875)) + " mo";
  if (n >= 14) return std::to_string(n / 7) + " wk";
  return std::to_string(n) + " d";
}

std::string_view month_abbreviation(unsigned month) {
  return month >= 1 && month <= 12 ? kMonths[month - 1] : std::string_view("?");
}

std::string year_label(std::int64_t year) {
  if (year <= 0) return year_number(magnitude(year) + 1) + " BCE";
  return year_number(magnitude(year));
}

std::string year_tick_label(std::int64_t year, std::int64_t step) {
  if (step < kDeepTickYears || year > 0) return year_label(year);
  // Units: ka below million-year steps, Ma below hundred-million-year steps.
  const std::int64_t unit = step >= 100'000'000 ? 1'000'000'000
                            : step >= 1'000'000 ? 1'000'000
                                                : 1000;
  const char* name = unit == 1'000'000'000 ? " Ga" : unit == 1'000'000 ? " Ma" : " ka";
  // As many decimals as the step needs: 4.5 Ga on 100-million-year steps.
  int decimals = 0;
  for (std::int64_t u = unit; u > step && step % u != 0; u /= 10) ++decimals;
  const std::uint64_t ago = magnitude(year);
  std::uint64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const std::uint64_t whole = ago / static_cast<std::uint64_t>(unit);
  std::string text = grouped(whole);
  if (decimals > 0) {
    const std::uint64_t fraction =
        ago % static_cast<std::uint64_t>(unit) * scale / static_cast<std::uint64_t>(unit);
    std::string digits = std::to_string(fraction);
    text += "." + std::string(static_cast<std::size_t>(decimals) - digits.size(), '0') + digits;
  }
  return text + name;
}

std::string age_label(double years) {
  if (!(years >= 0)) return "0 years";
  if (years < 10'000)
    return year_number(static_cast<std::uint64_t>(std::llround(years))) + " years";
  return three_digits(years, {" ka", " Ma", " Ga"});
}

std::string day_label(Day day) {
  const CivilDay c = to_civil(day);
  if (c.year.value() < -9999) return year_label(c.year.value());
  return std::to_string(static_cast<unsigned>(c.day)) + " " +
         std::string(month_abbreviation(static_cast<unsigned>(c.month))) + " " +
         year_label(c.year.value());
}
namespace {

// The years an unspecified year may be: "the 1560s", "the 1500s", "1000 – 1999".
std::string years_phrase(std::int64_t first, std::int64_t last) {
  const std::int64_t span = last - first + 1;
  if ((span == 10 || span == 100) && first % span == 0 && first > 0) {
    return "the " + year_label(first) + "s";
  }
  return year_label(first) + " – " + year_label(last);
}

// A season, quarter or other sub-year grouping by its EDTF code (21-41).
std::string grouping_phrase(unsigned code, const std::string& year) {
  constexpr std::array<std::string_view, 4> kSeasons = {"spring", "summer", "autumn", "winter"};
  if (code >= 21 && code <= 28) return std::string(kSeasons[(code - 21) % 4]) + " " + year;
  if (code >= 29 && code <= 32) {
    return std::string(kSeasons[code - 29]) + " (southern hemisphere) " + year;
  }
  if (code >= 33 && code <= 36) return "Q" + std::to_string(code - 32) + " " + year;
  constexpr std::array<std::string_view, 5> kParts = {"Jan–Apr", "May–Aug", "Sep–Dec", "Jan–Jun",
                                                      "Jul–Dec"};
  if (code >= 37 && code <= 41) return std::string(kParts[code - 37]) + " " + year;
  return year;
}

std::string describe_single(const SingleDate& d) {
  const CivilDay first = to_civil(d.days.first());
  const CivilDay last = to_civil(d.days.last());
  const std::string year = year_label(first.year.value());
  const bool year_unknown_digits = d.unspecified.year != 0;
  // A known month or day in a year with unspecified digits: "25 Dec in the 1560s".
  const std::string in_years =
      year_unknown_digits ? " in " + years_phrase(first.year.value(), last.year.value()) : "";
  const std::string month_name = std::string(month_abbreviation(d.month));
  std::string text;
  switch (d.precision) {
    case Precision::day:
      text = year_unknown_digits
                 ? std::to_string(d.day) + " " + month_name + in_years
                 : std::to_string(static_cast<unsigned>(first.day)) + " " +
                       std::string(month_abbreviation(static_cast<unsigned>(first.month))) + " " +
                       year;
      break;
    case Precision::month:
      text = year_unknown_digits
                 ? month_name + in_years
                 : std::string(month_abbreviation(static_cast<unsigned>(first.month))) + " " + year;
      break;
    case Precision::season:
    case Precision::quarter:
    case Precision::quadrimester:
    case Precision::semester:
      text = grouping_phrase(d.month, year_unknown_digits
                                          ? years_phrase(first.year.value(), last.year.value())
                                          : year);
      break;
    case Precision::year:
      // Deep time reads in the geologist's units first: "4.54 Ga, 4,540,000,001 BCE".
      text = year_unknown_digits ? years_phrase(first.year.value(), last.year.value())
             : first.year.value() < -99'999
                 ? age_label(static_cast<double>(-first.year.value())) + ", " + year
                 : year;
      break;
    case Precision::decade:
      text = year + "s";
      break;
    default:
      text = year + " – " + year_label(last.year.value());
      break;
  }
  // `1950S2`: some year of 1900-1999, 1950 the estimate.
  if (d.significant_digits != 0) text += ", estimated " + year_label(d.year);
  const Qualifier q = d.qualifiers();
  if (has(q, Qualifier::uncertain_and_approximate)) return text + " (uncertain, approximate)";
  if (has(q, Qualifier::uncertain)) return text + " (uncertain)";
  if (has(q, Qualifier::approximate)) return text + " (approximate)";
  return text;
}

std::string describe_end(const SingleDate& date, Bound bound, bool start) {
  if (bound == Bound::open) return start ? "open start" : "open-ended";
  if (bound == Bound::unknown) return start ? "unknown start" : "unknown end";
  return describe_single(date);
}

std::string describe_member(const SetMember& member) {
  if (!member.is_range()) return describe_single(member.first);
  return describe_single(member.first) + " – " + describe_single(member.last);
}

}  // namespace

std::string describe_date(const EdtfDate& date) {
  if (!date.ok()) return "no date";
  switch (date.kind()) {
    case EdtfKind::date:
      return describe_single(date.start_date());
    case EdtfKind::interval:
      return describe_end(date.start_date(), date.start(), true) + " – " +
             describe_end(date.end_date(), date.end(), false);
    case EdtfKind::one_of:
    case EdtfKind::all_of:
      break;
  }
  const std::string joint = date.kind() == EdtfKind::one_of ? " or " : " and ";
  std::string text = date.start() == Bound::open ? "on or before " : "";
  const auto members = date.members();
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (i > 0) text += i + 1 == members.size() ? joint : ", ";
    text += describe_member(members[i]);
  }
  return date.end() == Bound::open ? text + " or later" : text;
}

}  // namespace eventgraph

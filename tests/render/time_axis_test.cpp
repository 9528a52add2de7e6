#include "render/time_axis.h"

#include <catch2/catch.hpp>

#include <string>

namespace Catch {
template <>
struct StringMaker<date::sys_days> {
  static std::string convert(date::sys_days day) { return eventgraph::format_day(day); }
};
}  // namespace Catch

namespace {

using namespace eventgraph;
using date::days;
using date::sys_days;

sys_days day(int y, unsigned m, unsigned d) {
  return sys_days{date::year_month_day{date::year{y}, date::month{m}, date::day{d}}};
}

// Each character 6 px, like 11 px text.
double width(std::string_view text) { return 6.0 * static_cast<double>(text.size()); }

TimeScale linear(sys_days first, sys_days end, double right = 1000) {
  ScaleRequest request{first, end, {}, 0, right, Compression::off, 44};
  return make_time_scale(request);
}

// Labels in order, apart by the gap, inside the axis.
void check_labels_fit(const TimeScale& scale, const std::vector<Tick>& ticks) {
  double last_end = -1e9;
  for (const Tick& t : ticks) {
    if (t.label.empty()) continue;
    INFO(format_day(t.day) << " '" << t.label << "'");
    CHECK(t.x + 3 >= last_end + 6);
    CHECK(t.x + 3 + width(t.label) <= scale.right());
    last_end = t.x + 3 + width(t.label);
  }
}

}  // namespace

TEST_CASE("a linear scale maps days to pixels evenly") {
  const TimeScale scale = linear(day(2022, 1, 1), day(2023, 1, 1));
  CHECK(scale.x(day(2022, 1, 1)) == 0);
  CHECK(scale.x(day(2023, 1, 1)) == 1000);
  CHECK(scale.x(day(2022, 7, 2)) == Approx(1000.0 * 182 / 365));
  CHECK(scale.x(day(1999, 1, 1)) == 0);
  CHECK(scale.x(day(2030, 1, 1)) == 1000);
  CHECK(scale.breaks().empty());
  CHECK(scale.pixels_per_day() == Approx(1000.0 / 365));
}

TEST_CASE("a long empty stretch becomes an axis break; distances stay true elsewhere") {
  // The seed data's shape: one event in 2008, the rest from December 2021.
  ScaleRequest request{day(2008, 3, 1),
                       day(2026, 3, 15),
                       {day(2008, 4, 3), day(2008, 4, 4), day(2021, 12, 15), day(2026, 2, 28)},
                       16,
                       1184,
                       Compression::automatic,
                       44};
  const TimeScale scale = make_time_scale(request);
  REQUIRE(scale.breaks().size() == 1);
  const AxisBreak& b = scale.breaks()[0];
  CHECK(b.label == "13 yr");
  CHECK(b.x1 - b.x0 == 44);
  CHECK(b.first > day(2008, 4, 4));
  CHECK(b.end < day(2021, 12, 15));
  CHECK(date::year_month_day{b.first}.day() == date::day{1});  // whole months are hidden
  REQUIRE(scale.segments().size() == 2);
  const auto ppd = [](const AxisSegment& s) { return (s.x1 - s.x0) / (s.end - s.first).count(); };
  CHECK(ppd(scale.segments()[0]) == Approx(ppd(scale.segments()[1])));
  CHECK(scale.segments()[0].x1 == b.x0);
  CHECK(scale.segments()[1].x0 == b.x1);
  CHECK(scale.left() == 16);
  CHECK(scale.right() == 1184);
  // Monotonic through the break.
  double last = -1;
  for (sys_days d = day(2008, 1, 1); d < day(2027, 1, 1); d += days{30}) {
    CHECK(scale.x(d) >= last);
    last = scale.x(d);
  }
}

TEST_CASE("compression: off never breaks, automatic leaves short gaps, on hides more") {
  ScaleRequest request{day(2000, 1, 1),
                       day(2010, 1, 1),
                       {day(2000, 1, 1), day(2001, 1, 1), day(2002, 6, 1), day(2010, 1, 1)},
                       0,
                       1000,
                       Compression::off,
                       44};
  CHECK(make_time_scale(request).breaks().empty());
  request.compression = Compression::automatic;
  CHECK(make_time_scale(request).breaks().size() == 1);  // 2002..2010: 75 %
  request.anchors = {day(2000, 1, 1), day(2002, 1, 1), day(2004, 1, 1),
                     day(2006, 1, 1), day(2008, 1, 1), day(2010, 1, 1)};
  CHECK(make_time_scale(request).breaks().empty());  // every gap 20 %
  request.compression = Compression::on;
  CHECK(make_time_scale(request).breaks().size() >= 2);
}

TEST_CASE("ticks are chosen by the span") {
  struct Case {
    sys_days first, end;
    TickUnit unit;
  };
  for (const Case& c : {Case{day(1900, 1, 1), day(2020, 1, 1), TickUnit::year},
                        Case{day(1990, 1, 1), day(2025, 1, 1), TickUnit::year},
                        Case{day(2022, 1, 1), day(2025, 1, 1), TickUnit::month},
                        Case{day(2022, 1, 1), day(2022, 7, 1), TickUnit::week},
                        Case{day(2022, 1, 1), day(2022, 1, 20), TickUnit::day}}) {
    const TimeScale scale = linear(c.first, c.end);
    const AxisTicks ticks = choose_ticks(scale, width, 3, 6);
    INFO(format_day(c.first) << " .. " << format_day(c.end));
    CHECK(ticks.step.unit == c.unit);
    CHECK(ticks.minor.size() >= 3);
    check_labels_fit(scale, ticks.minor);
    check_labels_fit(scale, ticks.major);
  }
  // 500 years in 1000 px: decades or coarser, on round years.
  const AxisTicks century = choose_ticks(linear(day(1500, 1, 1), day(2000, 1, 1)), width, 3, 6);
  CHECK(century.step.count >= 10);
  for (const Tick& t : century.minor) {
    CHECK(static_cast<int>(date::year_month_day{t.day}.year()) % century.step.count == 0);
  }
}

TEST_CASE("month ticks follow the calendar: month lengths and leap years") {
  const TimeScale scale = linear(day(2023, 12, 1), day(2024, 12, 1), 450);
  const AxisTicks ticks = choose_ticks(scale, width, 3, 6);
  REQUIRE(ticks.step == TickStep{TickUnit::month, 1});
  REQUIRE(ticks.minor.size() == 12);
  const double ppd = scale.pixels_per_day();
  CHECK(ticks.minor[0].label == "Dec");
  CHECK(ticks.minor[1].label == "Jan");
  CHECK(ticks.minor[3].x - ticks.minor[2].x == Approx(29 * ppd));  // February 2024
  CHECK(ticks.minor[4].x - ticks.minor[3].x == Approx(31 * ppd));  // March
  CHECK(ticks.minor[5].x - ticks.minor[4].x == Approx(30 * ppd));  // April
  REQUIRE(ticks.major.size() == 2);  // the segment's own year, then 2024
  CHECK(ticks.major[0].label == "2023");
  CHECK(ticks.major[1].label == "2024");
  CHECK(ticks.major[1].day == day(2024, 1, 1));

  const TimeScale plain = linear(day(2023, 1, 15), day(2023, 3, 15), 3650);
  const AxisTicks feb = choose_ticks(plain, width, 3, 6);
  REQUIRE(feb.step == TickStep{TickUnit::day, 1});
  for (std::size_t i = 1; i < feb.minor.size(); ++i) {
    CHECK((feb.minor[i].day - feb.minor[i - 1].day).count() == 1);
  }
}

TEST_CASE("week ticks fall on Mondays") {
  const AxisTicks ticks = choose_ticks(linear(day(2022, 1, 1), day(2022, 7, 1)), width, 3, 6);
  REQUIRE(ticks.step.unit == TickUnit::week);
  for (const Tick& t : ticks.minor) CHECK(date::weekday{t.day} == date::Monday);
}

TEST_CASE("dates in words") {
  const auto words = [](std::string_view text) { return describe_date(parse_edtf(text).date); };
  CHECK(words("2022-02-24") == "24 Feb 2022");
  CHECK(words("2022-04?") == "Apr 2022 (uncertain)");
  CHECK(words("2023-11-24~") == "24 Nov 2023 (approximate)");
  CHECK(words("2022%") == "2022 (uncertain, approximate)");
  CHECK(words("2022-21") == "spring 2022");
  CHECK(words("2022-24") == "winter 2022");
  CHECK(words("201X") == "2010s");
  CHECK(words("2022-03/2022-04") == "Mar 2022 – Apr 2022");
  CHECK(words("2008-04-03/..") == "3 Apr 2008 – open-ended");
  CHECK(words("2022-10/") == "Oct 2022 – unknown end");
  CHECK(words("../2021") == "open start – 2021");
  CHECK(words("-0043") == "44 BCE");
  CHECK(describe_date(EdtfDate{}) == "no date");
  CHECK(year_label(0) == "1 BCE");
  CHECK(day_label(day(2026, 2, 10)) == "10 Feb 2026");
}

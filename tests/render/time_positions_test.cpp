#include "render/time_positions.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace {

using eventgraph::CivilDay;
using eventgraph::Day;
using eventgraph::place_on_time_axis;
using eventgraph::TimeBox;
using eventgraph::TimeLayoutOptions;
using eventgraph::TimePlacement;

date::sys_days day(int y, unsigned m, unsigned d) {
  return date::sys_days{date::year_month_day{date::year{y}, date::month{m}, date::day{d}}};
}

/// 1 January of astronomical `year`, for any year the engine supports.
Day year_start(std::int64_t year) {
  return eventgraph::to_day(CivilDay{eventgraph::Year(year), date::January, date::day{1}});
}

TimeBox box(Day when, double width = 150, double height = 40,
            std::vector<std::size_t> follows = {}) {
  return TimeBox{when, width, height, std::move(follows)};
}

/// Boxes in the same row never overlap, and every box is on a row.
void check_no_overlap(const std::vector<TimeBox>& boxes, const TimePlacement& p, double gap) {
  REQUIRE(p.x.size() == boxes.size());
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    REQUIRE(p.row[i] >= 0);
    REQUIRE(p.row[i] < p.rows);
    for (std::size_t j = i + 1; j < boxes.size(); ++j) {
      const bool apart_x = std::abs(p.x[i] - p.x[j]) >= (boxes[i].width + boxes[j].width) / 2 + gap;
      const bool apart_y = std::abs(p.y[i] - p.y[j]) >= (boxes[i].height + boxes[j].height) / 2 + 1;
      INFO("boxes " << i << " and " << j);
      CHECK((apart_x || apart_y));
    }
  }
}

std::vector<TimeBox> random_boxes(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::vector<TimeBox> boxes;
  for (std::size_t i = 0; i < n; ++i) {
    const auto offset = static_cast<int>(random() % 3000);
    const double width = 80 + static_cast<double>(random() % 120);
    const double height = 28 + static_cast<double>(random() % 30);
    std::vector<std::size_t> follows;
    if (i > 0 && random() % 2 == 0) follows.push_back(static_cast<std::size_t>(random() % i));
    boxes.push_back(box(day(2015, 1, 1) + date::days{offset}, width, height, follows));
  }
  return boxes;
}

}  // namespace

TEST_CASE("time placement: nothing to place gives an empty placement", "[time_positions]") {
  const TimePlacement p = place_on_time_axis({});
  CHECK(p.x.empty());
  CHECK(p.rows == 0);
  CHECK(p.bands.empty());
}

TEST_CASE("time placement: boxes start at their date, earlier to the left", "[time_positions]") {
  const std::vector<TimeBox> boxes{box(day(2022, 3, 1)), box(day(2020, 1, 1)),
                                   box(day(2021, 6, 15))};
  const TimePlacement p = place_on_time_axis(boxes);
  const auto left = [&](std::size_t i) { return p.x[i] - boxes[i].width / 2; };
  CHECK(left(1) == Approx(0));
  CHECK(left(1) < left(2));
  CHECK(left(2) < left(0));
}

TEST_CASE("time placement: no two boxes overlap, at any size", "[time_positions]") {
  for (std::size_t n : {5u, 60u, 400u}) {
    const std::vector<TimeBox> boxes = random_boxes(n, n);
    TimeLayoutOptions options;
    const TimePlacement p = place_on_time_axis(boxes, options);
    INFO(n << " boxes");
    check_no_overlap(boxes, p, options.column_gap);
    CHECK(p.width > 0);
    CHECK(p.height > 0);
  }
}

TEST_CASE("time placement: same-day boxes stack in rows", "[time_positions]") {
  const std::vector<TimeBox> boxes(4, box(day(2022, 2, 24)));
  const TimePlacement p = place_on_time_axis(boxes);
  CHECK(p.rows == 4);
  check_no_overlap(boxes, p, TimeLayoutOptions{}.column_gap);
}

TEST_CASE("time placement: an effect continues its cause's row when it fits", "[time_positions]") {
  // Two rows are needed (0 and 1 overlap in time); 2 follows 1, so it
  // takes 1's row rather than the first free one.
  const std::vector<TimeBox> boxes{box(day(2020, 1, 1)), box(day(2020, 1, 2)),
                                   box(day(2024, 1, 1), 150, 40, {1})};
  const TimePlacement p = place_on_time_axis(boxes);
  REQUIRE(p.row[0] != p.row[1]);
  CHECK(p.row[2] == p.row[1]);
}

TEST_CASE("time placement: a long empty stretch is shortened and marked", "[time_positions]") {
  std::vector<TimeBox> boxes{box(day(1990, 5, 1))};
  for (unsigned m = 1; m <= 12; ++m) boxes.push_back(box(day(2022, m, 1)));
  const TimePlacement p = place_on_time_axis(boxes);
  REQUIRE(p.breaks.size() == 1);
  CHECK(p.breaks[0].span.count() > 365 * 30);
  // The 31 empty years take no more room than two box widths.
  CHECK(p.x[1] - p.x[0] <= 2 * 150 + 1);
  check_no_overlap(boxes, p, TimeLayoutOptions{}.column_gap);
}

TEST_CASE("time placement: bands are labelled years, in order, without overlap",
          "[time_positions]") {
  std::vector<TimeBox> boxes;
  for (int y = 2018; y <= 2023; ++y) {
    for (unsigned m = 1; m <= 12; m += 2) boxes.push_back(box(day(y, m, 10), 60, 30));
  }
  const TimePlacement p = place_on_time_axis(boxes);
  REQUIRE_FALSE(p.bands.empty());
  CHECK(p.bands.front().label.rfind("2018", 0) == 0);
  CHECK(p.bands.back().label.find("2023") != std::string::npos);
  for (std::size_t i = 0; i < p.bands.size(); ++i) {
    CHECK(p.bands[i].from < p.bands[i].to);
    if (i > 0) CHECK(p.bands[i - 1].to <= p.bands[i].from + 1e-6);
  }
}

TEST_CASE("time placement: a short span gets month bands", "[time_positions]") {
  std::vector<TimeBox> boxes;
  for (unsigned d = 1; d <= 28; d += 3) {
    boxes.push_back(box(day(2022, 3, d), 60, 30));
    boxes.push_back(box(day(2022, 4, d), 60, 30));
  }
  const TimePlacement p = place_on_time_axis(boxes);
  REQUIRE_FALSE(p.bands.empty());
  CHECK(p.bands.front().label == "Mar 2022");
}

TEST_CASE("time placement: the same boxes give the same placement", "[time_positions]") {
  const std::vector<TimeBox> boxes = random_boxes(200, 7);
  const TimePlacement a = place_on_time_axis(boxes), b = place_on_time_axis(boxes);
  CHECK(a.x == b.x);
  CHECK(a.y == b.y);
  CHECK(a.row == b.row);
}

TEST_CASE("time placement: deep time is ordered, broken and labelled in Ga and Ma",
          "[time_positions][deep-time]") {
  // Earth, the dinosaurs' end, the first farmers, the Moon landing: dates
  // beyond date::year's +-32,767 years, which the axis once clamped together.
  const std::vector<TimeBox> boxes{box(year_start(-4'540'000'000)), box(year_start(-66'000'000)),
                                   box(year_start(-9'999)), box(day(1969, 7, 20)),
                                   box(day(2022, 2, 24))};
  const TimePlacement p = place_on_time_axis(boxes);
  for (std::size_t i = 1; i < boxes.size(); ++i) {
    INFO("box " << i);
    CHECK(p.x[i - 1] < p.x[i]);
  }
  check_no_overlap(boxes, p, TimeLayoutOptions{}.column_gap);
  REQUIRE_FALSE(p.breaks.empty());
  // The first break hides about 4.47 billion years, in 64-bit days.
  CHECK(p.breaks.front().span.count() / 365 > 4'000'000'000LL);
  REQUIRE_FALSE(p.bands.empty());
  CHECK(p.bands.size() < 40);
  bool ga = false;
  for (const auto& band : p.bands) ga = ga || band.label.find("Ga") != std::string::npos;
  CHECK(ga);
}

TEST_CASE("time placement: a long unbroken stretch gets few, wide bands",
          "[time_positions][deep-time]") {
  // Two million years of evenly spaced events: no gap is long enough to
  // break, and bands of single years would number two million.
  std::vector<TimeBox> boxes;
  for (int i = 0; i <= 20; ++i) boxes.push_back(box(year_start(-2'000'000 + i * 100'000), 60, 30));
  const TimePlacement p = place_on_time_axis(boxes);
  REQUIRE_FALSE(p.bands.empty());
  CHECK(p.bands.size() <= static_cast<std::size_t>(p.width / TimeLayoutOptions{}.band_width) + 2);
  for (std::size_t i = 0; i < p.bands.size(); ++i) {
    INFO(p.bands[i].label);
    CHECK(p.bands[i].to - p.bands[i].from >= TimeLayoutOptions{}.band_width - 1e-6);
    CHECK(p.bands[i].label.find("ka") != std::string::npos);
  }
}

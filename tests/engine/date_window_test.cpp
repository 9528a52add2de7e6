#include "engine/date_window.h"

#include <catch2/catch.hpp>

#include <string_view>

namespace {

using eventgraph::DateWindow;
using eventgraph::in_window;
using eventgraph::parse_edtf;

DateWindow window(std::string_view from, std::string_view to, bool within = false) {
  DateWindow w;
  if (!from.empty()) w.from = parse_edtf(from).date.earliest();
  if (!to.empty()) w.to = parse_edtf(to).date.latest();
  w.within = within;
  return w;
}

bool held(std::string_view date, const DateWindow& w) {
  return in_window(parse_edtf(date).date, w);
}

}  // namespace

TEST_CASE("a window holds dates that overlap it, each side inclusive", "[date_window]") {
  const DateWindow w = window("2022-03", "2022-05");
  CHECK(held("2022-03-01", w));
  CHECK(held("2022-05-31", w));
  CHECK(held("2022", w));  // reaches into it
  CHECK_FALSE(held("2022-02-28", w));
  CHECK_FALSE(held("2022-06-01", w));
  CHECK(held("2022-06-01", window("", "")));  // open both ways
}

// The timeline used to drop these while list and graph kept them.
TEST_CASE("an open or unknown end may lie anywhere, so the window holds it", "[date_window]") {
  CHECK(held("2020/", window("2021", "2022")));        // unknown end: may reach 2021
  CHECK(held("/2025", window("2021", "2022")));        // unknown start
  CHECK(held("2020/..", window("2021", "2022")));      // open end
  CHECK_FALSE(held("2023/", window("2021", "2022")));  // starts after the window
  CHECK_FALSE(held("/2020", window("2021", "2022")));  // ends before it
}

TEST_CASE("within holds only dates wholly inside", "[date_window]") {
  CHECK(held("2022-04", window("2022-03", "2022-05", true)));
  CHECK_FALSE(held("2022", window("2022-03", "2022-05", true)));
  CHECK_FALSE(held("2022-04/", window("2022-03", "2022-05", true)));
  CHECK(held("2022-04/", window("2022-03", "", true)));
}

// Deep time is compared in 64-bit days, not date::year's +-32,767 years,
// which would have put all four of these on one day.
TEST_CASE("a window in deep time holds exactly the deep dates inside it",
          "[date_window][deep-time]") {
  const DateWindow dinosaurs = window("Y-100000000", "-9999");
  CHECK(held("Y-66043000~", dinosaurs));
  CHECK(held("Y-315000~", dinosaurs));
  CHECK_FALSE(held("Y-251902000~", dinosaurs));
  CHECK_FALSE(held("-9700~", dinosaurs));  // 9701 BCE: after the window
  CHECK_FALSE(held("2022-03", dinosaurs));
  CHECK(held("Y-4540000000/2022", dinosaurs));  // reaches through it
  CHECK(held("Y-17E7/Y-5E7", dinosaurs));
  CHECK_FALSE(held("Y-17E7/Y-5E7", window("Y-100000000", "-9999", true)));
  const DateWindow universe = window("Y-13800000000", "Y13800000000");
  CHECK(held("Y-13800000000", universe));
  CHECK(held("Y13800000000", universe));
  CHECK_FALSE(held("Y-13800000001", universe));
}

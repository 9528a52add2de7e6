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

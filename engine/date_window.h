// Which events a --from/--to window holds: the one definition every view
// and query uses, so a timeline, a list and a graph of one window agree.
#pragma once

#include "engine/day.h"
#include "engine/edtf.h"

#include <optional>

namespace eventgraph {

/// A window of days, each side inclusive and each optional (open).
///
/// Example:
///   DateWindow window{parse_edtf("1967").date.earliest(), std::nullopt};
///   bool held = in_window(event.date, window);
struct DateWindow {
  /// First day of the window, inclusive; nullopt leaves it open.
  std::optional<Day> from;
  /// Last day of the window, inclusive; nullopt leaves it open.
  std::optional<Day> to;
  /// False: a date is held when its [earliest, latest] overlaps the window,
  /// an open or unknown end possibly lying anywhere. True: only when it lies
  /// wholly inside (an open or unknown end is not inside a closed side).
  bool within = false;
};

/// True when `window` holds `date` (see DateWindow::within).
bool in_window(const EdtfDate& date, const DateWindow& window);

}  // namespace eventgraph

// Placing event boxes on a time axis ourselves, for the `time` diagram
// layout: x comes from each event's date, y from a compact row assignment
// that never lets two boxes overlap. Graphviz then only routes the edges and
// renders, which takes a fraction of a second where `dot` takes minutes on
// large event graphs. Pure functions from sizes and dates to positions.
#pragma once

#include "engine/day.h"

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace eventgraph {

/// One box to place, with its size in points (1/72 inch).
struct TimeBox {
  Day day;  ///< the day the box's left edge stands at
  double width = 0;
  double height = 0;
  /// Earlier boxes (indices) whose row this one would like to continue, such
  /// as its causes, so that chains read along a line. Tried in this order.
  std::vector<std::size_t> follows;
};

/// Spacing and scale. The defaults suit 10-point labels.
struct TimeLayoutOptions {
  double column_gap = 14;  ///< least horizontal space between boxes in a row
  double row_gap = 16;     ///< vertical space between rows
  /// The width-to-height ratio aimed for: the scale is chosen so that the
  /// drawing comes closest to it.
  double aspect = 1.6;
  double min_width = 720;  ///< the axis is never shorter than this
  /// Gaps between consecutive dates longer than this many points (before
  /// compression) are drawn this long and marked as breaks in the axis;
  /// 0 means twice the widest box.
  double max_gap = 0;
  double band_width = 72;  ///< narrower bands are merged with the next
};

/// A stretch of the time axis drawn as a labelled band: a month, a year, a
/// run of years ("2019–2021", "1900–1949") or of deep time ("66 Ma–65 Ma"),
/// as wide as labels need to keep apart.
struct TimeBand {
  double from = 0;
  double to = 0;
  std::string label;  ///< "2022", "Mar 2022", "2019–2021", "44 BCE", "66 Ma–65 Ma"
};

/// A stretch of time without events that the axis draws shorter than its
/// scale would: the axis is broken there.
struct TimeBreak {
  double x = 0;  ///< the middle of the shortened stretch
  Days span{0};  ///< how long the stretch really is
};

/// Where everything goes. Coordinates are in points with y growing
/// downwards: row 0 is at the top, and boxes start at y = 0.
struct TimePlacement {
  std::vector<double> x;  ///< centre of each box, in the order given
  std::vector<double> y;  ///< centre of each box
  std::vector<int> row;   ///< row of each box
  int rows = 0;
  double row_pitch = 0;           ///< distance between row centres
  double width = 0;               ///< right edge of the rightmost box
  double height = 0;              ///< bottom edge of the lowest row
  std::vector<TimeBand> bands;    ///< sorted by x, not overlapping
  std::vector<TimeBreak> breaks;  ///< shortened gaps, sorted by x
  double points_per_day = 0;      ///< the scale outside compressed gaps
};

/// Places the boxes: the left edge of each box at its day's x, each box in
/// the first row (its `follows` rows first, then from the top) where it does
/// not overlap the previous box. Deterministic: ties are broken by index.
///
/// Example:
///   std::vector<TimeBox> boxes{{day_a, 160, 40, {}}, {day_b, 160, 40, {0}}};
///   TimePlacement p = place_on_time_axis(boxes);
///   // p.x[1] > p.x[0] when day_b is later; p.row[1] == 0 if they fit in a row
TimePlacement place_on_time_axis(std::span<const TimeBox> boxes,
                                 const TimeLayoutOptions& options = {});

}  // namespace eventgraph

// The timeline's time axis: a scale from calendar days to pixels, with
// optional breaks that shorten long empty stretches, and tick marks chosen
// for the span (billions of years down to days). Days are 64-bit (engine/
// day.h), so the axis reaches from the Big Bang to the present; ticks are
// computed per step, never by walking years or days.
//
// Within each segment of the axis one day is the same number of pixels
// everywhere, so distances are true there; a break is a fixed-width gap
// drawn with a break mark and labelled with the time it hides, so nobody
// reads distance across it.
#pragma once

#include "engine/day.h"
#include "engine/edtf.h"

#include <date/date.h>

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph {

/// When the axis may hide long empty stretches.
enum class Compression : std::uint8_t {
  automatic,  ///< hide gaps that take at least a quarter of the span and two years
  on,         ///< hide any gap that takes at least a tenth of the span
  off,        ///< never: one linear scale
};

/// How time maps to pixels.
enum class AxisScale : std::uint8_t {
  linear,  ///< every day the same width (within each segment)
  log,     ///< distance from the end of the view on a log scale, for deep time
};

/// A stretch of the axis where time runs linearly.
struct AxisSegment {
  Day first;      ///< first day shown
  Day end;        ///< the day after the last day shown
  double x0 = 0;  ///< pixel position of `first`
  double x1 = 0;  ///< pixel position of `end`
};

/// A hidden stretch of time between two segments.
struct AxisBreak {
  Day first;          ///< first hidden day
  Day end;            ///< the day after the last hidden day
  double x0 = 0;      ///< where the break mark starts
  double x1 = 0;      ///< where it ends
  std::string label;  ///< the time hidden, short: "13 yr", "8 mo", "3 wk", "12 d"
};

/// What the scale must show and where.
struct ScaleRequest {
  Day first;                 ///< first day of the domain
  Day end;                   ///< the day after the last day (end > first)
  std::vector<Day> anchors;  ///< days where something starts or ends
  double left = 0;           ///< pixel of `first`
  double right = 1000;       ///< pixel of `end`
  Compression compression = Compression::automatic;
  double break_width = 48;  ///< pixels given to each break
  /// log: x falls with log10(1 + years before `end`); no breaks.
  AxisScale axis_scale = AxisScale::linear;
};

/// Maps days to pixels. Regular value type.
class TimeScale {
 public:
  TimeScale() = default;
  TimeScale(std::vector<AxisSegment> segments, std::vector<AxisBreak> breaks,
            AxisScale axis_scale = AxisScale::linear);

  /// Pixel of the start of `day`. Days before the domain map to left(),
  /// after it to right(); days inside a break map proportionally into it.
  double x(Day day) const;
  /// Pixel of the end of `day` (the start of the next day).
  double x_end(Day day) const { return x(day + Days{1}); }

  double left() const { return segments_.empty() ? 0 : segments_.front().x0; }
  double right() const { return segments_.empty() ? 0 : segments_.back().x1; }
  Day first() const { return segments_.front().first; }
  Day end() const { return segments_.back().end; }
  /// Pixels per day in every segment (linear); at the left edge (log).
  double pixels_per_day() const;
  AxisScale axis_scale() const { return axis_scale_; }
  /// Years from `day` to end(), plus one: the quantity a log axis maps.
  double log_age(Day day) const;

  std::span<const AxisSegment> segments() const { return segments_; }
  std::span<const AxisBreak> breaks() const { return breaks_; }

 private:
  std::vector<AxisSegment> segments_;
  std::vector<AxisBreak> breaks_;
  AxisScale axis_scale_ = AxisScale::linear;
};

/// Builds the scale: finds the gaps between consecutive anchors that the
/// compression setting hides, keeps a margin of shown time on both sides of
/// each (ending on month boundaries for spans of months or more), and gives
/// every shown day the same width.
TimeScale make_time_scale(const ScaleRequest& request);

/// The calendar unit of a tick step.
enum class TickUnit : std::uint8_t { day, week, month, year };

/// Ticks every `count` units: {month, 3} is quarters, {year, 10} decades,
/// {year, 100'000'000} every hundred million years.
struct TickStep {
  TickUnit unit = TickUnit::year;
  std::int64_t count = 1;
  friend bool operator==(const TickStep&, const TickStep&) = default;
};

/// One tick: a day, where it is, and its label ("" for an unlabelled tick).
struct Tick {
  Day day;
  double x = 0;
  std::string label;
};

/// The ticks of an axis: the step's ticks, and a second row naming the
/// larger period (years over months, months over days) at its boundaries
/// and at each segment start.
struct AxisTicks {
  TickStep step;
  std::vector<Tick> minor;
  std::vector<Tick> major;
};

/// Measures a label in pixels, as the caller will draw it.
using LabelWidth = std::function<double(std::string_view)>;

/// Picks the finest step whose labels, drawn left-aligned `offset` pixels
/// after their tick, keep `gap` pixels apart in every segment; then drops
/// any label that would still collide (at breaks) or leave the axis. On a
/// log scale the ticks are 1, 2 and 5 times each power of ten years before
/// the end (powers of ten labelled first), at round calendar years below
/// 100,000 years.
AxisTicks choose_ticks(const TimeScale& scale, const LabelWidth& width, double offset, double gap);

}  // namespace eventgraph

#include "render/time_axis.h"

#include "render/date_words.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <map>

namespace eventgraph {

namespace {

// The smallest share of the axis a break may cost: each break's fixed
// width comes out of the shown time, so at most 30 % of the width goes to
// breaks.
constexpr double kMaxBreakShare = 0.3;

std::int64_t count(Days d) { return d.count(); }

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

Day year_start(std::int64_t year) { return to_day({Year(year), date::January, date::day{1}}); }

Day month_start(Day day) {
  const CivilDay c = to_civil(day);
  return to_day({c.year, c.month, date::day{1}});
}

// The first day of the month after the one holding `day`.
Day following_month(Day day) {
  const CivilDay c = to_civil(day);
  const auto m = static_cast<unsigned>(c.month);
  return m == 12 ? year_start(c.year.value() + 1)
                 : to_day({c.year, date::month{m + 1}, date::day{1}});
}

Day next_month_start(Day day) {
  const Day start = month_start(day);
  return start == day ? day : following_month(day);
}

}  // namespace

TimeScale::TimeScale(std::vector<AxisSegment> segments, std::vector<AxisBreak> breaks,
                     AxisScale axis_scale)
    : segments_(std::move(segments)), breaks_(std::move(breaks)), axis_scale_(axis_scale) {}

double TimeScale::log_age(Day day) const {
  return static_cast<double>(count(end() - day)) / kMeanYearDays + 1;
}

double TimeScale::pixels_per_day() const {
  if (segments_.empty()) return 0;
  const AxisSegment& s = segments_.front();
  if (axis_scale_ == AxisScale::log) {
    // The slope at the left edge, the narrowest days of the axis.
    return (s.x1 - s.x0) / std::log10(log_age(s.first)) / (log_age(s.first) * kMeanYearDays) /
           std::log(10.0);
  }
  return (s.x1 - s.x0) / static_cast<double>(count(s.end - s.first));
}

double TimeScale::x(Day day) const {
  if (segments_.empty()) return 0;
  if (day <= segments_.front().first) return segments_.front().x0;
  if (day >= segments_.back().end) return segments_.back().x1;
  if (axis_scale_ == AxisScale::log) {
    const AxisSegment& s = segments_.front();
    return s.x1 - (s.x1 - s.x0) * std::log10(log_age(day)) / std::log10(log_age(s.first));
  }
  // The last segment starting at or before `day`.
  auto it = std::upper_bound(segments_.begin(), segments_.end(), day,
                             [](Day d, const AxisSegment& s) { return d < s.first; });
  const AxisSegment& s = *std::prev(it);
  if (day <= s.end) {
    return s.x0 + (s.x1 - s.x0) * static_cast<double>(count(day - s.first)) /
                      static_cast<double>(count(s.end - s.first));
  }
  // Inside the break after s.
  const AxisBreak& b = breaks_[static_cast<std::size_t>(std::distance(segments_.begin(), it)) - 1];
  return b.x0 + (b.x1 - b.x0) * static_cast<double>(count(day - b.first)) /
                    static_cast<double>(count(b.end - b.first));
}

TimeScale make_time_scale(const ScaleRequest& request) {
  const Day first = request.first;
  const Day end = std::max(request.end, request.first + Days{1});
  if (request.axis_scale == AxisScale::log) {
    return TimeScale({{first, end, request.left, request.right}}, {}, AxisScale::log);
  }
  const std::int64_t span = count(end - first);

  // Instants where something happens, within the domain, and the domain's edges.
  std::vector<Day> anchors{first, end};
  for (Day a : request.anchors) anchors.push_back(std::clamp(a, first, end));
  std::sort(anchors.begin(), anchors.end());
  anchors.erase(std::unique(anchors.begin(), anchors.end()), anchors.end());

  struct Gap {
    Day from, to;
  };
  std::vector<Gap> gaps;
  if (request.compression != Compression::off) {
    const double share = request.compression == Compression::on ? 0.10 : 0.25;
    const std::int64_t minimum = request.compression == Compression::on ? 2 : 730;
    for (std::size_t i = 1; i < anchors.size(); ++i) {
      const std::int64_t length = count(anchors[i] - anchors[i - 1]);
      if (length >= minimum && static_cast<double>(length) >= share * static_cast<double>(span)) {
        gaps.push_back({anchors[i - 1], anchors[i]});
      }
    }
  }
  // Keep the longest gaps whose breaks fit in the width budget.
  const double width = request.right - request.left;
  const auto budget = static_cast<std::size_t>(
      std::max(0.0, std::floor(kMaxBreakShare * width / std::max(1.0, request.break_width))));
  std::stable_sort(gaps.begin(), gaps.end(),
                   [](const Gap& a, const Gap& b) { return (a.to - a.from) > (b.to - b.from); });
  if (gaps.size() > budget) gaps.resize(budget);

  std::int64_t hidden_total = 0;
  for (const Gap& g : gaps) hidden_total += count(g.to - g.from);
  const std::int64_t shown_estimate = std::max<std::int64_t>(1, span - hidden_total);
  const Days margin{
      std::max<std::int64_t>(1, std::llround(0.03 * static_cast<double>(shown_estimate)))};
  const bool snap_months = shown_estimate >= 180;

  std::vector<AxisBreak> breaks;
  for (const Gap& g : gaps) {
    Day from = g.from + margin;
    Day to = g.to - margin;
    if (snap_months) {
      from = next_month_start(from);
      to = month_start(to);
    }
    if (to <= from || count(to - from) * 2 < count(g.to - g.from)) continue;
    breaks.push_back({from, to, 0, 0, span_label(to - from)});
  }
  std::sort(breaks.begin(), breaks.end(),
            [](const AxisBreak& a, const AxisBreak& b) { return a.first < b.first; });

  std::int64_t shown = span;
  for (const AxisBreak& b : breaks) shown -= count(b.end - b.first);
  const double ppd = (width - request.break_width * static_cast<double>(breaks.size())) /
                     static_cast<double>(shown);

  std::vector<AxisSegment> segments;
  double x = request.left;
  Day start = first;
  for (AxisBreak& b : breaks) {
    const double x1 = x + ppd * static_cast<double>(count(b.first - start));
    segments.push_back({start, b.first, x, x1});
    b.x0 = x1;
    b.x1 = x1 + request.break_width;
    x = b.x1;
    start = b.end;
  }
  segments.push_back({start, end, x, request.right});
  return TimeScale(std::move(segments), std::move(breaks));
}

namespace {

// Days, weeks, months, then years in steps of 1, 2 and 5 times each power of
// ten up to the supported trillion years.
std::vector<TickStep> make_steps() {
  std::vector<TickStep> steps = {{TickUnit::day, 1},  {TickUnit::day, 2},   {TickUnit::week, 1},
                                 {TickUnit::week, 2}, {TickUnit::month, 1}, {TickUnit::month, 3},
                                 {TickUnit::month, 6}};
  for (std::int64_t p = 1; p <= kMaxYear; p *= 10) {
    for (std::int64_t m : {1, 2, 5}) {
      if (m * p <= kMaxYear) steps.push_back({TickUnit::year, m * p});
    }
  }
  return steps;
}

const std::vector<TickStep>& steps() {
  static const std::vector<TickStep> kSteps = make_steps();
  return kSteps;
}

// The shortest time between two ticks of a step, in days.
std::int64_t min_days(TickStep step) {
  switch (step.unit) {
    case TickUnit::day:
      return step.count;
    case TickUnit::week:
      return 7 * step.count;
    case TickUnit::month:
      return step.count == 1 ? 28 : step.count == 3 ? 89 : 181;
    case TickUnit::year:
      return 365 * step.count;
  }
  return 1;
}

// Calendar year ticks fall where readers count: on multiples of the step in
// CE and on multiples of the step in BCE (1000 BCE is astronomical -999), so
// 1000 BCE is followed by 1000 CE; deep-time ticks on multiples of the step
// in astronomical years.
std::int64_t first_tick_year(std::int64_t year, std::int64_t step) {
  if (step >= kDeepTickYears || step == 1) return floor_div(year + step - 1, step) * step;
  if (year > 0) return floor_div(year + step - 1, step) * step;
  const std::int64_t bce = floor_div(1 - year, step) * step;  // at or after `year`
  return bce >= 1 ? 1 - bce : step;
}

std::int64_t next_tick_year(std::int64_t year, std::int64_t step) {
  if (step >= kDeepTickYears || step == 1 || year > 0) return year + step;
  const std::int64_t bce = 1 - year - step;
  return bce >= 1 ? 1 - bce : step;
}

// The first tick of `step` at or after `day`.
Day first_tick(Day day, TickStep step) {
  const CivilDay c = to_civil(day);
  switch (step.unit) {
    case TickUnit::day: {
      const std::int64_t n = count(day.since_epoch());
      return Day(Days{floor_div(n + step.count - 1, step.count) * step.count});
    }
    case TickUnit::week: {
      // Mondays; 1970-01-05 was one. Every other Monday counts from it.
      const Day monday{Days{4}};
      const std::int64_t period = 7 * step.count;
      return monday + Days{floor_div(count(day - monday) + period - 1, period) * period};
    }
    case TickUnit::month: {
      Day start = next_month_start(day);
      while ((static_cast<unsigned>(to_civil(start).month) - 1) %
                 static_cast<unsigned>(step.count) !=
             0) {
        start = following_month(start);
      }
      return start;
    }
    case TickUnit::year: {
      std::int64_t y = c.year.value();
      if (year_start(y) < day) ++y;
      return year_start(first_tick_year(y, step.count));
    }
  }
  return day;
}

Day next_tick(Day day, TickStep step) {
  switch (step.unit) {
    case TickUnit::day:
      return day + Days{step.count};
    case TickUnit::week:
      return day + Days{7 * step.count};
    case TickUnit::month: {
      for (std::int64_t i = 0; i < step.count; ++i) day = following_month(day);
      return day;
    }
    case TickUnit::year:
      return year_start(next_tick_year(to_civil(day).year.value(), step.count));
  }
  return day + Days{1};
}

std::string tick_label(Day day, TickStep step) {
  const CivilDay c = to_civil(day);
  switch (step.unit) {
    case TickUnit::day:
    case TickUnit::week:
      return std::to_string(static_cast<unsigned>(c.day));
    case TickUnit::month:
      return std::string(month_abbreviation(static_cast<unsigned>(c.month)));
    case TickUnit::year:
      return year_tick_label(c.year.value(), step.count);
  }
  return {};
}

// The ticks of `step` in every segment; `segment_of`, when given, receives
// each tick's segment index.
std::vector<Tick> ticks_for(const TimeScale& scale, TickStep step,
                            std::vector<std::size_t>* segment_of = nullptr) {
  std::vector<Tick> ticks;
  const auto segments = scale.segments();
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const AxisSegment& s = segments[i];
    // A step that does not move forward (a calendar bound reached) ends the
    // segment's ticks rather than looping forever.
    for (Day d = first_tick(s.first, step); d >= s.first && d < s.end;) {
      ticks.push_back({d, scale.x(d), tick_label(d, step)});
      if (segment_of) segment_of->push_back(i);
      const Day next = next_tick(d, step);
      if (next <= d) break;
      d = next;
    }
  }
  return ticks;
}

// Labels kept on one row, as pixel intervals; refuses a label that comes
// closer than `gap` to one already kept.
class LabelRow {
 public:
  LabelRow(double left, double right, double gap) : left_(left), right_(right), gap_(gap) {}
  bool try_add(double x0, double x1) {
    if (x0 < left_ || x1 > right_) return false;
    auto next = kept_.lower_bound(x0);
    if (next != kept_.end() && next->first < x1 + gap_) return false;
    if (next != kept_.begin() && std::prev(next)->second + gap_ > x0) return false;
    kept_.emplace(x0, x1);
    return true;
  }

 private:
  double left_, right_, gap_;
  std::map<double, double> kept_;
};

// A round calendar year about `age` years before `end_year`: the year
// `end_year - age` rounded down to a multiple of the power of ten below
// `age` (BCE years counted as readers count them).
std::int64_t round_year_before(std::int64_t end_year, std::int64_t age) {
  std::int64_t unit = 1;
  while (unit * 10 <= age) unit *= 10;
  const std::int64_t year = end_year - age;
  if (year > 0) return floor_div(year, unit) * unit;
  const std::int64_t bce = floor_div(1 - year + unit - 1, unit) * unit;  // at or before
  return 1 - bce;
}

// Log-scale ticks: powers of ten of years before the end, then 2 and 5
// times them; each kept if its label fits.
AxisTicks log_ticks(const TimeScale& scale, const LabelWidth& width, double offset, double gap) {
  AxisTicks result;
  result.step = {TickUnit::year, 10};
  const std::int64_t end_year = to_civil(scale.end()).year.value();
  const double oldest = scale.log_age(scale.first());
  LabelRow row(scale.left(), scale.right(), gap);
  std::vector<Tick> ticks;
  std::vector<std::int64_t> used;
  for (std::int64_t m : {1, 2, 5}) {
    for (std::int64_t age = m; static_cast<double>(age) < oldest; age *= 10) {
      Tick tick;
      if (age < kDeepTickYears) {
        const std::int64_t year = round_year_before(end_year, age);
        tick.day = year_start(year);
        tick.label = year_label(year);
      } else {
        tick.day = year_start(end_year - age);
        tick.label = age_label(static_cast<double>(age));
      }
      if (tick.day < scale.first() || tick.day >= scale.end()) continue;
      if (std::find(used.begin(), used.end(), tick.day.since_epoch().count()) != used.end()) {
        continue;
      }
      tick.x = scale.x(tick.day);
      if (!row.try_add(tick.x + offset, tick.x + offset + width(tick.label))) continue;
      used.push_back(tick.day.since_epoch().count());
      ticks.push_back(std::move(tick));
    }
  }
  std::sort(ticks.begin(), ticks.end(), [](const Tick& a, const Tick& b) { return a.x < b.x; });
  result.minor = std::move(ticks);
  return result;
}

}  // namespace

AxisTicks choose_ticks(const TimeScale& scale, const LabelWidth& width, double offset, double gap) {
  if (scale.axis_scale() == AxisScale::log) return log_ticks(scale, width, offset, gap);
  AxisTicks result;
  const double ppd = scale.pixels_per_day();
  result.step = steps().back();
  for (TickStep step : steps()) {
    if (static_cast<double>(min_days(step)) * ppd < 8) continue;
    std::vector<std::size_t> segment_of;
    std::vector<Tick> ticks = ticks_for(scale, step, &segment_of);
    bool fits = true;
    for (std::size_t i = 1; i < ticks.size() && fits; ++i) {
      fits = segment_of[i] != segment_of[i - 1] ||
             ticks[i].x - ticks[i - 1].x >= width(ticks[i - 1].label) + offset + gap;
    }
    if (fits) {
      result.step = step;
      break;
    }
  }

  // Minor labels: break labels first, then ticks left to right.
  LabelRow minor_row(scale.left(), scale.right(), gap);
  for (const AxisBreak& b : scale.breaks()) {
    const double w = width(b.label);
    const double mid = (b.x0 + b.x1) / 2;
    minor_row.try_add(mid - w / 2, mid + w / 2);
  }
  for (Tick& tick : ticks_for(scale, result.step)) {
    if (!minor_row.try_add(tick.x + offset, tick.x + offset + width(tick.label)))
      tick.label.clear();
    result.minor.push_back(std::move(tick));
  }

  // The larger period: months over days and weeks, years over months.
  if (result.step.unit == TickUnit::year) return result;
  const bool months = result.step.unit != TickUnit::month;
  const TickStep period = months ? TickStep{TickUnit::month, 1} : TickStep{TickUnit::year, 1};
  const auto period_label = [&](Day day) {
    const CivilDay c = to_civil(day);
    const std::string year = year_label(c.year.value());
    return months ? std::string(month_abbreviation(static_cast<unsigned>(c.month))) + " " + year
                  : year;
  };
  LabelRow major_row(scale.left(), scale.right(), gap);
  std::vector<Tick> major;
  for (Tick& tick : ticks_for(scale, period)) {
    tick.label = period_label(tick.day);
    if (major_row.try_add(tick.x + offset, tick.x + offset + width(tick.label))) {
      major.push_back(std::move(tick));
    }
  }
  // Each segment says where it is, unless a boundary label is already near.
  for (const AxisSegment& s : scale.segments()) {
    Tick tick{s.first, s.x0, period_label(s.first)};
    if (major_row.try_add(tick.x + offset, tick.x + offset + width(tick.label))) {
      major.push_back(std::move(tick));
    }
  }
  std::sort(major.begin(), major.end(), [](const Tick& a, const Tick& b) { return a.x < b.x; });
  result.major = std::move(major);
  return result;
}

}  // namespace eventgraph

#include "render/time_axis.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <map>

namespace eventgraph {

namespace {

using date::days;
using date::sys_days;

constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// The smallest share of the axis a break may cost: each break's fixed
// width comes out of the shown time, so at most 30 % of the width goes to
// breaks.
constexpr double kMaxBreakShare = 0.3;

long count(days d) { return static_cast<long>(d.count()); }

date::year_month_day ymd(sys_days day) { return date::year_month_day{day}; }

sys_days month_start(sys_days day) {
  const auto d = ymd(day);
  return sys_days{d.year() / d.month() / date::day{1}};
}

sys_days next_month_start(sys_days day) {
  const sys_days start = month_start(day);
  if (start == day) return day;
  const auto d = ymd(start);
  return sys_days{(d.year() / d.month() + date::months{1}) / date::day{1}};
}

std::string break_label(days hidden) {
  const long n = count(hidden);
  if (n >= 365) return std::to_string(std::lround(static_cast<double>(n) / 365.2425)) + " yr";
  if (n >= 60) return std::to_string(std::lround(static_cast<double>(n) / 30.436875)) + " mo";
  if (n >= 14) return std::to_string(n / 7) + " wk";
  return std::to_string(n) + " d";
}

long floor_div(long a, long b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

}  // namespace

TimeScale::TimeScale(std::vector<AxisSegment> segments, std::vector<AxisBreak> breaks)
    : segments_(std::move(segments)), breaks_(std::move(breaks)) {}

double TimeScale::pixels_per_day() const {
  if (segments_.empty()) return 0;
  const AxisSegment& s = segments_.front();
  return (s.x1 - s.x0) / static_cast<double>(count(s.end - s.first));
}

double TimeScale::x(sys_days day) const {
  if (segments_.empty()) return 0;
  if (day <= segments_.front().first) return segments_.front().x0;
  if (day >= segments_.back().end) return segments_.back().x1;
  // The last segment starting at or before `day`.
  auto it = std::upper_bound(segments_.begin(), segments_.end(), day,
                             [](sys_days d, const AxisSegment& s) { return d < s.first; });
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
  const sys_days first = request.first;
  const sys_days end = std::max(request.end, request.first + days{1});
  const long span = count(end - first);

  // Instants where something happens, within the domain, and the domain's edges.
  std::vector<sys_days> anchors{first, end};
  for (sys_days a : request.anchors) anchors.push_back(std::clamp(a, first, end));
  std::sort(anchors.begin(), anchors.end());
  anchors.erase(std::unique(anchors.begin(), anchors.end()), anchors.end());

  struct Gap {
    sys_days from, to;
  };
  std::vector<Gap> gaps;
  if (request.compression != Compression::off) {
    const double share = request.compression == Compression::on ? 0.10 : 0.25;
    const long minimum = request.compression == Compression::on ? 2 : 730;
    for (std::size_t i = 1; i < anchors.size(); ++i) {
      const long length = count(anchors[i] - anchors[i - 1]);
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

  long hidden_total = 0;
  for (const Gap& g : gaps) hidden_total += count(g.to - g.from);
  const long shown_estimate = std::max(1L, span - hidden_total);
  const days margin{std::max(1L, std::lround(0.03 * static_cast<double>(shown_estimate)))};
  const bool snap_months = shown_estimate >= 180;

  std::vector<AxisBreak> breaks;
  for (const Gap& g : gaps) {
    sys_days from = g.from + margin;
    sys_days to = g.to - margin;
    if (snap_months) {
      from = next_month_start(from);
      to = month_start(to);
    }
    if (to <= from || count(to - from) * 2 < count(g.to - g.from)) continue;
    breaks.push_back({from, to, 0, 0, break_label(to - from)});
  }
  std::sort(breaks.begin(), breaks.end(),
            [](const AxisBreak& a, const AxisBreak& b) { return a.first < b.first; });

  long shown = span;
  for (const AxisBreak& b : breaks) shown -= count(b.end - b.first);
  const double ppd = (width - request.break_width * static_cast<double>(breaks.size())) /
                     static_cast<double>(shown);

  std::vector<AxisSegment> segments;
  double x = request.left;
  sys_days start = first;
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

constexpr std::array<TickStep, 20> kSteps = {{
    {TickUnit::day, 1},     {TickUnit::day, 2},     {TickUnit::week, 1},    {TickUnit::week, 2},
    {TickUnit::month, 1},   {TickUnit::month, 3},   {TickUnit::month, 6},   {TickUnit::year, 1},
    {TickUnit::year, 2},    {TickUnit::year, 5},    {TickUnit::year, 10},   {TickUnit::year, 20},
    {TickUnit::year, 50},   {TickUnit::year, 100},  {TickUnit::year, 200},  {TickUnit::year, 500},
    {TickUnit::year, 1000}, {TickUnit::year, 2000}, {TickUnit::year, 5000}, {TickUnit::year, 10000},
}};

// The shortest time between two ticks of a step, in days.
long min_days(TickStep step) {
  switch (step.unit) {
    case TickUnit::day:
      return step.count;
    case TickUnit::week:
      return 7L * step.count;
    case TickUnit::month:
      return step.count == 1 ? 28 : step.count == 3 ? 89 : 181;
    case TickUnit::year:
      return 365L * step.count;
  }
  return 1;
}

// The first tick of `step` at or after `day`.
sys_days first_tick(sys_days day, TickStep step) {
  const auto d = ymd(day);
  switch (step.unit) {
    case TickUnit::day: {
      const long n = count(day.time_since_epoch());
      return sys_days{
          days{n + (step.count - (n % step.count + step.count) % step.count) % step.count}};
    }
    case TickUnit::week: {
      // Mondays; 1970-01-05 was one. Every other Monday counts from it.
      const long n = count(day - sys_days{date::year{1970} / 1 / 5});
      const long period = 7L * step.count;
      const long k = floor_div(n + period - 1, period);
      return sys_days{date::year{1970} / 1 / 5} + days{k * period};
    }
    case TickUnit::month: {
      sys_days start = month_start(day);
      if (start < day) start = sys_days{(d.year() / d.month() + date::months{1}) / date::day{1}};
      auto m = ymd(start);
      while ((static_cast<unsigned>(m.month()) - 1) % static_cast<unsigned>(step.count) != 0) {
        m = (m.year() / m.month() + date::months{1}) / date::day{1};
      }
      return sys_days{m};
    }
    case TickUnit::year: {
      int y = static_cast<int>(d.year());
      if (sys_days{date::year{y} / 1 / 1} < day) ++y;
      const long c = step.count;
      const long aligned = floor_div(y + c - 1, c) * c;
      return sys_days{date::year{static_cast<int>(aligned)} / 1 / 1};
    }
  }
  return day;
}

sys_days next_tick(sys_days day, TickStep step) {
  switch (step.unit) {
    case TickUnit::day:
      return day + days{step.count};
    case TickUnit::week:
      return day + days{7L * step.count};
    case TickUnit::month:
      return sys_days{ymd(day) + date::months{step.count}};
    case TickUnit::year:
      return sys_days{ymd(day) + date::years{step.count}};
  }
  return day + days{1};
}

std::string tick_label(sys_days day, TickStep step) {
  const auto d = ymd(day);
  switch (step.unit) {
    case TickUnit::day:
    case TickUnit::week:
      return std::to_string(static_cast<unsigned>(d.day()));
    case TickUnit::month:
      return std::string(month_abbreviation(static_cast<unsigned>(d.month())));
    case TickUnit::year:
      return year_label(static_cast<int>(d.year()));
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
    for (sys_days d = first_tick(s.first, step); d < s.end; d = next_tick(d, step)) {
      ticks.push_back({d, scale.x(d), tick_label(d, step)});
      if (segment_of) segment_of->push_back(i);
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

}  // namespace

AxisTicks choose_ticks(const TimeScale& scale, const LabelWidth& width, double offset, double gap) {
  AxisTicks result;
  const double ppd = scale.pixels_per_day();
  result.step = kSteps.back();
  for (TickStep step : kSteps) {
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
  const auto period_label = [&](sys_days day) {
    const auto d = ymd(day);
    const std::string year = year_label(static_cast<int>(d.year()));
    return months ? std::string(month_abbreviation(static_cast<unsigned>(d.month()))) + " " + year
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

std::string_view month_abbreviation(unsigned month) {
  return month >= 1 && month <= 12 ? kMonths[month - 1] : std::string_view("?");
}

std::string year_label(std::int64_t year) {
  if (year <= 0) return std::to_string(1 - year) + " BCE";
  return std::to_string(year);
}

std::string day_label(sys_days day) {
  const auto d = ymd(day);
  return std::to_string(static_cast<unsigned>(d.day())) + " " +
         std::string(month_abbreviation(static_cast<unsigned>(d.month()))) + " " +
         year_label(static_cast<int>(d.year()));
}

namespace {

std::string describe_single(const SingleDate& d) {
  const CivilDay first = to_civil(d.days.first());
  const CivilDay last = to_civil(d.days.last());
  const std::string year = year_label(first.year.value());
  std::string text;
  switch (d.precision) {
    case Precision::day:
      text = std::to_string(static_cast<unsigned>(first.day)) + " " +
             std::string(month_abbreviation(static_cast<unsigned>(first.month))) + " " + year;
      break;
    case Precision::month:
      text = std::string(month_abbreviation(static_cast<unsigned>(first.month))) + " " + year;
      break;
    case Precision::season: {
      constexpr std::array<std::string_view, 4> kSeasons = {"winter", "spring", "summer", "autumn"};
      text = std::string(kSeasons[(static_cast<unsigned>(first.month) % 12) / 3]) + " " + year;
      break;
    }
    case Precision::year:
      text = year;
      break;
    case Precision::decade:
      text = year + "s";
      break;
    default:
      text = year + " – " + year_label(last.year.value());
      break;
  }
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

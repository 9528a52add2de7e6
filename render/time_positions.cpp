#include "render/time_positions.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace eventgraph {

namespace {

using Days = date::sys_days;

/// The piecewise-linear map from days to x: linear at `ppd` points per day,
/// except that gaps between consecutive dates longer than `cap` points are
/// drawn `cap` long.
struct Axis {
  std::vector<Days> days;        ///< the distinct dates, sorted
  std::vector<double> xs;        ///< x of each date
  std::vector<bool> compressed;  ///< gap i (days[i] to days[i+1]) was shortened
  double ppd = 1;

  double x(Days day) const {
    auto it = std::upper_bound(days.begin(), days.end(), day);
    if (it == days.begin()) return xs.front();
    const auto i = static_cast<std::size_t>(it - days.begin()) - 1;
    if (i + 1 >= days.size()) return xs.back();
    const double span = static_cast<double>((days[i + 1] - days[i]).count());
    const double along = static_cast<double>((day - days[i]).count());
    return xs[i] + (xs[i + 1] - xs[i]) * along / span;
  }
};

double axis_length(std::span<const double> gaps, double ppd, double cap) {
  double sum = 0;
  for (double gap : gaps) sum += std::min(gap * ppd, cap);
  return sum;
}

/// Chooses the scale so the axis is about `target` points long.
Axis make_axis(std::vector<Days> days, double target, double cap) {  // by value: sorted here
  Axis axis;
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  axis.days = std::move(days);
  std::vector<double> gaps;
  for (std::size_t i = 1; i < axis.days.size(); ++i) {
    gaps.push_back(static_cast<double>((axis.days[i] - axis.days[i - 1]).count()));
  }
  if (!gaps.empty()) {
    const double longest = *std::max_element(gaps.begin(), gaps.end());
    if (static_cast<double>(gaps.size()) * cap <= target) {
      axis.ppd = cap / longest;  // even uncompressed, the axis is short
    } else {
      double lo = 0, hi = 1;
      while (axis_length(gaps, hi, cap) < target && hi < 1e9) hi *= 2;
      for (int i = 0; i < 60; ++i) {
        const double mid = (lo + hi) / 2;
        (axis_length(gaps, mid, cap) < target ? lo : hi) = mid;
      }
      axis.ppd = hi;
    }
  }
  axis.xs.push_back(0);
  for (double gap : gaps) {
    const double len = gap * axis.ppd;
    axis.compressed.push_back(len > cap);
    axis.xs.push_back(axis.xs.back() + std::min(len, cap));
  }
  return axis;
}

constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string unit_label(Days day, bool months) {
  const date::year_month_day ymd{day};
  std::string year = std::to_string(static_cast<int>(ymd.year()));
  if (!months) return year;
  return std::string(kMonths[static_cast<unsigned>(ymd.month()) - 1]) + " " + year;
}

Days unit_start(Days day, bool months) {
  const date::year_month_day ymd{day};
  return date::sys_days{ymd.year() / (months ? ymd.month() : date::January) / 1};
}

Days next_unit(Days start, bool months) {
  const date::year_month_day ymd{start};
  return date::sys_days{months ? ymd + date::months{1} : ymd + date::years{1}};
}

/// Bands: each stretch of the axis without breaks (up to the middle of the
/// break after it) is cut at the start of every year (or month); bands
/// narrower than `min_width` are merged with the next one.
std::vector<TimeBand> make_bands(const Axis& axis, double right_edge, double min_width) {
  std::vector<TimeBand> bands;
  if (axis.days.empty()) return bands;
  const bool months = axis.ppd * 30.44 >= min_width * 1.25;
  std::size_t first = 0;
  for (std::size_t i = 0; i < axis.days.size(); ++i) {
    const bool stretch_ends = i + 1 == axis.days.size() || axis.compressed[i];
    if (!stretch_ends) continue;
    const double end_x = i + 1 == axis.days.size() ? std::max(right_edge, axis.xs[i])
                                                   : (axis.xs[i] + axis.xs[i + 1]) / 2;
    std::vector<TimeBand> pieces;
    Days unit = unit_start(axis.days[first], months);
    double from = axis.xs[first];
    for (int guard = 0; guard < 100000; ++guard) {
      const Days next = next_unit(unit, months);
      const double to = next <= axis.days[i] ? axis.x(next) : end_x;
      pieces.push_back({from, to, unit_label(unit, months)});
      if (next > axis.days[i]) break;
      unit = next;
      from = to;
    }
    // Merge narrow pieces forwards; a narrow last piece joins the one before.
    std::vector<TimeBand> merged;
    for (TimeBand& piece : pieces) {
      if (!merged.empty() && merged.back().to - merged.back().from < min_width) {
        TimeBand& last = merged.back();
        const std::string first_label = last.label.substr(0, last.label.find("–"));
        last.to = piece.to;
        last.label = first_label + "–" + piece.label;
      } else {
        merged.push_back(std::move(piece));
      }
    }
    if (merged.size() >= 2 && merged.back().to - merged.back().from < min_width) {
      TimeBand last = merged.back();
      merged.pop_back();
      merged.back().to = last.to;
      merged.back().label =
          merged.back().label.substr(0, merged.back().label.find("–")) + "–" + last.label;
    }
    for (TimeBand& band : merged) bands.push_back(std::move(band));
    first = i + 1;
  }
  return bands;
}

}  // namespace

namespace {

/// The first row (the `follows` rows first, then from the top) where each
/// box, taken from left to right, clears the box before it.
std::vector<int> assign_rows(std::span<const TimeBox> boxes, std::span<const double> left,
                             double gap, int* rows) {
  const std::size_t n = boxes.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return left[a] < left[b]; });
  std::vector<int> row(n, -1);
  std::vector<double> row_end;  // right edge of the last box in each row
  auto fits = [&](int r, std::size_t i) {
    return row_end[static_cast<std::size_t>(r)] + gap <= left[i];
  };
  for (std::size_t i : order) {
    int chosen = -1;
    for (std::size_t f : boxes[i].follows) {
      if (f < n && row[f] >= 0 && fits(row[f], i)) {
        chosen = row[f];
        break;
      }
    }
    for (int r = 0; chosen < 0 && r < static_cast<int>(row_end.size()); ++r) {
      if (fits(r, i)) chosen = r;
    }
    if (chosen < 0) {
      chosen = static_cast<int>(row_end.size());
      row_end.push_back(-1e300);
    }
    row[i] = chosen;
    row_end[static_cast<std::size_t>(chosen)] = left[i] + boxes[i].width;
  }
  *rows = static_cast<int>(row_end.size());
  return row;
}

}  // namespace

TimePlacement place_on_time_axis(std::span<const TimeBox> boxes, const TimeLayoutOptions& options) {
  TimePlacement placement;
  const std::size_t n = boxes.size();
  if (n == 0) return placement;

  double total_width = 0, widest = 0, tallest = 0;
  std::vector<Days> days;
  for (const TimeBox& box : boxes) {
    total_width += box.width + options.column_gap;
    widest = std::max(widest, box.width);
    tallest = std::max(tallest, box.height);
    days.push_back(box.day);
  }
  const double pitch = tallest + options.row_gap;
  const double cap = options.max_gap > 0 ? options.max_gap : 2 * widest;

  // Wider axes spread crowded periods over fewer rows; try a range of
  // widths and keep the one whose drawing is closest to the aspect ratio.
  const double base =
      std::max(options.min_width, std::sqrt(total_width * pitch * options.aspect) / 2);
  double best_score = 1e300;
  for (int step = 0; step < 12; ++step) {
    const Axis axis = make_axis(days, base * std::pow(1.35, step), cap);
    std::vector<double> left(n);
    double width = 0;
    for (std::size_t i = 0; i < n; ++i) {
      left[i] = axis.x(boxes[i].day);
      width = std::max(width, left[i] + boxes[i].width);
    }
    int rows = 0;
    std::vector<int> row = assign_rows(boxes, left, options.column_gap, &rows);
    const double height = rows * pitch - options.row_gap;
    const double score = std::abs(std::log(width / height / options.aspect));
    if (score >= best_score) continue;
    best_score = score;
    placement.rows = rows;
    placement.row = std::move(row);
    placement.width = width;
    placement.height = height;
    placement.row_pitch = pitch;
    placement.points_per_day = axis.ppd;
    placement.x.assign(n, 0);
    placement.y.assign(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
      placement.x[i] = left[i] + boxes[i].width / 2;
      placement.y[i] = placement.row[i] * pitch + tallest / 2;
    }
    placement.breaks.clear();
    for (std::size_t i = 0; i + 1 < axis.days.size(); ++i) {
      if (!axis.compressed[i]) continue;
      placement.breaks.push_back({(axis.xs[i] + axis.xs[i + 1]) / 2,
                                  static_cast<int>((axis.days[i + 1] - axis.days[i]).count())});
    }
    placement.bands = make_bands(axis, width, options.band_width);
  }
  return placement;
}

}  // namespace eventgraph

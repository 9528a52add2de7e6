#include "render/time_positions.h"

#include "render/date_words.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <numeric>

namespace eventgraph {

namespace {

/// The piecewise-linear map from days to x: linear at `ppd` points per day,
/// except that gaps between consecutive dates longer than `cap` points are
/// drawn `cap` long.
struct Axis {
  std::vector<Day> days;         ///< the distinct dates, sorted
  std::vector<double> xs;        ///< x of each date
  std::vector<bool> compressed;  ///< gap i (days[i] to days[i+1]) was shortened
  double ppd = 1;

  double x(Day day) const {
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

/// With few dates the axis cannot reach its target length, so the scale
/// comes from a gap drawn `cap` long: the longest, unless gaps differ by
/// orders of magnitude (deep time beside the present). Then, as the
/// timeline's automatic breaks do, a gap of at least two years that takes a
/// quarter of the span left is broken, again and again, and the scale comes
/// from the longest gap left (at least two years, so that days apart are not
/// drawn as far apart as the years broken off).
double short_axis_scale_gap(std::vector<double> gaps, double longest) {
  constexpr double kMinBreakDays = 730;
  std::sort(gaps.begin(), gaps.end(), std::greater<>());
  double remaining = std::accumulate(gaps.begin(), gaps.end(), 0.0);
  for (std::size_t i = 0; i + 1 < gaps.size(); ++i) {
    if (gaps[i] < kMinBreakDays || gaps[i] < 0.25 * remaining) {
      return i == 0 ? longest : std::max(gaps[i], kMinBreakDays);
    }
    remaining -= gaps[i];
  }
  return gaps.size() > 1 ? std::max(gaps.back(), kMinBreakDays) : longest;
}

/// Chooses the scale so the axis is about `target` points long.
Axis make_axis(std::vector<Day> days, double target, double cap) {  // by value: sorted here
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
      axis.ppd = cap / short_axis_scale_gap(gaps, longest);  // few gaps: the target is out of reach
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

/// The bands' unit: a month, or a run of `years` years starting at a
/// multiple of it. The run is the first of 1, 2, 5, 10, 20, 50, ... years
/// drawn at least `min_width` wide, so a stretch of any length (up to the
/// age of the universe) is cut into a bounded number of bands.
struct BandUnit {
  bool months = false;
  std::int64_t years = 1;

  Day start_of(Day day) const {
    const CivilDay civil = to_civil(day);
    if (months) return to_day({civil.year, civil.month, date::day{1}});
    const std::int64_t y = civil.year.value();
    const std::int64_t first = (y >= 0 ? y : y - (years - 1)) / years * years;  // floor
    return to_day({Year(first), date::January, date::day{1}});
  }

  Day after(Day start) const {
    const CivilDay civil = to_civil(start);
    if (months) {
      const auto m = static_cast<unsigned>(civil.month);
      return m == 12 ? to_day({Year(civil.year.value() + 1), date::January, date::day{1}})
                     : to_day({civil.year, date::month{m + 1}, date::day{1}});
    }
    return to_day({Year(civil.year.value() + years), date::January, date::day{1}});
  }

  /// The band from the unit starting at `first` to the one starting at
  /// `last`, in a stretch of the axis whose last date is `stretch_end`:
  /// "Mar 2022", "Mar 2022–May 2022", "2022", "2019–2021", "44 BCE",
  /// "66–65 Ma", and "4.54 Ga" for a year of deep time.
  std::string label(Day first, Day last, Day stretch_end) const {
    const std::int64_t first_year = to_civil(first).year.value();
    const std::int64_t last_year = to_civil(last).year.value();
    if (months) {
      const auto month_year = [](Day day) {
        const CivilDay civil = to_civil(day);
        return std::string(month_abbreviation(static_cast<unsigned>(civil.month))) + " " +
               year_label(civil.year.value());
      };
      return first == last ? month_year(first) : month_year(first) + "–" + month_year(last);
    }
    if (years >= kDeepTickYears) {
      std::string from = year_tick_label(first_year, years);
      // A band reaching past year 0 ends at the last day drawn ("0.0 Ga–2022").
      const std::string to =
          last_year + years > 0
              ? year_label(std::max<std::int64_t>(1, to_civil(stretch_end).year.value()))
              : year_tick_label(last_year + years, years);
      const std::size_t unit = from.rfind(' ');
      if (unit != std::string::npos && to.ends_with(from.substr(unit))) from.resize(unit);
      return from + "–" + to;
    }
    const std::int64_t end_year = last_year + years - 1;
    if (first_year <= -kDeepTickYears) {  // a few years seen from far off: "66 Ma"
      const std::string from = age_label(-static_cast<double>(first_year));
      const std::string to = age_label(-static_cast<double>(end_year));
      return from == to ? from : from + "–" + to;
    }
    return first_year == end_year ? year_label(first_year)
                                  : year_label(first_year) + "–" + year_label(end_year);
  }
};

BandUnit choose_band_unit(double points_per_day, double min_width) {
  if (points_per_day * 30.44 >= min_width * 1.25) return {true, 1};
  const double points_per_year = points_per_day * kMeanYearDays;
  constexpr std::array<std::int64_t, 3> kMantissas = {1, 2, 5};
  std::int64_t power = 1;
  for (int decade = 0; decade < 13; ++decade, power *= 10) {  // up to 5e12 years
    for (std::int64_t mantissa : kMantissas) {
      if (points_per_year * static_cast<double>(mantissa * power) >= min_width) {
        return {false, mantissa * power};
      }
    }
  }
  return {false, power};
}

/// Bands: each stretch of the axis without breaks (up to the middle of the
/// break after it) is cut at the start of every year (or month); bands
/// narrower than `min_width` are merged with the next one.
std::vector<TimeBand> make_bands(const Axis& axis, double right_edge, double min_width) {
  std::vector<TimeBand> bands;
  if (axis.days.empty()) return bands;
  const BandUnit unit_of = choose_band_unit(axis.ppd, min_width);
  std::size_t first = 0;
  for (std::size_t i = 0; i < axis.days.size(); ++i) {
    const bool stretch_ends = i + 1 == axis.days.size() || axis.compressed[i];
    if (!stretch_ends) continue;
    const double end_x = i + 1 == axis.days.size() ? std::max(right_edge, axis.xs[i])
                                                   : (axis.xs[i] + axis.xs[i + 1]) / 2;
    struct Piece {
      double from, to;
      Day first_unit, last_unit;
    };
    std::vector<Piece> pieces;
    Day unit = unit_of.start_of(axis.days[first]);
    double from = axis.xs[first];
    for (int guard = 0; guard < 100000; ++guard) {  // a stretch is at most the drawing's width
      const Day next = unit_of.after(unit);
      const double to = next <= axis.days[i] ? axis.x(next) : end_x;
      pieces.push_back({from, to, unit, unit});
      if (next > axis.days[i]) break;
      unit = next;
      from = to;
    }
    // Merge narrow pieces forwards; a narrow last piece joins the one before.
    std::vector<Piece> merged;
    for (const Piece& piece : pieces) {
      if (!merged.empty() && merged.back().to - merged.back().from < min_width) {
        merged.back().to = piece.to;
        merged.back().last_unit = piece.last_unit;
      } else {
        merged.push_back(piece);
      }
    }
    if (merged.size() >= 2 && merged.back().to - merged.back().from < min_width) {
      const Piece last = merged.back();
      merged.pop_back();
      merged.back().to = last.to;
      merged.back().last_unit = last.last_unit;
    }
    for (const Piece& piece : merged) {
      bands.push_back(
          {piece.from, piece.to, unit_of.label(piece.first_unit, piece.last_unit, axis.days[i])});
    }
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
  std::vector<Day> days;
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
      placement.breaks.push_back(
          {(axis.xs[i] + axis.xs[i + 1]) / 2, axis.days[i + 1] - axis.days[i]});
    }
    placement.bands = make_bands(axis, width, options.band_width);
  }
  return placement;
}

}  // namespace eventgraph

#include "render/timeline_layout.h"

#include "engine/date_window.h"
#include "render/date_words.h"

#include "render/detail/row_packer.h"
#include "render/detail/timeline_frame.h"
#include "render/detail/timeline_lanes.h"

#include <algorithm>
#include <cmath>

namespace eventgraph {

namespace {

using days = Days;
using sys_days = Day;

constexpr double kMargin = 16;      // canvas edge to plot
constexpr double kSlot = 16;        // one row of a lane: a label line or a mark
constexpr double kBaseline = 12.3;  // a label's baseline below its row's top
constexpr double kMarkCentre = 8;   // a mark's centre below its row's top
constexpr double kHeading = 22;     // a lane's name above its rows
constexpr double kLanePad = 6;
constexpr double kGap = 8;       // between neighbours in a row
constexpr double kLabelGap = 5;  // between a mark and its label
constexpr double kRadius = 5;    // a point
constexpr double kBarHalf = 5;   // half a bar's height
constexpr double kHalo = 3;      // approximate dates' soft edge
constexpr double kTail = 24;     // an unknown end's dashed tail
constexpr double kMinBar = 6;
constexpr int kMaxLabelLines = 3;
constexpr const char* kNothingInView = "no events in this view";

// One event as it will be drawn, clipped to the domain.
struct Drawable {
  EventIndex index = 0;
  sys_days first, end;  // [first, end) of the known part, clipped
  EndStyle start = EndStyle::closed, finish = EndStyle::closed;
};

std::string tooltip_for(const EventGraph& graph, const Event& event) {
  std::string text =
      event.title + "\n" + describe_date(event.date) + " (" + event.date.text() + ")";
  if (!event.summary.empty()) text += "\n" + event.summary;
  if (!event.sources.empty()) {
    text += "\nSources: ";
    for (std::size_t i = 0; i < event.sources.size(); ++i) {
      const Source* source = graph.find_source(event.sources[i]);
      text +=
          (i ? "; " : "") + (source && !source->title.empty() ? source->title : event.sources[i]);
    }
  }
  return text;
}

std::string join_actors(const EventGraph& graph, const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    const Actor* actor = graph.find_actor(id);
    out += (out.empty() ? "" : ", ") + (actor && !actor->name.empty() ? actor->name : id);
  }
  return out;
}

// Where a relation meets a mark: on its top or bottom edge (`up` picks the
// top), so the curve runs vertically out of the mark and never along the
// mark's row, where its label is. `side` (+1 leaving, -1 arriving) moves
// the point off centre, so that A -> B and B -> A stay two lines. On a bar
// the point is the one nearest `toward_x`, but not under a label that sits
// above the bar.
std::array<double, 2> anchor(const EventMark& mark, double toward_x, bool up, double side) {
  const double edge = (mark.point ? kRadius : kBarHalf) + (mark.approximate ? kHalo : 0) + 1;
  const double y = up ? mark.y - edge : mark.y + edge;
  if (mark.point) return {mark.x0 + side * 2, y};
  const double lo = mark.x0 + 3, hi = std::max(lo, mark.x1 - 3);
  double x = std::clamp(toward_x + side * 2, lo, hi);
  if (up) {
    for (const TextItem& t : mark.label) {
      if (t.box.bottom() > mark.y || x < t.box.x - 3 || x > t.box.right() + 3) continue;
      if (t.box.right() + 6 <= hi) {
        x = t.box.right() + 6;
      } else if (t.box.x - 6 >= lo) {
        x = t.box.x - 6;
      }
    }
  }
  return {x, y};
}

// A relation as a curve that leaves `from` and enters `to` vertically:
// between rows an S from one mark's edge to the other's, along one row an
// arch over it. Control points stay inside the plot, so the curve does too.
RelationPath relation_path(const EventMark& from, const EventMark& to, bool arrow,
                           const Box& plot) {
  const double fx = from.point ? from.x0 : (from.x0 + from.x1) / 2;
  const double tx = to.point ? to.x0 : (to.x0 + to.x1) / 2;
  const bool same_row = std::abs(to.y - from.y) < kSlot / 2;
  const bool down = !same_row && to.y > from.y;
  const auto [x0, y0] = anchor(from, tx, !down, 1);
  const auto [x3, y3] = anchor(to, fx, down || same_row, -1);
  const double dx = x3 - x0, dy = y3 - y0;
  double c1 = 0, c2 = 0;
  if (same_row) {
    const double rise = std::clamp(0.2 * std::abs(dx), 12.0, 48.0);
    c1 = y0 - rise, c2 = y3 - rise;
  } else {
    const double bend = std::max(std::abs(dy) / 2, 8.0);
    c1 = y0 + (down ? bend : -bend), c2 = y3 + (down ? -bend : bend);
  }
  c1 = std::clamp(c1, plot.y + 2, plot.bottom() - 2);
  c2 = std::clamp(c2, plot.y + 2, plot.bottom() - 2);
  RelationPath path;
  path.arrow = arrow;
  path.curve = {x0, y0, x0, c1, x3, c2, x3, y3};
  if (arrow) {  // pointing straight into the mark, as the curve arrives
    const double ay = down || same_row ? 1 : -1;
    path.head = {x3, y3, x3 - 3.5, y3 - ay * 7, x3 + 3.5, y3 - ay * 7};
    path.curve[7] = y3 - ay * 5;  // the line stops inside the head
  }
  return path;
}

// The events that are drawn, clipped to the zoom window when there is one.
std::vector<Drawable> collect_drawables(const EventGraph& graph,
                                        std::span<const EventIndex> selection,
                                        const TimelineOptions& options) {
  std::vector<EventIndex> chosen(selection.begin(), selection.end());
  std::sort(chosen.begin(), chosen.end());
  chosen.erase(std::unique(chosen.begin(), chosen.end()), chosen.end());
  std::vector<Drawable> drawn;
  for (EventIndex index : chosen) {
    if (index >= graph.events().size()) continue;
    const EdtfDate& date = graph.event(index).date;
    if (!date.ok()) continue;
    Drawable d{index, date.known_first(), date.known_last() + days{1}};
    const auto style = [](Bound bound) {
      return bound == Bound::open      ? EndStyle::runs_on
             : bound == Bound::unknown ? EndStyle::unknown
                                       : EndStyle::closed;
    };
    d.start = style(date.start());
    d.finish = style(date.end());
    // The window holds what the queries' window holds (one definition).
    DateWindow window;
    if (options.from) window.from = Day(*options.from);
    if (options.to) window.to = Day(*options.to);
    if (in_window(date, window)) drawn.push_back(d);
  }
  return drawn;
}

// The axis: the zoom window, or the events' span padded by 3 % of the time
// shown so no mark sits on the edge.
TimeScale make_scale(std::vector<Drawable>& drawn, const TimelineOptions& options, double left,
                     double right) {
  std::vector<sys_days> anchors;
  for (const Drawable& d : drawn) {
    anchors.push_back(d.first);
    anchors.push_back(d.end);
  }
  sys_days first = date::sys_days{date::year{2000} / 1 / 1};
  sys_days end = first + days{1};
  if (!anchors.empty()) {
    first = *std::min_element(anchors.begin(), anchors.end());
    end = *std::max_element(anchors.begin(), anchors.end());
  }
  if (options.from) first = *options.from;
  if (options.to) end = *options.to + days{1};
  if (end <= first) end = first + days{1};
  ScaleRequest request{
      first, end, anchors, left, right, options.compression, 48, options.axis_scale};
  if (!options.from || !options.to) {
    const TimeScale rough = make_time_scale(request);
    std::int64_t shown = 0;
    for (const AxisSegment& s : rough.segments()) shown += (s.end - s.first).count();
    const days pad{std::max<std::int64_t>(1, std::llround(0.03 * static_cast<double>(shown)))};
    if (!options.from) request.first = first - pad;
    // A log axis measures back from its end: a year after the last event
    // keeps the present apart from it, where 3 % of the span would not.
    const days end_pad = options.axis_scale == AxisScale::log ? days{366} : pad;
    if (!options.to) request.end = end + end_pad;
  }
  TimeScale scale = make_time_scale(request);
  for (Drawable& d : drawn) {
    if (d.first < scale.first() || d.start == EndStyle::runs_on) {
      d.first = scale.first(), d.start = EndStyle::runs_on;
    }
    if (d.end > scale.end() || d.finish == EndStyle::runs_on) {
      d.end = scale.end(), d.finish = EndStyle::runs_on;
    }
    // An unknown end may lie in the view though its known day does not:
    // drawn at the edge it may cross.
    if (d.end <= scale.first()) d.end = scale.first() + days{1};
    if (d.first >= scale.end()) d.first = scale.end() - days{1};
  }
  return scale;
}

// A mark with its label, in coordinates relative to the item's first row,
// and the rows it needs. The label goes after the mark, else before it,
// else above it (a bar as wide as the plot).
EventMark make_mark(const Event& event, const Drawable& d, const TimeScale& scale,
                    const std::vector<std::string>& lines, double plot_left, double plot_right,
                    const FontMetrics& fonts, detail::PackItem& item) {
  EventMark mark;
  mark.event = d.index;
  mark.uncertain = event.date.uncertain();
  mark.approximate = event.date.approximate();
  mark.start = d.start;
  mark.end = d.finish;
  mark.point = event.date.precision() == Precision::day && d.start == EndStyle::closed &&
               d.finish == EndStyle::closed;
  const double halo = mark.approximate ? kHalo : 0;
  double left = 0, right = 0;
  if (mark.point) {
    mark.x0 = mark.x1 = (scale.x(d.first) + scale.x(d.end)) / 2;
    left = mark.x0 - kRadius - halo, right = mark.x0 + kRadius + halo;
  } else {
    mark.x0 = scale.x(d.first), mark.x1 = scale.x(d.end);
    if (mark.x1 - mark.x0 < kMinBar) {
      const double mid = (mark.x0 + mark.x1) / 2;
      mark.x0 = std::clamp(mid - kMinBar / 2, plot_left, plot_right - kMinBar);
      mark.x1 = mark.x0 + kMinBar;
    }
    left = std::max(plot_left, mark.x0 - halo - (mark.start == EndStyle::unknown ? kTail : 0));
    right = std::min(plot_right, mark.x1 + halo + (mark.end == EndStyle::unknown ? kTail : 0));
  }
  mark.box = Box{left, 0, right - left, kSlot};

  double w = 0;
  for (const std::string& line : lines) w = std::max(w, fonts.width(line, 12));
  const int k = static_cast<int>(lines.size());
  double label_x = right + kLabelGap;
  int mark_row = 0;
  bool before = false;
  if (label_x + w <= plot_right) {
    item.rows.push_back({0, left, label_x + w});
  } else if (left - kLabelGap - w >= plot_left) {
    before = true;
    label_x = left - kLabelGap - w;
    item.rows.push_back({0, label_x, right});
  } else {
    label_x = std::clamp(left, plot_left, plot_right - w);
    mark_row = k;
    item.rows.push_back({0, label_x, label_x + w});
    item.rows.push_back({k, left, right});
  }
  for (int line = 1; line < k; ++line) item.rows.push_back({line, label_x, label_x + w});
  item.left = left;  // stack in the order of the marks, so rows read chronologically
  for (int line = 0; line < k; ++line) {
    const std::string& text = lines[static_cast<std::size_t>(line)];
    const double x = before ? label_x + w - fonts.width(text, 12) : label_x;
    mark.label.push_back(
        detail::make_text(text, TextRole::label, x, kBaseline + kSlot * line, fonts));
  }
  mark.y = kMarkCentre + kSlot * mark_row;
  mark.box.y = kSlot * mark_row;
  return mark;
}

// Shifts a packed mark and its label down to its row.
void move_down(EventMark& mark, double dy) {
  mark.y += dy;
  mark.box.y += dy;
  for (TextItem& t : mark.label) {
    t.baseline += dy;
    t.box.y += dy;
  }
}

// Tick labels, break labels and the axis line's y; returns the axis y.
double layout_axis(TimelineLayout& layout, const TimeScale& scale, double top,
                   const FontMetrics& fonts) {
  const AxisTicks ticks = choose_ticks(
      scale, [&](std::string_view s) { return fonts.width(s, 11, FontWeight::bold); }, 3, 6);
  // Year steps need no second row; the axis then sits one row higher.
  const double rows = ticks.major.empty() ? 0 : 15;
  const double major_baseline = top + 12, minor_baseline = top + 12 + rows;
  const double axis_y = minor_baseline + 6;
  for (const Tick& t : ticks.major) {
    layout.texts.push_back(
        detail::make_text(t.label, TextRole::axis_major, t.x + 3, major_baseline, fonts));
    layout.grid.push_back({t.x, axis_y, axis_y, true});
  }
  for (const Tick& t : ticks.minor) {
    if (!t.label.empty()) {
      layout.texts.push_back(
          detail::make_text(t.label, TextRole::axis, t.x + 3, minor_baseline, fonts));
    }
    layout.grid.push_back({t.x, axis_y, axis_y, false});
  }
  for (const AxisBreak& b : scale.breaks()) {
    const double w = fonts.width(b.label, 11);
    layout.texts.push_back(
        detail::make_text(b.label, TextRole::axis, (b.x0 + b.x1 - w) / 2, minor_baseline, fonts));
    layout.breaks.push_back(b);
  }
  return axis_y;
}

std::string relation_tooltip(const EventGraph& graph, RelationIndex r) {
  const Relation& relation = graph.relation(r);
  const Endpoints ends = graph.endpoints(r);
  std::string text =
      graph.event(ends.from).title + " — " +
      (relation.kind == RelationKind::references ? std::string("refers to")
                                                 : std::string(to_string(relation.kind))) +
      " — " + graph.event(ends.to).title;
  if (!relation.claimed_by.empty())
    text += "\nClaimed by " + join_actors(graph, relation.claimed_by);
  if (relation.disputed()) text += "\nDisputed by " + join_actors(graph, relation.disputed_by);
  if (!relation.note.empty()) text += "\n" + relation.note;
  return text;
}
}  // namespace

bool intersects(const Box& a, const Box& b) {
  return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

bool contains(const Box& outer, const Box& inner) {
  return inner.x >= outer.x && inner.y >= outer.y && inner.right() <= outer.right() &&
         inner.bottom() <= outer.bottom();
}

double font_size(TextRole role) {
  switch (role) {
    case TextRole::title:
      return 18;
    case TextRole::axis:
    case TextRole::axis_major:
    case TextRole::footer:
      return 11;
    default:
      return 12;
  }
}

FontWeight font_weight(TextRole role) {
  return role == TextRole::title || role == TextRole::lane || role == TextRole::axis_major
             ? FontWeight::bold
             : FontWeight::regular;
}

std::vector<Box> text_boxes(const TimelineLayout& layout) {
  std::vector<Box> boxes;
  for (const TextItem& t : layout.texts) boxes.push_back(t.box);
  for (const LaneBand& lane : layout.lanes) {
    if (lane.heading) boxes.push_back(lane.heading->box);
  }
  for (const EventMark& mark : layout.marks) {
    for (const TextItem& t : mark.label) boxes.push_back(t.box);
  }
  for (const LegendEntry& entry : layout.legend) boxes.push_back(entry.text.box);
  return boxes;
}

TimelineLayout layout_timeline(const EventGraph& graph, std::span<const EventIndex> selection,
                               const TimelineOptions& options, const FontMetrics& fonts) {
  TimelineLayout layout;
  layout.width = std::round(std::clamp(options.width, 480.0, 20000.0));
  const double plot_left = kMargin, plot_right = layout.width - kMargin;
  const double plot_width = plot_right - plot_left;
  layout.plot = Box{plot_left, 0, plot_width, 0};

  std::vector<Drawable> drawn = collect_drawables(graph, selection, options);
  const TimeScale scale = make_scale(drawn, options, plot_left, plot_right);

  std::vector<EventIndex> drawn_events;
  for (const Drawable& d : drawn) drawn_events.push_back(d.index);
  const detail::LanePlan lanes =
      detail::plan_lanes(graph, drawn_events, options.lanes, options.lanes_repeat);

  // Marks and labels, each with the rows it needs in its lane.
  const double label_width = std::clamp(plot_width * 0.3, 140.0, 340.0);
  std::vector<std::vector<detail::PackItem>> items(lanes.names.size());
  std::vector<std::optional<std::size_t>> first_mark(graph.events().size());
  for (std::size_t i = 0; i < drawn.size(); ++i) {
    const Event& event = graph.event(drawn[i].index);
    std::vector<std::string> lines =
        wrap_text(event.title.empty() ? event.id : event.title, label_width, 12,
                  FontWeight::regular, fonts, kMaxLabelLines);
    if (lines.empty()) lines.push_back(event.id);
    for (std::size_t lane : lanes.of_event[i]) {
      detail::PackItem item;
      item.id = layout.marks.size();
      EventMark mark = make_mark(event, drawn[i], scale, lines, plot_left, plot_right, fonts, item);
      mark.lane = mark.colour = lane;
      mark.tooltip = tooltip_for(graph, event);
      items[mark.lane].push_back(std::move(item));
      if (!first_mark[drawn[i].index]) first_mark[drawn[i].index] = layout.marks.size();
      layout.marks.push_back(std::move(mark));
    }
  }
  std::vector<RelationIndex> relations;
  for (RelationIndex r = 0; r < graph.relations().size(); ++r) {
    const RelationKind kind = graph.relation(r).kind;
    if (options.relations == RelationSelection::none) break;
    if (options.relations == RelationSelection::causes && kind != RelationKind::causes) continue;
    const Endpoints ends = graph.endpoints(r);
    if (first_mark[ends.from] && first_mark[ends.to]) relations.push_back(r);
  }
  const detail::FrameInput frame{graph, scale, options, relations, lanes.names, drawn.size()};

  // Title, subtitle, legend, axis.
  const std::string title = !options.title.empty()   ? options.title
                            : !graph.title().empty() ? graph.title()
                                                     : "Timeline";
  layout.title = title;
  double y = detail::add_lines(layout.texts, title, TextRole::title, plot_left, kMargin + 17,
                               plot_width, 24, 3, fonts);
  std::string subtitle = std::to_string(drawn.size()) + (drawn.size() == 1 ? " event" : " events");
  if (!drawn.empty()) {
    sys_days lo = graph.event(drawn.front().index).date.known_first(), hi = lo;
    for (const Drawable& d : drawn) {
      hi = std::max(hi, graph.event(d.index).date.known_last());
    }
    subtitle += ", " + day_label(lo) + " – " + day_label(hi);
  }
  if (options.lanes != LaneMode::none) {
    subtitle += " · lanes by " + std::string(detail::lane_mode_name(options.lanes));
  }
  if (options.from || options.to) {
    subtitle += " · view " + day_label(scale.first()) + " – " + day_label(scale.end() - days{1});
  }
  y = detail::add_lines(layout.texts, subtitle, TextRole::subtitle, plot_left, y - 4, plot_width,
                        16, 3, fonts);
  y = detail::layout_legend(layout, frame, y - 4, fonts);
  layout.axis_y = layout_axis(layout, scale, y + 4, fonts);

  // Each lane's items packed into rows; lanes one below another.
  double lane_top = layout.axis_y + 4;
  const double heading = options.lanes == LaneMode::none ? 4 : kHeading;
  for (std::size_t lane = 0; lane < lanes.names.size(); ++lane) {
    const std::vector<int> rows = detail::pack_rows(items[lane], kGap);
    int used = 0;
    for (std::size_t i = 0; i < items[lane].size(); ++i) {
      move_down(layout.marks[items[lane][i].id], lane_top + heading + kSlot * rows[i]);
      used = std::max(used, rows[i] + detail::height(items[lane][i]));
    }
    LaneBand band;
    band.name = lanes.names[lane];
    band.colour = lane;
    band.band = Box{plot_left, lane_top, plot_width, heading + kSlot * used + kLanePad};
    if (options.lanes != LaneMode::none) {
      band.heading =
          detail::make_text(lanes.names[lane], TextRole::lane, plot_left + 4, lane_top + 16, fonts);
    }
    lane_top = band.band.bottom();
    layout.lanes.push_back(std::move(band));
  }
  if (drawn.empty()) {
    // Nothing to draw: say so where the marks would be, not an empty axis.
    lane_top = detail::add_lines(layout.texts, kNothingInView, TextRole::legend, plot_left + 4,
                                 lane_top + 24, plot_width - 8, 16, 1, fonts) +
               12;
    if (!layout.lanes.empty()) {
      Box& band = layout.lanes.back().band;
      band.height = lane_top - band.y;
    }
  }
  layout.plot = Box{plot_left, layout.axis_y, plot_width, lane_top - layout.axis_y};
  for (GridLine& line : layout.grid) line.y1 = lane_top;

  for (RelationIndex r : relations) {
    const Endpoints ends = graph.endpoints(r);
    const RelationKind kind = graph.relation(r).kind;
    RelationPath path =
        relation_path(layout.marks[*first_mark[ends.from]], layout.marks[*first_mark[ends.to]],
                      kind != RelationKind::contradicts, layout.plot);
    path.relation = r;
    path.kind = kind;
    path.disputed = graph.relation(r).disputed();
    path.tooltip = relation_tooltip(graph, r);
    layout.relations.push_back(std::move(path));
  }

  y = detail::layout_footer(layout, frame, lane_top + 6, fonts);
  layout.height = std::ceil(y + kMargin);
  layout.description = detail::describe_layout(layout, frame);
  if (drawn.empty()) layout.description += std::string(" ") + kNothingInView + ".";
  return layout;
}

}  // namespace eventgraph

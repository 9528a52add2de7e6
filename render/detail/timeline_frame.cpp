#include "render/detail/timeline_frame.h"

#include "render/date_words.h"

#include <algorithm>
#include <filesystem>

namespace eventgraph::detail {

namespace {

constexpr double kSlackX = 1.5;  // browsers round glyph extents
constexpr double kSlackY = 0.5;
constexpr double kSymbolWidth = 26;
constexpr double kSymbolHeight = 12;
constexpr std::size_t kMaxSources = 30;

std::string_view legend_text(LegendSymbol symbol) {
  switch (symbol) {
    case LegendSymbol::point:
      return "day-precise date";
    case LegendSymbol::bar:
      return "month, season, year or interval";
    case LegendSymbol::uncertain:
      return "uncertain date (?)";
    case LegendSymbol::approximate:
      return "approximate date (~)";
    case LegendSymbol::runs_on:
      return "open-ended, or runs past the view";
    case LegendSymbol::unknown_end:
      return "unknown start or end";
    case LegendSymbol::axis_break:
      return "axis break: time left out";
    case LegendSymbol::causes:
      return "causes";
    case LegendSymbol::references:
      return "refers to";
    case LegendSymbol::contradicts:
      return "contradicts";
    case LegendSymbol::disputed:
      return "disputed link";
  }
  return "";
}

std::string source_line(const Source& source) {
  std::string line = source.title.empty() ? source.id : source.title;
  for (const std::string* part : {&source.publisher, &source.author}) {
    if (!part->empty()) line += " — " + *part;
  }
  if (source.date) line += ", " + describe_date(*source.date);
  return line;
}

std::string plural(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

}  // namespace

std::string_view lane_mode_name(LaneMode mode) {
  switch (mode) {
    case LaneMode::actor:
      return "actor";
    case LaneMode::affiliation:
      return "affiliation";
    case LaneMode::kind:
      return "kind";
    case LaneMode::tag:
      return "tag";
    case LaneMode::none:
      break;
  }
  return "none";
}

TextItem make_text(std::string text, TextRole role, double x, double baseline,
                   const FontMetrics& fonts) {
  const double size = font_size(role);
  const double width = fonts.width(text, size, font_weight(role));
  const double ascent = fonts.ascent(size);
  const Box box{x - kSlackX, baseline - ascent - kSlackY, width + 2 * kSlackX,
                ascent + fonts.descent(size) + 2 * kSlackY};
  return TextItem{std::move(text), role, x, baseline, width, box, {}};
}

double add_lines(std::vector<TextItem>& out, std::string_view text, TextRole role, double x,
                 double baseline, double max_width, double line_height, int max_lines,
                 const FontMetrics& fonts) {
  for (std::string& line :
       wrap_text(text, max_width, font_size(role), font_weight(role), fonts, max_lines)) {
    out.push_back(make_text(std::move(line), role, x, baseline, fonts));
    baseline += line_height;
  }
  return baseline;
}

double layout_legend(TimelineLayout& layout, const FrameInput& input, double top,
                     const FontMetrics& fonts) {
  std::vector<LegendSymbol> symbols;
  const auto any = [&](auto predicate) {
    return std::any_of(layout.marks.begin(), layout.marks.end(), predicate);
  };
  if (any([](const EventMark& m) { return m.point; })) symbols.push_back(LegendSymbol::point);
  if (any([](const EventMark& m) { return !m.point; })) symbols.push_back(LegendSymbol::bar);
  if (any([](const EventMark& m) { return m.uncertain; })) {
    symbols.push_back(LegendSymbol::uncertain);
  }
  if (any([](const EventMark& m) { return m.approximate; })) {
    symbols.push_back(LegendSymbol::approximate);
  }
  if (any([](const EventMark& m) {
        return m.start == EndStyle::runs_on || m.end == EndStyle::runs_on;
      })) {
    symbols.push_back(LegendSymbol::runs_on);
  }
  if (any([](const EventMark& m) {
        return m.start == EndStyle::unknown || m.end == EndStyle::unknown;
      })) {
    symbols.push_back(LegendSymbol::unknown_end);
  }
  if (!input.scale.breaks().empty()) symbols.push_back(LegendSymbol::axis_break);
  bool kinds[3] = {false, false, false};
  bool disputed = false;
  for (RelationIndex r : input.relations) {
    kinds[static_cast<int>(input.graph.relation(r).kind)] = true;
    disputed = disputed || input.graph.relation(r).disputed();
  }
  if (kinds[0]) symbols.push_back(LegendSymbol::causes);
  if (kinds[1]) symbols.push_back(LegendSymbol::references);
  if (kinds[2]) symbols.push_back(LegendSymbol::contradicts);
  if (disputed) symbols.push_back(LegendSymbol::disputed);

  const double left = layout.plot.x, right = layout.width - layout.plot.x;
  double x = left, baseline = top + 13;
  for (LegendSymbol symbol : symbols) {
    const std::string text(legend_text(symbol));
    const double width = kSymbolWidth + 6 + fonts.width(text, font_size(TextRole::legend));
    if (x > left && x + width > right) x = left, baseline += 20;
    LegendEntry entry;
    entry.symbol = symbol;
    entry.box = Box{x, baseline - 10, kSymbolWidth, kSymbolHeight};
    entry.text = make_text(text, TextRole::legend, x + kSymbolWidth + 6, baseline, fonts);
    layout.legend.push_back(std::move(entry));
    x += width + 18;
  }
  return symbols.empty() ? top : baseline + 10;
}

double layout_footer(TimelineLayout& layout, const FrameInput& input, double top,
                     const FontMetrics& fonts) {
  const double left = layout.plot.x, width = layout.plot.width;
  double baseline = top + 12;
  const auto breaks = input.scale.breaks();
  if (!breaks.empty()) {
    std::string note = breaks.size() == 1 ? "Axis break: " : "Axis breaks: ";
    for (std::size_t i = 0; i < breaks.size(); ++i) {
      note += (i ? "; " : "") + day_label(breaks[i].first) + " – " +
              day_label(breaks[i].end - Days{1}) + " (" + breaks[i].label + ")";
    }
    note += breaks.size() == 1 ? " is left out. " : " are left out. ";
    note += "Distances are to scale only within each stretch of the axis, not across a break.";
    baseline = add_lines(layout.texts, note, TextRole::footer, left, baseline, width, 15, 4, fonts);
  }

  // Sources behind the drawn events and relations, in id order.
  std::vector<std::string> ids;
  for (const EventMark& mark : layout.marks) {
    const Event& event = input.graph.event(mark.event);
    ids.insert(ids.end(), event.sources.begin(), event.sources.end());
  }
  for (RelationIndex r : input.relations) {
    const Relation& relation = input.graph.relation(r);
    ids.insert(ids.end(), relation.sources.begin(), relation.sources.end());
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  if (!ids.empty()) {
    baseline = add_lines(layout.texts, ids.size() == 1 ? "Source:" : "Sources:", TextRole::footer,
                         left, baseline, width, 15, 1, fonts);
  }
  for (std::size_t i = 0; i < ids.size() && i < kMaxSources; ++i) {
    const Source* source = input.graph.find_source(ids[i]);
    const std::size_t first = layout.texts.size();
    baseline = add_lines(layout.texts, "• " + (source ? source_line(*source) : ids[i]),
                         TextRole::footer, left + 8, baseline, width - 8, 15, 3, fonts);
    for (std::size_t t = first; source && t < layout.texts.size(); ++t) {
      layout.texts[t].href = source->url;
    }
  }
  if (ids.size() > kMaxSources) {
    baseline = add_lines(
        layout.texts,
        "… and " + plural(ids.size() - kMaxSources, "more source") + " (see the event file)",
        TextRole::footer, left + 8, baseline, width - 8, 15, 1, fonts);
  }
  const std::string file = std::filesystem::path(input.graph.file()).filename().string();
  baseline = add_lines(layout.texts,
                       "Drawn by eventgraph" + (file.empty() ? std::string() : " from " + file) +
                           ". Hover over an event for its date, summary and sources.",
                       TextRole::footer, left, baseline + 4, width, 15, 2, fonts);
  return baseline - 12;
}

std::string describe_layout(const TimelineLayout& layout, const FrameInput& input) {
  std::string text = "Timeline of " + plural(input.events, "event");
  if (!layout.marks.empty()) {
    const auto& first = input.graph.event(layout.marks.front().event).date;
    Day lo = first.known_first(), hi = lo;
    for (const EventMark& m : layout.marks) {
      const EdtfDate& date = input.graph.event(m.event).date;
      lo = std::min(lo, date.known_first());
      hi = std::max(hi, date.known_last());
    }
    text += " from " + day_label(lo) + " to " + day_label(hi);
  }
  if (input.options.lanes != LaneMode::none) {
    text += ", in " + plural(input.lanes.size(), "lane") + " by " +
            std::string(lane_mode_name(input.options.lanes)) + ": ";
    for (std::size_t i = 0; i < input.lanes.size() && i < 20; ++i) {
      text += (i ? ", " : "") + input.lanes[i];
    }
    if (input.lanes.size() > 20) text += ", …";
  }
  text += ". Points mark day-precise dates, bars longer or vaguer ones.";
  std::size_t counts[3] = {0, 0, 0}, disputed = 0;
  for (RelationIndex r : input.relations) {
    ++counts[static_cast<int>(input.graph.relation(r).kind)];
    disputed += input.graph.relation(r).disputed() ? 1 : 0;
  }
  if (!input.relations.empty()) {
    text += " " + plural(input.relations.size(), "relation") +
            " drawn: " + std::to_string(counts[0]) + " causes (solid arrows), " +
            std::to_string(counts[1]) + " refers to (dashed arrows), " + std::to_string(counts[2]) +
            " contradicts (dash-dot lines); " + std::to_string(disputed) + " disputed (dotted).";
  }
  for (const AxisBreak& b : input.scale.breaks()) {
    text +=
        " The axis leaves out " + day_label(b.first) + " to " + day_label(b.end - Days{1}) + ".";
  }
  return text;
}

}  // namespace eventgraph::detail

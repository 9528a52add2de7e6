#include "render/diagram_content.h"

#include "render/date_words.h"
#include "render/graphviz_text.h"
#include "render/text.h"

#include <algorithm>
#include <set>

namespace eventgraph::detail {

namespace {

constexpr std::size_t kWrapWidth = 28;  // characters per title line
constexpr std::size_t kColoured = 7;    // affiliations with a colour of their own

std::string source_text(const Source& source) {
  std::string text = source.title.empty() ? source.id : source.title;
  if (!source.publisher.empty()) text += ", " + source.publisher;
  if (source.date) text += ", " + source.date->text();
  return text;
}

std::string actor_names(const EventGraph& graph, const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    const Actor* actor = graph.find_actor(id);
    out += (out.empty() ? "" : ", ") + (actor && !actor->name.empty() ? actor->name : id);
  }
  return out;
}

std::string year_of(Day day) { return year_label(to_civil(day).year.value()); }

std::string_view direction_in_words(RankDirection direction) {
  switch (direction) {
    case RankDirection::top_bottom:
      return "top to bottom";
    case RankDirection::right_left:
      return "right to left";
    case RankDirection::bottom_top:
      return "bottom to top";
    default:
      return "left to right";
  }
}

}  // namespace

ColourKey::ColourKey(const EventGraph& graph, Theme theme) : theme_(theme) {
  std::map<std::string, int> counts;
  for (const Event& event : graph.events()) {
    for (const std::string& a : affiliations(graph, event)) ++counts[a];
  }
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& [name, count] : counts) ranked.emplace_back(-count, name);
  std::sort(ranked.begin(), ranked.end());
  const auto palette = category_colours(theme);
  static constexpr std::size_t kOrder[kColoured] = {0, 1, 2, 3, 4, 5, 7};  // 6 is grey
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    rank_.emplace(ranked[i].second, i);
    colours_.push_back(i < kColoured ? std::string(palette[kOrder[i] % palette.size()]) : other());
  }
}

std::vector<std::string> ColourKey::affiliations(const EventGraph& graph,
                                                 const Event& event) const {
  std::set<std::string> found;
  for (const std::string& id : event.actors) {
    const Actor* actor = graph.find_actor(id);
    if (actor && !actor->affiliation.empty()) found.insert(actor->affiliation);
  }
  std::vector<std::string> out(found.begin(), found.end());
  std::sort(out.begin(), out.end(),
            [&](const std::string& a, const std::string& b) { return before(a, b); });
  return out;
}

bool ColourKey::before(const std::string& a, const std::string& b) const {
  auto ra = rank_.find(a), rb = rank_.find(b);
  const std::size_t na = ra == rank_.end() ? rank_.size() : ra->second;
  const std::size_t nb = rb == rank_.end() ? rank_.size() : rb->second;
  return na != nb ? na < nb : a < b;
}

std::string ColourKey::colour(const std::string& affiliation) const {
  auto it = rank_.find(affiliation);
  return it == rank_.end() ? other() : colours_[it->second];
}

std::string ColourKey::tint(const std::string& colour) const {
  const ThemeColours base = theme_colours(theme_);
  return mix_colour(colour, base.background, theme_ == Theme::light ? 0.8 : 0.7);
}

bool ColourKey::has_colour(const std::string& affiliation) const {
  auto it = rank_.find(affiliation);
  return it != rank_.end() && it->second < kColoured;
}

std::string ColourKey::other() const { return std::string(category_colours(theme_)[6]); }

std::vector<Bucket> bucket_events(const EventGraph& graph, std::span<const EventIndex> events) {
  std::vector<Bucket> buckets;
  if (events.empty()) return buckets;
  auto first = graph.event(events.front()).date.known_first();
  auto last = first;
  for (EventIndex e : events) {
    first = std::min(first, graph.event(e).date.known_first());
    last = std::max(last, graph.event(e).date.known_first());
  }
  const auto span = (last - first).count();
  enum { month, year, decade } unit = span <= 2 * 366 ? month : span <= 100 * 366 ? year : decade;
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::map<long, Bucket> by_key;
  for (EventIndex e : events) {
    const CivilDay civil = to_civil(graph.event(e).date.known_first());
    const long y = civil.year.value();
    const unsigned m = static_cast<unsigned>(civil.month);
    long key = unit == month ? y * 12 + m - 1 : unit == year ? y : (y < 0 ? (y - 9) / 10 : y / 10);
    Bucket& bucket = by_key[key];
    if (bucket.label.empty()) {
      // BCE years as readers write them; a decade before 1 CE by its first year.
      bucket.label = unit == month  ? std::string(kMonths[m - 1]) + " " + year_label(y)
                     : unit == year ? year_label(y)
                     : key < 0      ? year_label(key * 10)
                                    : std::to_string(key * 10) + "s";
    }
    bucket.events.push_back(e);
  }
  for (auto& [key, bucket] : by_key) buckets.push_back(std::move(bucket));
  return buckets;
}

std::string node_label(const Event& event, const ThemeColours& colours) {
  std::string html;
  for (const std::string& line : wrap_words(event.title, kWrapWidth)) {
    html += html_label_text(line) + "<br/>";
  }
  html += "<font point-size=\"8.5\" color=\"" + std::string(colours.muted_text) + "\">" +
          html_label_text(event.date.text()) + "</font>";
  return html;
}

std::string node_tooltip(const EventGraph& graph, const Event& event, bool svg) {
  TooltipText tip(svg);
  tip.add(event.title).line().add(event.date.text());
  if (!event.kind.empty()) tip.add(" · ").add(event.kind);
  if (!event.place.empty()) tip.add(" · ").add(event.place);
  if (!event.summary.empty()) tip.line().line().add(event.summary);
  if (!event.actors.empty()) {
    tip.line().line().add("Actors: ");
    for (std::size_t i = 0; i < event.actors.size(); ++i) {
      const Actor* actor = graph.find_actor(event.actors[i]);
      tip.add(i ? "; " : "").add(actor && !actor->name.empty() ? actor->name : event.actors[i]);
    }
  }
  for (const std::string& id : event.sources) {
    const Source* source = graph.find_source(id);
    tip.line().add("Source: ").add(source ? source_text(*source) : id);
  }
  return tip.str();
}

std::optional<std::string> first_url(const EventGraph& graph,
                                     const std::vector<std::string>& sources, bool svg) {
  for (const std::string& id : sources) {
    const Source* source = graph.find_source(id);
    if (!source) continue;
    if (auto url = detail::safe_url(source->url, svg)) return url;
  }
  return std::nullopt;
}

std::string edge_tooltip(const EventGraph& graph, const Relation& r, Theme theme, bool svg) {
  const Event& from = graph.event(*graph.find_event(r.from));
  const Event& to = graph.event(*graph.find_event(r.to));
  TooltipText tip(svg);
  tip.add(from.title).add(" — ").add(relation_style(r.kind, theme).label).add(" — ").add(to.title);
  if (!r.note.empty()) tip.line().line().add(r.note);
  if (!r.claimed_by.empty()) tip.line().add("Claimed by: ").add(actor_names(graph, r.claimed_by));
  if (r.disputed()) tip.line().add("Disputed by: ").add(actor_names(graph, r.disputed_by));
  for (const std::string& id : r.sources) {
    const Source* source = graph.find_source(id);
    tip.line().add("Source: ").add(source ? source_text(*source) : id);
  }
  return tip.str();
}

LegendContent legend_content(const EventGraph& graph, std::span<const EventIndex> events,
                             std::size_t relations, DiagramLayout layout, RankDirection direction,
                             const ColourKey& key, std::string title) {
  LegendContent content;
  content.title = std::move(title);
  std::string text = std::to_string(events.size()) +
                     (events.size() == 1 ? " event, " : " events, ") + std::to_string(relations) +
                     (relations == 1 ? " relation" : " relations");
  if (!events.empty()) {
    Day first = graph.event(events.front()).date.known_first(), last = first;
    for (EventIndex e : events) {
      first = std::min(first, graph.event(e).date.known_first());
      last = std::max(last, graph.event(e).date.known_first());
    }
    const std::string a = year_of(first), b = year_of(last);
    text += ", " + (a == b ? a : a + "–" + b);
  }
  switch (layout) {
    case DiagramLayout::dot:
      text += ". Time runs " + std::string(direction_in_words(direction)) +
              " in bands of one date bucket each.";
      break;
    case DiagramLayout::time:
      text +=
          ". Time runs left to right; each box starts at its date; … marks a shortened "
          "stretch without events.";
      break;
    default:
      text += ". Placed by " + std::string(to_string(layout)) + ": positions do not show time.";
  }
  content.subtitle = std::move(text);
  for (EventIndex e : events) {
    const auto affiliations = key.affiliations(graph, graph.event(e));
    content.several = content.several || affiliations.size() >= 2;
    content.other = content.other || affiliations.empty();
    for (const std::string& a : affiliations) {
      if (!key.has_colour(a)) {
        content.other = true;
      } else if (std::find(content.affiliations.begin(), content.affiliations.end(), a) ==
                 content.affiliations.end()) {
        content.affiliations.push_back(a);
      }
    }
  }
  std::sort(content.affiliations.begin(), content.affiliations.end(),
            [&](const std::string& a, const std::string& b) { return key.before(a, b); });
  return content;
}

std::string legend_html(const LegendContent& content, const ColourKey& key, Theme theme,
                        bool legend) {
  const ThemeColours colours = theme_colours(theme);
  const std::string muted(colours.muted_text);
  std::string html = "<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"2\">";
  // Graphviz rejects an empty <font>: a dataset without a title (or one of
  // characters that cleaning drops) gets no title row.
  if (!html_label_text(content.title).empty()) {
    html += "<tr><td align=\"left\"><font point-size=\"18\">" + html_label_text(content.title) +
            "</font></td></tr>";
  }
  html += "<tr><td align=\"left\"><font point-size=\"10\" color=\"" + muted + "\">" +
          html_label_text(content.subtitle) + "</font></td></tr>";
  if (!legend) return html + "</table>";

  auto sample = [&](std::string_view colour, std::string_view style, int width, bool arrow,
                    std::string_view label) {
    std::string cell = "<td width=\"34\" height=\"9\" fixedsize=\"true\" sides=\"b\" border=\"" +
                       std::to_string(width) + "\" style=\"" + std::string(style) + "\" color=\"" +
                       std::string(colour) + "\"></td>";
    cell += "<td width=\"12\" height=\"12\" fixedsize=\"true\">" +
            (arrow ? "<font point-size=\"7\" color=\"" + std::string(colour) + "\">&#9654;</font>"
                   : std::string()) +
            "</td>";
    return cell + "<td align=\"left\"><font point-size=\"10\">" + html_label_text(label) +
           "</font></td><td width=\"14\"></td>";
  };
  html +=
      "<tr><td align=\"left\"><table border=\"0\" cellborder=\"0\" cellspacing=\"0\" "
      "cellpadding=\"1\"><tr>";
  for (RelationKind kind : kAllRelationKinds) {
    const RelationStyle style = relation_style(kind, theme);
    const bool bold = style.graphviz_style == "bold";
    html += sample(style.colour, bold ? "solid" : style.graphviz_style, bold ? 3 : 1, style.arrow,
                   std::string(style.label) + (style.arrow ? "" : " (no direction)"));
  }
  html += sample(muted, kDisputedGraphvizStyle, 1, false, "disputed (see tooltip)");
  html += "</tr></table></td></tr>";

  auto swatch = [&](const std::vector<std::string>& fills, std::string_view border,
                    std::string_view label) {
    std::string cell = "<td><table border=\"1\" color=\"" + std::string(border) +
                       "\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"0\"><tr>";
    for (const std::string& fill : fills) {
      cell += "<td width=\"" + std::to_string(18 / fills.size()) + "\" height=\"11\" " +
              "fixedsize=\"true\" bgcolor=\"" + fill + "\"></td>";
    }
    // An affiliation of only dropped characters still needs text: Graphviz
    // rejects an empty <font>.
    const std::string text = html_label_text(label);
    return cell + "</tr></table></td><td align=\"left\"><font point-size=\"10\">" +
           (text.empty() ? "(unnamed)" : text) + "</font></td><td width=\"10\"></td>";
  };
  html +=
      "<tr><td align=\"left\"><table border=\"0\" cellborder=\"0\" cellspacing=\"0\" "
      "cellpadding=\"1\"><tr><td><font point-size=\"10\" color=\"" +
      muted + "\">actors:</font></td>";
  for (const std::string& a : content.affiliations) {
    html += swatch({key.tint(key.colour(a))}, key.colour(a), a);
  }
  if (content.other) html += swatch({key.tint(key.other())}, key.other(), "other or none");
  if (content.several && content.affiliations.size() >= 2) {
    html += swatch({key.tint(key.colour(content.affiliations[0])),
                    key.tint(key.colour(content.affiliations[1]))},
                   muted, "two colours: several");
  }
  html += "</tr></table></td></tr></table>";
  return html;
}

}  // namespace eventgraph::detail

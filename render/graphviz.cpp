#include "render/graphviz.h"

#include "render/graphviz_text.h"
#include "render/time_positions.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>

namespace eventgraph {

namespace {

using detail::format_number;
using detail::html_label_text;
using detail::mix_colour;
using detail::TooltipText;

constexpr const char* kFont = "Helvetica";
constexpr std::size_t kWrapWidth = 28;  // characters per title line

// ---------------------------------------------------------------------------
// Graphviz's global state: one context, one caller at a time, and messages
// captured instead of printed.

std::string& captured_messages() {
  static std::string messages;
  return messages;
}

int capture_message(char* message) {
  captured_messages() += message;
  return 0;
}

/// Holds the lock on Graphviz, routes its messages to captured_messages()
/// and turns them into diagnostics.
class GraphvizSession {
 public:
  GraphvizSession() : lock_(mutex()) {
    captured_messages().clear();
    previous_ = agseterrf(capture_message);
    agseterr(AGWARN);
    static GVC_t* shared = gvContext();  // loads the installed plugins once
    gvc_ = shared;
  }
  ~GraphvizSession() { agseterrf(previous_); }
  GraphvizSession(const GraphvizSession&) = delete;
  GraphvizSession& operator=(const GraphvizSession&) = delete;

  GVC_t* gvc() const { return gvc_; }

  void take_messages(const std::string& file, std::vector<Diagnostic>& out) {
    std::istringstream lines(captured_messages());
    captured_messages().clear();
    Severity severity = Severity::warning;
    for (std::string line; std::getline(lines, line);) {
      if (line.starts_with("Error: ")) severity = Severity::error, line.erase(0, 7);
      if (line.starts_with("Warning: ")) severity = Severity::warning, line.erase(0, 9);
      while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
      if (!line.empty()) out.push_back({file, {}, severity, "graphviz: " + line, ""});
    }
  }

 private:
  static std::mutex& mutex() {
    static std::mutex m;
    return m;
  }
  std::lock_guard<std::mutex> lock_;
  agusererrf previous_ = nullptr;
  GVC_t* gvc_ = nullptr;
};

struct GraphCloser {
  void operator()(Agraph_t* g) const { agclose(g); }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

/// Frees a layout when it goes out of scope.
class Layout {
 public:
  Layout(GVC_t* gvc, Agraph_t* g, const char* engine) : gvc_(gvc), g_(g) {
    ok_ = gvLayout(gvc, g, engine) == 0;
  }
  ~Layout() {
    if (ok_) gvFreeLayout(gvc_, g_);
  }
  Layout(const Layout&) = delete;
  Layout& operator=(const Layout&) = delete;
  bool ok() const { return ok_; }

 private:
  GVC_t* gvc_;
  Agraph_t* g_;
  bool ok_ = false;
};

char* chars(const std::string& s) { return const_cast<char*>(s.c_str()); }

void set(void* object, const char* name, const std::string& value) {
  agsafeset(object, const_cast<char*>(name), chars(value), const_cast<char*>(""));
}

void set_html(void* object, const char* name, const std::string& html) {
  Agraph_t* root = agroot(object);
  Agsym_t* sym = agattr(root, agobjkind(object), const_cast<char*>(name), nullptr);
  if (sym == nullptr) sym = agattr(root, agobjkind(object), const_cast<char*>(name), chars(""));
  char* value = agstrdup_html(root, chars(html));
  agxset(object, sym, value);
  agstrfree(root, value);
}

// ---------------------------------------------------------------------------
// What the diagram says, before Graphviz sees it.

/// Affiliation colours: affiliations ranked by how many events of the whole
/// file name them, so that every selection of one file uses the same
/// colours. The seven most frequent get palette colours; the rest, and
/// events without actors, are "other" (the palette's grey).
class ColourKey {
 public:
  ColourKey(const EventGraph& graph, Theme theme) : theme_(theme) {
    std::map<std::string, int> counts;
    for (const Event& event : graph.events()) {
      for (const std::string& a : affiliations(graph, event)) ++counts[a];
    }
    std::vector<std::pair<int, std::string>> ranked;
    for (const auto& [name, count] : counts) ranked.emplace_back(-count, name);
    std::sort(ranked.begin(), ranked.end());
    const auto palette = category_colours(theme);
    static constexpr std::size_t kOrder[] = {0, 1, 2, 3, 4, 5, 7};
    for (std::size_t i = 0; i < ranked.size(); ++i) {
      const std::string_view colour =
          i < std::size(kOrder) ? palette[kOrder[i] % palette.size()] : other();
      colours_.emplace(ranked[i].second, Colour{i, std::string(colour)});
    }
  }

  /// The distinct affiliations of an event's actors, in key order.
  std::vector<std::string> affiliations(const EventGraph& graph, const Event& event) const {
    std::set<std::string> found;
    for (const std::string& id : event.actors) {
      const Actor* actor = graph.find_actor(id);
      if (actor && !actor->affiliation.empty()) found.insert(actor->affiliation);
    }
    std::vector<std::string> out(found.begin(), found.end());
    if (!colours_.empty()) {
      std::sort(out.begin(), out.end(), [&](const std::string& a, const std::string& b) {
        return colours_.at(a).rank < colours_.at(b).rank;
      });
    }
    return out;
  }

  std::string colour(const std::string& affiliation) const {
    auto it = colours_.find(affiliation);
    return it == colours_.end() ? std::string(other()) : it->second.hex;
  }
  std::string tint(const std::string& colour) const {
    const ThemeColours base = theme_colours(theme_);
    return mix_colour(colour, base.background, theme_ == Theme::light ? 0.8 : 0.7);
  }
  bool has_colour(const std::string& affiliation) const {
    auto it = colours_.find(affiliation);
    return it != colours_.end() && it->second.rank < 7;
  }
  std::string_view other() const { return category_colours(theme_)[6]; }

 private:
  struct Colour {
    std::size_t rank;
    std::string hex;
  };
  Theme theme_;
  std::map<std::string, Colour> colours_;
};

/// Date buckets for the `dot` layout: each is one rank (a column when time
/// runs left to right), labelled with its month, year or decade.
struct Bucket {
  std::string label;
  std::vector<EventIndex> events;
  Agnode_t* anchor = nullptr;  ///< ranks between this bucket and the next
};

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
    const date::year_month_day ymd{graph.event(e).date.known_first()};
    const long y = static_cast<int>(ymd.year());
    const unsigned m = static_cast<unsigned>(ymd.month());
    long key = unit == month ? y * 12 + m - 1 : unit == year ? y : (y < 0 ? (y - 9) / 10 : y / 10);
    Bucket& bucket = by_key[key];
    if (bucket.label.empty()) {
      bucket.label = unit == month  ? std::string(kMonths[m - 1]) + " " + std::to_string(y)
                     : unit == year ? std::to_string(y)
                                    : std::to_string(key * 10) + "s";
    }
    bucket.events.push_back(e);
  }
  for (auto& [key, bucket] : by_key) buckets.push_back(std::move(bucket));
  return buckets;
}

std::string node_label(const Event& event, const ThemeColours& colours) {
  std::string html;
  for (const std::string& line : detail::wrap_words(event.title, kWrapWidth)) {
    html += html_label_text(line) + "<br/>";
  }
  html += "<font point-size=\"8.5\" color=\"" + std::string(colours.muted_text) + "\">" +
          html_label_text(event.date.text()) + "</font>";
  return html;
}

std::string source_text(const Source& source) {
  std::string text = source.title.empty() ? source.id : source.title;
  if (!source.publisher.empty()) text += ", " + source.publisher;
  if (source.date) text += ", " + source.date->text();
  return text;
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

std::string actor_names(const EventGraph& graph, const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    const Actor* actor = graph.find_actor(id);
    out += (out.empty() ? "" : ", ") + (actor && !actor->name.empty() ? actor->name : id);
  }
  return out;
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

/// The title block and legend, an HTML-like table placed as the graph's
/// label so that it never disturbs the layout.
std::string legend_html(const std::string& title, const std::string& subtitle,
                        const std::vector<std::string>& affiliations, bool several, bool other,
                        const ColourKey& key, const GraphOptions& options) {
  const ThemeColours colours = theme_colours(options.theme);
  const std::string muted(colours.muted_text);
  std::string html = "<table border=\"0\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"2\">";
  html += "<tr><td align=\"left\"><font point-size=\"18\">" + html_label_text(title) +
          "</font></td></tr>";
  html += "<tr><td align=\"left\"><font point-size=\"10\" color=\"" + muted + "\">" +
          html_label_text(subtitle) + "</font></td></tr>";
  if (!options.legend) return html + "</table>";

  auto sample = [&](std::string_view colour, std::string_view style, int width, bool arrow,
                    std::string_view label) {
    std::string cell = "<td width=\"34\" height=\"9\" fixedsize=\"true\" sides=\"b\" border=\"" +
                       std::to_string(width) + "\" style=\"" + std::string(style) +
                       "\" color=\"" + std::string(colour) + "\"></td>";
    cell += "<td width=\"12\" height=\"12\" fixedsize=\"true\">" +
            (arrow ? "<font point-size=\"7\" color=\"" + std::string(colour) + "\">&#9654;</font>"
                   : std::string()) +
            "</td>";
    return cell + "<td align=\"left\"><font point-size=\"10\">" + html_label_text(label) +
           "</font></td><td width=\"14\"></td>";
  };
  html += "<tr><td align=\"left\"><table border=\"0\" cellborder=\"0\" cellspacing=\"0\" "
          "cellpadding=\"1\"><tr>";
  for (RelationKind kind : kAllRelationKinds) {
    const RelationStyle style = relation_style(kind, options.theme);
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
    return cell + "</tr></table></td><td align=\"left\"><font point-size=\"10\">" +
           html_label_text(label) + "</font></td><td width=\"10\"></td>";
  };
  html += "<tr><td align=\"left\"><table border=\"0\" cellborder=\"0\" cellspacing=\"0\" "
          "cellpadding=\"1\"><tr><td><font point-size=\"10\" color=\"" + muted +
          "\">actors:</font></td>";
  for (const std::string& a : affiliations) {
    html += swatch({key.tint(key.colour(a))}, key.colour(a), a);
  }
  if (other) html += swatch({key.tint(std::string(key.other()))}, key.other(), "other or none");
  if (several && affiliations.size() >= 2) {
    html += swatch({key.tint(key.colour(affiliations[0])), key.tint(key.colour(affiliations[1]))},
                   muted, "striped: several");
  }
  html += "</tr></table></td></tr></table>";
  return html;
}

}  // namespace

namespace {

/// Everything one render needs, gathered once.
struct Job {
  const EventGraph& graph;
  const GraphOptions& options;
  std::vector<EventIndex> events;        ///< sorted, unique
  std::vector<RelationIndex> relations;  ///< both ends selected, in relation order
  DiagramLayout layout = DiagramLayout::dot;
  ThemeColours colours;
  bool svg = false;
};

std::string join_days(date::sys_days day) { return format_day(day).substr(0, 4); }

/// Adds one box per event, styled by affiliation. Returns the nodes in the
/// order of job.events.
std::vector<Agnode_t*> add_events(Agraph_t* g, const Job& job, const ColourKey& key) {
  std::vector<Agnode_t*> nodes;
  for (EventIndex index : job.events) {
    const Event& event = job.graph.event(index);
    Agnode_t* n = agnode(g, chars(event.id), 1);
    nodes.push_back(n);
    set_html(n, "label", node_label(event, job.colours));
    set(n, "tooltip", node_tooltip(job.graph, event, job.svg));
    set(n, "id", "event-" + event.id);
    set(n, "class", "event");
    if (auto url = first_url(job.graph, event.sources, job.svg)) set(n, "URL", *url);
    const std::vector<std::string> affiliations = key.affiliations(job.graph, event);
    if (affiliations.size() >= 2) {
      std::string fills;
      for (std::size_t i = 0; i < affiliations.size() && i < 2; ++i) {
        fills += (i ? ":" : "") + key.tint(key.colour(affiliations[i]));
      }
      set(n, "fillcolor", fills);
      set(n, "gradientangle", "90");
      set(n, "color", std::string(job.colours.muted_text));
    } else {
      const std::string colour =
          affiliations.empty() ? std::string(key.other()) : key.colour(affiliations.front());
      set(n, "fillcolor", key.tint(colour));
      set(n, "color", colour);
    }
  }
  return nodes;
}

void add_relations(Agraph_t* g, const Job& job, const std::map<EventIndex, Agnode_t*>& nodes) {
  std::set<std::string> ids;
  for (RelationIndex index : job.relations) {
    const Relation& r = job.graph.relation(index);
    const Endpoints ends = job.graph.endpoints(index);
    const RelationStyle style = relation_style(r.kind, job.options.theme);
    // `dot` routes an edge that points back in time as a loop around the
    // ranks between; such edges are added forwards and drawn with dir=back,
    // which looks the same and routes straight.
    const bool backwards = job.layout == DiagramLayout::dot &&
                           job.graph.event(ends.to).date.known_first() <
                               job.graph.event(ends.from).date.known_first();
    Agedge_t* e = backwards ? agedge(g, nodes.at(ends.to), nodes.at(ends.from), nullptr, 1)
                            : agedge(g, nodes.at(ends.from), nodes.at(ends.to), nullptr, 1);
    if (backwards) set(e, "dir", style.arrow ? "back" : "none");
    std::string line(style.graphviz_style);
    if (r.disputed()) line = r.kind == RelationKind::contradicts ? "dotted,bold" : "dotted";
    set(e, "style", line);
    set(e, "color", std::string(style.colour));
    if (!style.arrow) set(e, "dir", "none");
    // Only `causes` orders the ranks: `references` point back in time and
    // would make cycles that cost `dot` minutes on large graphs.
    if (job.layout == DiagramLayout::dot && r.kind != RelationKind::causes) {
      set(e, "constraint", "false");
    }
    set(e, "tooltip", edge_tooltip(job.graph, r, job.options.theme, job.svg));
    if (auto url = first_url(job.graph, r.sources, job.svg)) set(e, "URL", *url);
    std::string id = "relation-" + r.from + "-" + std::string(style.name) + "-" + r.to;
    for (int n = 2; !ids.insert(id).second; ++n) id += "-" + std::to_string(n);
    set(e, "id", id);
    set(e, "class", "relation " + std::string(style.name) + (r.disputed() ? " disputed" : ""));
  }
}

/// A labelled stretch of the time axis, in layout coordinates along the
/// axis, and where the diagram lies across it.
struct AxisBands {
  std::vector<TimeBand> bands;
  std::vector<TimeBreak> breaks;
  bool along_x = true;       ///< time runs along x (else along y)
  double across_low = 0;     ///< the drawing's extent across the time axis
  double across_high = 0;
  bool labels_after = true;  ///< labels past across_high (else before across_low)
};

/// Draws the bands as a background (rectangles, alternately shaded) and
/// their labels as pinned plaintext nodes: Graphviz 2.43 crashes on text in
/// `_background`.
void add_axis(Agraph_t* g, const Job& job, const AxisBands& axis) {
  std::string background;
  const std::string shade(job.colours.lane_band);
  const double low = axis.across_low - 8, high = axis.across_high + 30;
  int count = 0;
  auto point = [&](double along, double across) {
    return axis.along_x ? format_number(along) + " " + format_number(across)
                        : format_number(across) + " " + format_number(along);
  };
  auto label = [&](double along, const std::string& text, const std::string& tooltip) {
    Agnode_t* n = agnode(g, chars("_axis_" + std::to_string(count++)), 1);
    set(n, "shape", "plaintext");
    set(n, "style", "");
    set_html(n, "label", html_label_text(text));
    set(n, "fontcolor", std::string(job.colours.muted_text));
    set(n, "fontsize", "12");
    set(n, "width", "0.2");  // as small as the text: plaintext nodes default to 0.75 x 0.5 in
    set(n, "height", "0.2");
    set(n, "margin", "0.02");
    if (!tooltip.empty()) set(n, "tooltip", tooltip);
    const double across = axis.labels_after ? axis.across_high + 18 : axis.across_low - 30;
    set(n, "pos", (axis.along_x ? format_number(along) + "," + format_number(across)
                                : format_number(across) + "," + format_number(along)) + "!");
  };
  for (std::size_t i = 0; i < axis.bands.size(); ++i) {
    const TimeBand& band = axis.bands[i];
    if (i % 2 == 0) {
      background += "C 7 -" + shade + " c 7 -" + shade + " P 4 " + point(band.from, low) + " " +
                    point(band.to, low) + " " + point(band.to, high) + " " +
                    point(band.from, high) + " ";
    }
    label((band.from + band.to) / 2, band.label, "");
  }
  for (const TimeBreak& gap : axis.breaks) {
    const int years = gap.days / 365;
    label(gap.x, "…",
          (years >= 2 ? std::to_string(years) + " years" : std::to_string(gap.days) + " days") +
              " without events, drawn shorter");
  }
  if (!background.empty()) set(g, "_background", background);
}

/// `dot`: every event of a date bucket ranks after every event of the
/// bucket before, through an invisible anchor between them, so buckets
/// follow each other in time; inside a bucket `causes` orders the ranks.
/// (Clusters would show the buckets too, but `dot` routes edges around
/// clusters in wide loops.)
std::vector<Bucket> add_buckets(Agraph_t* g, const Job& job,
                                const std::map<EventIndex, Agnode_t*>& nodes) {
  std::vector<Bucket> buckets = bucket_events(job.graph, job.events);
  for (std::size_t i = 0; i + 1 < buckets.size(); ++i) {
    Agnode_t* anchor = agnode(g, chars("_anchor_" + std::to_string(i)), 1);
    buckets[i].anchor = anchor;
    set(anchor, "style", "invis");
    set(anchor, "shape", "point");
    set(anchor, "width", "0.01");
    for (EventIndex e : buckets[i].events) {
      Agedge_t* before = agedge(g, nodes.at(e), anchor, nullptr, 1);
      set(before, "style", "invis");
      set(before, "weight", "0");
    }
    for (EventIndex e : buckets[i + 1].events) {
      Agedge_t* after = agedge(g, anchor, nodes.at(e), nullptr, 1);
      set(after, "style", "invis");
      set(after, "weight", "0");
      set(after, "minlen", "0");
    }
  }
  return buckets;
}

/// After the `dot` layout: each bucket's band runs between the midpoints
/// to its neighbours along the rank axis.
AxisBands bucket_bands(Agraph_t* g, const std::vector<Bucket>& buckets,
                       const std::map<EventIndex, Agnode_t*>& nodes, RankDirection direction) {
  AxisBands axis;
  axis.along_x = direction == RankDirection::left_right || direction == RankDirection::right_left;
  axis.labels_after = axis.along_x;
  const boxf bb = GD_bb(g);
  axis.across_low = axis.along_x ? bb.LL.y : bb.LL.x;
  axis.across_high = axis.along_x ? bb.LL.y : bb.LL.x;
  std::vector<std::pair<double, double>> extents;
  for (const Bucket& bucket : buckets) {
    double lo = 1e300, hi = -1e300;
    for (EventIndex e : bucket.events) {
      Agnode_t* n = nodes.at(e);
      const double along = axis.along_x ? ND_coord(n).x : ND_coord(n).y;
      const double half = (axis.along_x ? ND_width(n) : ND_height(n)) * 36;
      const double across = axis.along_x ? ND_coord(n).y : ND_coord(n).x;
      const double half_across = (axis.along_x ? ND_height(n) : ND_width(n)) * 36;
      lo = std::min(lo, along - half);
      hi = std::max(hi, along + half);
      axis.across_high = std::max(axis.across_high, across + half_across);
      axis.across_low = std::min(axis.across_low, across - half_across);
    }
    extents.emplace_back(std::min(lo, hi), std::max(lo, hi));
  }
  std::sort(extents.begin(), extents.end());  // RL and BT run backwards
  const bool reversed =
      direction == RankDirection::right_left || direction == RankDirection::bottom_top;
  for (std::size_t i = 0; i < extents.size(); ++i) {
    const double from = i == 0 ? extents[i].first - 10 : (extents[i - 1].second + extents[i].first) / 2;
    const double to = i + 1 == extents.size() ? extents[i].second + 10
                                              : (extents[i].second + extents[i + 1].first) / 2;
    const std::size_t bucket = reversed ? extents.size() - 1 - i : i;
    axis.bands.push_back({from, to, buckets[bucket].label});
  }
  return axis;
}

/// `time`: measures the boxes with a layout that only sizes nodes, then
/// pins each at its place on the time axis.
std::optional<AxisBands> place_by_time(Agraph_t* g, GVC_t* gvc, const Job& job,
                                       const std::vector<Agnode_t*>& nodes) {
  std::vector<TimeBox> boxes(nodes.size());
  for (Agnode_t* n : nodes) set(n, "pos", "0,0!");
  {
    Layout sizing(gvc, g, "nop");
    if (!sizing.ok()) return std::nullopt;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
      boxes[i].width = ND_width(nodes[i]) * 72;
      boxes[i].height = ND_height(nodes[i]) * 72;
    }
  }
  std::map<EventIndex, std::size_t> position;
  for (std::size_t i = 0; i < job.events.size(); ++i) position[job.events[i]] = i;
  for (std::size_t i = 0; i < job.events.size(); ++i) {
    boxes[i].day = job.graph.event(job.events[i]).date.known_first();
    for (const Step& step : job.graph.incoming(job.events[i], RelationKinds(RelationKind::causes))) {
      if (auto it = position.find(step.event); it != position.end()) {
        boxes[i].follows.push_back(it->second);
      }
    }
  }
  const TimePlacement placed = place_on_time_axis(boxes);
  const double top = placed.height;  // Graphviz's y grows upwards
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    set(nodes[i], "pos", format_number(placed.x[i]) + "," + format_number(top - placed.y[i]) + "!");
  }
  return AxisBands{placed.bands, placed.breaks, true, 0, top, true};
}

const char* engine_name(DiagramLayout layout) {
  switch (layout) {
    case DiagramLayout::neato: return "neato";
    case DiagramLayout::fdp: return "fdp";
    case DiagramLayout::sfdp: return "sfdp";
    default: return "nop2";  // neato -n2: keep positions (and splines), route the rest
  }
}

std::string subtitle(const Job& job) {
  std::string text = std::to_string(job.events.size()) +
                     (job.events.size() == 1 ? " event, " : " events, ") +
                     std::to_string(job.relations.size()) +
                     (job.relations.size() == 1 ? " relation" : " relations");
  if (!job.events.empty()) {
    date::sys_days first = job.graph.event(job.events.front()).date.known_first(), last = first;
    for (EventIndex e : job.events) last = std::max(last, job.graph.event(e).date.known_first());
    const std::string a = join_days(first), b = join_days(last);
    text += ", " + (a == b ? a : a + "–" + b);
  }
  switch (job.layout) {
    case DiagramLayout::dot:
      return text + ". Columns are date buckets; time runs left to right.";
    case DiagramLayout::time:
      return text + ". Time runs left to right; … marks a stretch without events, shortened.";
    default:
      return text + ". Placed by " + std::string(to_string(job.layout)) +
             ": positions do not show time.";
  }
}

/// Cairo 1.16 stamps PDFs with the time they were made; blanking the entry
/// (same length, so the cross-reference offsets stay right) keeps output
/// byte-identical between runs.
void blank_pdf_dates(std::string& pdf) {
  for (std::string_view key : {"/CreationDate (", "/ModDate ("}) {
    for (std::size_t at = pdf.find(key); at != std::string::npos; at = pdf.find(key, at)) {
      const std::size_t end = pdf.find(')', at);
      if (end == std::string::npos) break;
      std::fill(pdf.begin() + static_cast<std::ptrdiff_t>(at),
                pdf.begin() + static_cast<std::ptrdiff_t>(end) + 1, ' ');
    }
  }
}

}  // namespace

std::string_view to_string(DiagramFormat format) {
  switch (format) {
    case DiagramFormat::svg: return "svg";
    case DiagramFormat::png: return "png";
    case DiagramFormat::pdf: return "pdf";
    case DiagramFormat::dot: return "dot";
  }
  return "svg";
}

namespace {
std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
}  // namespace

std::optional<DiagramFormat> parse_diagram_format(std::string_view name) {
  const std::string n = lower(name);
  if (n == "gv") return DiagramFormat::dot;
  for (DiagramFormat f : {DiagramFormat::svg, DiagramFormat::png, DiagramFormat::pdf,
                          DiagramFormat::dot}) {
    if (n == to_string(f)) return f;
  }
  return std::nullopt;
}

std::optional<DiagramFormat> diagram_format_for_path(const std::filesystem::path& path) {
  const std::string extension = path.extension().string();
  if (extension.size() < 2) return std::nullopt;
  return parse_diagram_format(std::string_view(extension).substr(1));
}

std::string_view to_string(DiagramLayout layout) {
  switch (layout) {
    case DiagramLayout::automatic: return "automatic";
    case DiagramLayout::dot: return "dot";
    case DiagramLayout::neato: return "neato";
    case DiagramLayout::fdp: return "fdp";
    case DiagramLayout::sfdp: return "sfdp";
    case DiagramLayout::time: return "time";
  }
  return "automatic";
}

std::optional<DiagramLayout> parse_diagram_layout(std::string_view name) {
  const std::string n = lower(name);
  if (n == "auto") return DiagramLayout::automatic;
  for (DiagramLayout l : {DiagramLayout::automatic, DiagramLayout::dot, DiagramLayout::neato,
                          DiagramLayout::fdp, DiagramLayout::sfdp, DiagramLayout::time}) {
    if (n == to_string(l)) return l;
  }
  return std::nullopt;
}

std::string_view to_string(RankDirection direction) {
  switch (direction) {
    case RankDirection::left_right: return "LR";
    case RankDirection::top_bottom: return "TB";
    case RankDirection::right_left: return "RL";
    case RankDirection::bottom_top: return "BT";
  }
  return "LR";
}

std::optional<RankDirection> parse_rank_direction(std::string_view name) {
  const std::string n = lower(name);
  for (RankDirection d : {RankDirection::left_right, RankDirection::top_bottom,
                          RankDirection::right_left, RankDirection::bottom_top}) {
    if (n == lower(to_string(d))) return d;
  }
  return std::nullopt;
}

DiagramResult render_diagram(const EventGraph& graph, std::span<const EventIndex> selection,
                             const GraphOptions& options) {
  DiagramResult result;
  Job job{graph, options, {}, {}, DiagramLayout::dot, theme_colours(options.theme),
          options.format == DiagramFormat::svg};
  for (EventIndex e : selection) {
    if (e < graph.events().size()) job.events.push_back(e);
  }
  std::sort(job.events.begin(), job.events.end());
  job.events.erase(std::unique(job.events.begin(), job.events.end()), job.events.end());
  std::vector<bool> selected(graph.events().size(), false);
  for (EventIndex e : job.events) selected[e] = true;
  for (RelationIndex r = 0; r < graph.relations().size(); ++r) {
    const Endpoints ends = graph.endpoints(r);
    if (selected[ends.from] && selected[ends.to] && options.kinds.contains(graph.relation(r).kind)) {
      job.relations.push_back(r);
    }
  }

  const std::string count = std::to_string(job.events.size()) + " events";
  const std::string limit = std::to_string(options.time_layout_above);
  if (options.layout != DiagramLayout::automatic) {
    job.layout = options.layout;
    result.note = "layout: " + std::string(to_string(job.layout)) + " (as asked";
    if (job.layout == DiagramLayout::dot && job.events.size() > options.time_layout_above) {
      result.note += "; dot may take minutes on " + count + ", --layout time takes seconds";
    }
    result.note += ")";
  } else if (job.events.size() > options.time_layout_above) {
    job.layout = DiagramLayout::time;
    result.note = "layout: time (" + count + ", more than " + limit +
                  ": dot would be slow, so events are placed by date and Graphviz routes the "
                  "edges; --layout dot to override)";
  } else {
    job.layout = DiagramLayout::dot;
    result.note = "layout: dot (" + count + ", at most " + limit +
                  "; larger selections use --layout time)";
  }
  result.layout = job.layout;

  GraphvizSession session;
  GraphPtr owner(agopen(chars("eventgraph"), Agdirected, nullptr));
  Agraph_t* g = owner.get();
  const ColourKey key(graph, options.theme);
  set(g, "fontname", kFont);
  set(g, "fontcolor", std::string(job.colours.text));
  set(g, "bgcolor", std::string(job.colours.background));
  set(g, "pad", "0.3");
  set(g, "labelloc", "t");
  set(g, "labeljust", "l");
  set(g, "outputorder", "edgesfirst");
  if (job.layout == DiagramLayout::dot) {
    set(g, "rankdir", std::string(to_string(options.rankdir)));
    set(g, "newrank", "true");
    set(g, "nodesep", "0.18");
    set(g, "ranksep", "0.5");
  } else if (job.layout == DiagramLayout::time) {
    set(g, "splines", "true");
  } else {
    set(g, "overlap", "false");
    set(g, "splines", "true");
    set(g, "sep", "+8");
  }
  agattr(g, AGNODE, chars("shape"), chars("box"));
  agattr(g, AGNODE, chars("style"), chars("filled"));
  agattr(g, AGNODE, chars("fontname"), chars(kFont));
  agattr(g, AGNODE, chars("fontsize"), chars("10"));
  agattr(g, AGNODE, chars("fontcolor"), chars(std::string(job.colours.text)));
  agattr(g, AGNODE, chars("margin"), chars("0.1,0.05"));
  agattr(g, AGNODE, chars("penwidth"), chars("1.2"));
  agattr(g, AGEDGE, chars("arrowsize"), chars("0.7"));
  agattr(g, AGEDGE, chars("penwidth"), chars("1.1"));

  const std::vector<Agnode_t*> nodes = add_events(g, job, key);
  std::map<EventIndex, Agnode_t*> by_index;
  for (std::size_t i = 0; i < nodes.size(); ++i) by_index[job.events[i]] = nodes[i];
  bool ok = true;
  std::vector<Bucket> buckets;
  std::optional<AxisBands> axis;
  if (job.layout == DiagramLayout::dot) buckets = add_buckets(g, job, by_index);
  if (job.layout == DiagramLayout::time) {
    axis = place_by_time(g, session.gvc(), job, nodes);
    ok = axis.has_value();
  }
  add_relations(g, job, by_index);
  if (job.layout == DiagramLayout::dot) {
    // Lay out with dot, keep its positions and splines as attributes, then
    // add the date bands around them; the final pass (neato -n2) only
    // renders what is pinned.
    {
      Layout ranks(session.gvc(), g, "dot");
      ok = ranks.ok();
      if (ok) {
        axis = bucket_bands(g, buckets, by_index, options.rankdir);
        attach_attrs(g);
      }
    }
    set(g, "bb", "");  // let the final pass size the drawing and place the title
    set(g, "lp", "");
    for (const Bucket& bucket : buckets) {
      if (bucket.anchor) agdelnode(g, bucket.anchor);  // its invisible edges go too
    }
  }
  if (ok && axis) add_axis(g, job, *axis);

  std::vector<std::string> shown;
  bool several = false, other = false;
  for (EventIndex e : job.events) {
    const auto affiliations = key.affiliations(graph, graph.event(e));
    several = several || affiliations.size() >= 2;
    other = other || affiliations.empty();
    for (const std::string& a : affiliations) {
      if (!key.has_colour(a)) other = true;
      else if (std::find(shown.begin(), shown.end(), a) == shown.end()) shown.push_back(a);
    }
  }
  std::sort(shown.begin(), shown.end(), [&](const std::string& a, const std::string& b) {
    return key.affiliations(graph, graph.event(job.events.front())).empty() ? a < b : a < b;
  });
  set_html(g, "label",
           legend_html(options.title.empty() ? graph.title() : options.title, subtitle(job),
                       shown, several, other, key, options));

  if (ok) {
    Layout layout(session.gvc(), g, engine_name(job.layout));
    char* data = nullptr;
    unsigned int length = 0;
    if (layout.ok() && gvRenderData(session.gvc(), g, std::string(to_string(options.format)).c_str(),
                                    &data, &length) == 0 && data != nullptr) {
      result.bytes.assign(data, length);
    }
    if (data != nullptr) gvFreeRenderData(data);
  }
  session.take_messages(graph.file(), result.diagnostics);
  if (result.bytes.empty()) {
    result.diagnostics.push_back({graph.file(), {}, Severity::error,
                                  "graphviz: could not lay out or render the diagram as " +
                                      std::string(to_string(options.format)),
                                  ""});
  }
  if (options.format == DiagramFormat::pdf) blank_pdf_dates(result.bytes);
  return result;
}

}  // namespace eventgraph

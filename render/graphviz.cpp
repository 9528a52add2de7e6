#include "render/graphviz.h"

#include "render/date_words.h"
#include "render/detail/graphviz_session.h"
#include "render/diagram_content.h"
#include "render/graphviz_text.h"
#include "render/raster.h"
#include "render/time_positions.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <algorithm>
#include <map>
#include <memory>
#include <regex>
#include <set>

namespace eventgraph {

namespace {

using detail::Bucket;
using detail::chars;
using detail::ColourKey;
using detail::format_number;
using detail::GraphPtr;
using detail::GraphvizSession;
using detail::html_label_text;
using detail::Layout;
using detail::set;
using detail::set_html;

constexpr const char* kFont = "Helvetica";
/// Up to this many events, edges that Graphviz routes itself go around the
/// boxes (splines=true); above, straight lines under the boxes: routing
/// around takes seconds at 100 events and minutes at 200.
constexpr std::size_t kRoutedUpTo = 45;

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

/// Adds one box per event, styled by affiliation. Returns the nodes in the
/// order of job.events.
std::vector<Agnode_t*> add_events(Agraph_t* g, const Job& job, const ColourKey& key) {
  std::vector<Agnode_t*> nodes;
  for (EventIndex index : job.events) {
    const Event& event = job.graph.event(index);
    Agnode_t* n = agnode(g, chars(event.id), 1);
    nodes.push_back(n);
    set_html(n, "label", detail::node_label(event, job.colours));
    set(n, "tooltip", detail::node_tooltip(job.graph, event, job.svg));
    set(n, "id", "event-" + event.id);
    set(n, "class", "event");
    if (auto url = detail::first_url(job.graph, event.sources, job.svg)) set(n, "URL", *url);
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
          affiliations.empty() ? key.other() : key.colour(affiliations.front());
      set(n, "fillcolor", key.tint(colour));
      set(n, "color", colour);
    }
  }
  return nodes;
}

/// Which relations add_relations adds.
enum class Which { all, causes, others };

/// Adds one edge per relation (of `which` kinds).
void add_relations(Agraph_t* g, const Job& job, const std::map<EventIndex, Agnode_t*>& nodes,
                   Which which) {
  std::set<std::string> ids;
  for (RelationIndex index : job.relations) {
    const Relation& r = job.graph.relation(index);
    const bool causes = r.kind == RelationKind::causes;
    if ((which == Which::causes && !causes) || (which == Which::others && causes)) continue;
    const Endpoints ends = job.graph.endpoints(index);
    const RelationStyle style = relation_style(r.kind, job.options.theme);
    // `dot` draws an edge that points back in time as a loop; such an edge
    // is added forwards and drawn with dir=back, which looks the same.
    const bool backwards =
        job.layout == DiagramLayout::dot && causes &&
        job.graph.event(ends.to).date.known_first() < job.graph.event(ends.from).date.known_first();
    Agedge_t* e = backwards ? agedge(g, nodes.at(ends.to), nodes.at(ends.from), nullptr, 1)
                            : agedge(g, nodes.at(ends.from), nodes.at(ends.to), nullptr, 1);
    if (backwards) set(e, "dir", "back");
    std::string line(style.graphviz_style);
    if (r.disputed()) line = r.kind == RelationKind::contradicts ? "dotted,bold" : "dotted";
    set(e, "style", line);
    set(e, "color", std::string(style.colour));
    if (!style.arrow) set(e, "dir", "none");
    set(e, "tooltip", detail::edge_tooltip(job.graph, r, job.options.theme, job.svg));
    if (auto url = detail::first_url(job.graph, r.sources, job.svg)) set(e, "URL", *url);
    const std::string base = "relation-" + r.from + "-" + std::string(style.name) + "-" + r.to;
    std::string id = base;
    for (int n = 2; !ids.insert(id).second; ++n) id = base + "-" + std::to_string(n);
    set(e, "id", id);
    set(e, "class", "relation " + std::string(style.name) + (r.disputed() ? " disputed" : ""));
  }
}

/// A labelled stretch of the time axis, in layout coordinates along the
/// axis, and where the diagram lies across it.
struct AxisBands {
  std::vector<TimeBand> bands;
  std::vector<TimeBreak> breaks;
  bool along_x = true;    ///< time runs along x (else along y)
  double across_low = 0;  ///< the drawing's extent across the time axis
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
  // Break marks get a row of their own above the band labels, so the two
  // never touch (Graphviz then falls back to straight edges).
  auto label = [&](double along, double shift, const std::string& text,
                   const std::string& tooltip) {
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
    const double across =
        axis.labels_after ? axis.across_high + 18 + shift : axis.across_low - 30 - shift;
    set(n, "pos",
        (axis.along_x ? format_number(along) + "," + format_number(across)
                      : format_number(across) + "," + format_number(along)) +
            "!");
  };
  for (std::size_t i = 0; i < axis.bands.size(); ++i) {
    const TimeBand& band = axis.bands[i];
    if (i % 2 == 0) {
      background += "C 7 -" + shade + " c 7 -" + shade + " P 4 " + point(band.from, low) + " " +
                    point(band.to, low) + " " + point(band.to, high) + " " +
                    point(band.from, high) + " ";
    }
    label((band.from + band.to) / 2, 0, band.label, "");
  }
  for (const TimeBreak& gap : axis.breaks) {
    label(gap.x, 16, "…", span_label(gap.span) + " without events, drawn shorter");
  }
  if (!background.empty()) set(g, "_background", background);
}

/// `dot`: every event of a date bucket ranks after every event of the
/// bucket before, through an invisible anchor between them, so buckets
/// follow each other in time; inside a bucket `causes` orders the ranks.
/// (Clusters would show the buckets too, but `dot` routes edges around
/// clusters in wide loops.)
std::vector<Agnode_t*> add_anchors(Agraph_t* g, const std::vector<Bucket>& buckets,
                                   const std::map<EventIndex, Agnode_t*>& nodes) {
  std::vector<Agnode_t*> anchors;
  for (std::size_t i = 0; i + 1 < buckets.size(); ++i) {
    Agnode_t* anchor = agnode(g, chars("_anchor_" + std::to_string(i)), 1);
    anchors.push_back(anchor);
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
  return anchors;
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
  // Sorted by coordinate, the extents run backwards for RL, and for TB,
  // because Graphviz's y grows upwards: the first bucket is at the top.
  std::sort(extents.begin(), extents.end());
  const bool reversed =
      direction == RankDirection::right_left || direction == RankDirection::top_bottom;
  for (std::size_t i = 0; i < extents.size(); ++i) {
    const double from =
        i == 0 ? extents[i].first - 10 : (extents[i - 1].second + extents[i].first) / 2;
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
    for (const Step& step :
         job.graph.incoming(job.events[i], RelationKinds(RelationKind::causes))) {
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
    case DiagramLayout::neato:
      return "neato";
    case DiagramLayout::fdp:
      return "fdp";
    case DiagramLayout::sfdp:
      return "sfdp";
    default:
      return "nop2";  // neato -n2: keep positions (and splines), route the rest
  }
}

/// Graphviz numbers SVG gradients (`l_0`, `r_0`) with a counter that runs
/// for the life of the process, so a second diagram would get other ids.
/// Renumbering them in order of appearance keeps output byte-identical. The
/// patterns are attribute syntax, which escaped data text cannot contain.
void renumber_gradients(std::string& svg) {
  static const std::regex kId(R"re((id="|="url\(#)([lr])_(\d+))re");
  std::map<std::string, std::string> numbers;
  std::string out;
  auto last = svg.cbegin();
  for (std::sregex_iterator it(svg.begin(), svg.end(), kId), end; it != end; ++it) {
    const std::smatch& m = *it;
    const std::string key = m[2].str() + m[3].str();
    auto [entry, added] = numbers.emplace(key, std::to_string(numbers.size()));
    out.append(last, m[0].first);
    out += m[1].str() + m[2].str() + "_" + entry->second;
    last = m[0].second;
  }
  out.append(last, svg.cend());
  svg = std::move(out);
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

DiagramResult render_diagram(const EventGraph& graph, std::span<const EventIndex> selection,
                             const GraphOptions& options) {
  DiagramResult result;
  Job job{graph,
          options,
          {},
          {},
          DiagramLayout::dot,
          theme_colours(options.theme),
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
    if (selected[ends.from] && selected[ends.to] &&
        options.kinds.contains(graph.relation(r).kind)) {
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
                  ": dot would be slow, so events are placed by date and Graphviz draws the "
                  "edges; --layout dot to override)";
  } else {
    job.layout = DiagramLayout::dot;
    result.note =
        "layout: dot (" + count + ", at most " + limit + "; larger selections use --layout time)";
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
    set(g, "splines", job.events.size() <= kRoutedUpTo ? "true" : "line");
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
  std::vector<Agnode_t*> anchors;
  std::optional<AxisBands> axis;
  if (job.layout == DiagramLayout::dot) {
    buckets = detail::bucket_events(graph, job.events);
    anchors = add_anchors(g, buckets, by_index);
  }
  if (job.layout == DiagramLayout::time) {
    axis = place_by_time(g, session.gvc(), job, nodes);
    ok = axis.has_value();
  }
  if (job.layout == DiagramLayout::dot) {
    // Only `causes` orders the ranks: `dot` lays out the events and the
    // causes between them, and its positions and splines are kept as
    // attributes. `references` and `contradicts` are added afterwards and
    // routed around the boxes by the final pass (neato -n2), which only
    // renders what is pinned: inside `dot` they would make cycles (minutes
    // on large graphs) or long loops around the crowded years.
    add_relations(g, job, by_index, Which::causes);
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
    for (Agnode_t* anchor : anchors) agdelnode(g, anchor);  // with its invisible edges
    set(g, "splines", job.events.size() <= kRoutedUpTo ? "true" : "line");
    add_relations(g, job, by_index, Which::others);
  } else {
    add_relations(g, job, by_index, Which::all);
  }
  if (ok && axis) add_axis(g, job, *axis);

  const detail::LegendContent legend =
      detail::legend_content(graph, job.events, job.relations.size(), job.layout, options.rankdir,
                             key, options.title.empty() ? graph.title() : options.title);
  set_html(g, "label", detail::legend_html(legend, key, options.theme, options.legend));

  if (ok) {
    Layout layout(session.gvc(), g, engine_name(job.layout));
    char* data = nullptr;
    unsigned int length = 0;
    if (layout.ok() && options.format == DiagramFormat::png) {
      // Graphviz's PNGs are 96 pixels per inch (72 points).
      const boxf box = GD_bb(g);
      const std::string too_large =
          png_size_error((box.UR.x - box.LL.x) * 96 / 72, (box.UR.y - box.LL.y) * 96 / 72);
      if (!too_large.empty()) {
        result.diagnostics.push_back({graph.file(), {}, Severity::error, too_large, ""});
        return result;
      }
    }
    if (layout.ok() &&
        gvRenderData(session.gvc(), g, std::string(to_string(options.format)).c_str(), &data,
                     &length) == 0 &&
        data != nullptr) {
      result.bytes.assign(data, length);
    }
    if (data != nullptr) gvFreeRenderData(data);
  }
  session.take_messages(graph.file(), result.diagnostics);
  if (result.bytes.empty()) {
    result.diagnostics.push_back({graph.file(),
                                  {},
                                  Severity::error,
                                  "graphviz: could not lay out or render the diagram as " +
                                      std::string(to_string(options.format)),
                                  ""});
  }
  if (options.format == DiagramFormat::pdf) blank_pdf_dates(result.bytes);
  if (options.format == DiagramFormat::svg) renumber_gradients(result.bytes);
  return result;
}

}  // namespace eventgraph

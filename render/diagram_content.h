// What a Graphviz diagram says, decided before Graphviz sees it: the
// affiliation colour key, the date buckets of the `dot` layout, the text of
// labels, tooltips and links, and the title block with its legend. Pure
// functions from the event graph to strings; render/graphviz.cpp puts them
// into cgraph attributes. Internal to the renderer.
#pragma once

#include "engine/event_graph.h"
#include "render/graphviz.h"
#include "render/style.h"

#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace eventgraph::detail {

/// Affiliation colours: affiliations ranked by how many events of the whole
/// file name them (then by name), so that every selection of one file uses
/// the same colours. The seven most frequent get palette colours in order,
/// skipping the palette's grey, which is "other": the rest, and events
/// without actors.
class ColourKey {
 public:
  ColourKey(const EventGraph& graph, Theme theme);

  /// The distinct affiliations of an event's actors, most frequent first.
  std::vector<std::string> affiliations(const EventGraph& graph, const Event& event) const;
  /// The line colour of an affiliation (`#rrggbb`); "other" when it has none.
  std::string colour(const std::string& affiliation) const;
  /// A light (dark theme: dark) tint of a colour, for fills behind text.
  std::string tint(const std::string& colour) const;
  /// True for the affiliations that have a colour of their own.
  bool has_colour(const std::string& affiliation) const;
  /// The colour of "other or none".
  std::string other() const;
  /// Orders affiliations as the key does.
  bool before(const std::string& a, const std::string& b) const;

 private:
  Theme theme_;
  std::map<std::string, std::size_t> rank_;
  std::vector<std::string> colours_;  ///< by rank
};

/// Events of one date bucket: one band (and the ranks inside it) in the
/// `dot` layout.
struct Bucket {
  std::string label;  ///< "2022", "Mar 2022" or "1990s"
  std::vector<EventIndex> events;
};

/// Buckets the events by their earliest day: by month when they span at
/// most two years, by year up to a century, by decade beyond. Only buckets
/// with events exist; they are in date order.
std::vector<Bucket> bucket_events(const EventGraph& graph, std::span<const EventIndex> events);

/// An HTML-like label: the title, wrapped, and the EDTF date in small type.
std::string node_label(const Event& event, const ThemeColours& colours);
/// Title, date, kind, place, summary, actors and sources, line by line.
std::string node_tooltip(const EventGraph& graph, const Event& event, bool svg);
/// "A — causes — B", the note, who claims and who disputes it, and sources.
std::string edge_tooltip(const EventGraph& graph, const Relation& relation, Theme theme, bool svg);
/// The url of the first listed source that has an http(s) one.
std::optional<std::string> first_url(const EventGraph& graph,
                                     const std::vector<std::string>& sources, bool svg);

/// The title block: what the diagram shows and how to read it.
struct LegendContent {
  std::string title;
  std::string subtitle;
  std::vector<std::string> affiliations;  ///< those with a colour, in key order
  bool several = false;                   ///< some event has several affiliations
  bool other = false;                     ///< some event shows "other or none"
};

/// Collects the legend for a selection: its size, years, and how to read
/// the layout, and which affiliation colours appear.
LegendContent legend_content(const EventGraph& graph, std::span<const EventIndex> events,
                             std::size_t relations, DiagramLayout layout, RankDirection direction,
                             const ColourKey& key, std::string title);

/// The title block as an HTML-like table, placed as the graph's label so
/// that it never disturbs the layout. Without `legend`, only the titles.
std::string legend_html(const LegendContent& content, const ColourKey& key, Theme theme,
                        bool legend);

}  // namespace eventgraph::detail

// Filters on events: a date window, actors, affiliation, kind, tag and a
// text match, combinable, applied to the whole graph or to any event set.
#pragma once

#include "engine/day.h"
#include "engine/event_graph.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph {

/// Which events a query keeps. Every criterion that is set must hold (they
/// combine with AND); an empty filter keeps every event.
///
/// Example:
///   EventFilter filter;
///   filter.from = parse_edtf("2022").date.earliest();  // from 2022-01-01
///   filter.tag = "istanbul";
///   std::vector<EventIndex> kept = select(graph, filter);
struct EventFilter {
  /// First day of the date window, inclusive; nullopt leaves it open.
  std::optional<Day> from;
  /// Last day of the date window, inclusive; nullopt leaves it open.
  std::optional<Day> to;
  /// False: keep events whose [earliest, latest] overlaps the window (an
  /// open or unknown end of the event's date may lie anywhere). True: keep
  /// only events that lie wholly inside it (an open or unknown end is not
  /// inside a window that is closed on that side).
  bool within = false;
  /// Actor ids; an event naming any of them is kept.
  std::vector<std::string> actors;
  /// An event with an actor of this affiliation is kept (ASCII case-insensitive).
  std::string affiliation;
  /// The event's kind (ASCII case-insensitive).
  std::string kind;
  /// One of the event's tags (exact).
  std::string tag;
  /// Text the title or summary contains, compared case-insensitively on
  /// Unicode letters (Latin, Greek, Cyrillic), never splitting a character.
  std::string match;

  /// True when the filter keeps every event.
  bool empty() const;
};

/// True when `event` passes `filter`. `graph` resolves actor affiliations.
bool matches(const EventGraph& graph, const Event& event, const EventFilter& filter);

/// The events of `graph` that pass `filter`, in chronological order.
std::vector<EventIndex> select(const EventGraph& graph, const EventFilter& filter);

/// The events of `events` that pass `filter`, in the order given.
std::vector<EventIndex> select(const EventGraph& graph, std::span<const EventIndex> events,
                               const EventFilter& filter);

/// A message for the first actor id in `filter` that `graph` does not
/// declare, with a "did you mean" suggestion, or nullopt when all exist.
std::optional<std::string> unknown_actor(const EventGraph& graph, const EventFilter& filter);

/// `text` folded for caseless comparison, as code points: letters of the
/// Latin, Greek and Cyrillic scripts to lower case, malformed bytes to
/// U+FFFD. Exposed for tests.
std::u32string fold_case(std::string_view text);

}  // namespace eventgraph

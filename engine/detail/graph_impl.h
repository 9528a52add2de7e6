// What EventGraph holds: the data, the relations as compact adjacency
// tables, and the id indexes. Included only by engine .cpp files.
#pragma once

#include "engine/event_graph.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace eventgraph::detail {

/// One end of a relation as seen from the other: the event there, the
/// relation, and its kind, side by side so a walk filters by kind without
/// looking anything else up.
struct Link {
  EventIndex event = 0;
  RelationIndex relation = 0;
  RelationKind kind = RelationKind::causes;
};

/// The relations of every event in compressed sparse row form, one table
/// per direction, each event's links in relation order. The query walks
/// (detail/walk.h) read this rather than a Boost adjacency_list: two
/// contiguous arrays per direction rather than a vector per vertex and an
/// edge property behind a list node, which halves the time of a walk over
/// most of a 100k-event graph (see engine/paths.cpp), and costs a warm run
/// 4 allocations rather than 700k. Boost's compressed_sparse_row_graph was
/// measured too: its in-edges reach the edge property through an index into
/// the forward table, one more cache miss per step. The one Boost.Graph
/// algorithm we use, strong_components, runs on an adjacency_list built for
/// it from these tables (engine/consistency.cpp).
class Adjacency {
 public:
  Adjacency() = default;
  /// Builds the tables from each relation's ends and kind.
  Adjacency(std::size_t events, std::span<const Endpoints> ends,
            std::span<const RelationKind> kinds);

  /// Links to the events `event` points at (it is the relations' `from`).
  std::span<const Link> out(EventIndex event) const { return out_.row(event); }
  /// Links to the events pointing at `event` (it is the relations' `to`).
  std::span<const Link> in(EventIndex event) const { return in_.row(event); }
  /// The same rows, `causes` links only. Most walks follow causes alone
  /// (the default of ancestors, descendants and path); their own tables
  /// spare such a walk reading the other half of the links (ancestors of
  /// the last of 100k events: 1.75 -> 1.25 ms; of one in the middle, 0.40 -> 0.08-0.15 ms).
  std::span<const Step> causes_out(EventIndex event) const { return causes_out_.row(event); }
  std::span<const Step> causes_in(EventIndex event) const { return causes_in_.row(event); }
  /// Whether every `causes` link goes from an earlier event (lower index) to
  /// a later one. Usually so, since a cause rarely postdates its effect; then
  /// event order is topological for causes, and a walk over most of the
  /// graph can sweep events in order instead (engine/traversal.cpp).
  bool causes_ascend() const { return causes_ascend_; }
  /// How many links past the start of any row of the causes tables may be
  /// read (the tables end in that many unused links to event 0), so that a
  /// sweep can read a row's first few links without branching on its length.
  static constexpr std::size_t kSweepSlack = 4;

  /// Hints that a row (or, with `start`, where it starts) is read soon. A
  /// breadth-first walk over most of a 100k-event graph waits on memory,
  /// not on arithmetic: asking a few vertices ahead of the queue cut it from
  /// 1.9 to 1.25 ms. A row's start is itself a cache miss, so walks ask for
  /// it further ahead.
  void prefetch(EventIndex event, bool outgoing, bool causes_only, bool start) const {
    if (causes_only) return (outgoing ? causes_out_ : causes_in_).prefetch(event, start);
    (outgoing ? out_ : in_).prefetch(event, start);
  }

 private:
  template <typename LinkType>
  struct Table {
    std::vector<std::uint32_t> start;  ///< events + 1 offsets into `links`
    std::vector<LinkType> links;
    std::span<const LinkType> row(EventIndex event) const {
      return {links.data() + start[event], links.data() + start[event + 1]};
    }
    void prefetch(EventIndex event, bool row_start) const {
      hint(row_start ? static_cast<const void*>(start.data() + event)
                     : static_cast<const void*>(links.data() + start[event]));
    }
  };
  static void hint([[maybe_unused]] const void* address) {
#if defined(__GNUC__)
    __builtin_prefetch(address);
#endif
  }
  Table<Link> out_, in_;
  Table<Step> causes_out_, causes_in_;  ///< no kind to store: 8 bytes a link, not 12
  bool causes_ascend_ = true;
};

/// Positions of items by their ids: an open-addressing table of positions,
/// the ids viewed where the items keep them. One allocation per table,
/// where std::unordered_map made one per id (100k on a warm run).
class IdIndex {
 public:
  IdIndex() = default;
  /// Indexes `items[i].id` as i; for a repeated id the first position wins.
  template <typename Item>
  explicit IdIndex(std::span<const Item> items) {
    ids_.reserve(items.size());
    for (const Item& item : items) ids_.push_back(item.id);
    build();
  }
  std::optional<std::uint32_t> find(std::string_view id) const;
  /// How many distinct ids the table holds.
  std::size_t distinct() const { return distinct_; }

 private:
  void build();
  /// The slot holding `id`, or the empty slot where it would go.
  std::size_t slot_of(std::string_view id) const;
  std::vector<std::string_view> ids_;  ///< by position
  std::vector<std::uint32_t> slots_;   ///< position + 1; 0 is empty
  std::size_t distinct_ = 0;
};

struct GraphImpl {
  Dataset data;                      ///< events chronological, actors and sources by id
  Adjacency adjacency;               ///< every relation, both ways, for walks
  std::vector<Endpoints> endpoints;  ///< per relation
  // Views into data's ids, which never move after construction.
  IdIndex event_by_id, actor_by_id, source_by_id;
};

}  // namespace eventgraph::detail

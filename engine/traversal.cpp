#include "engine/traversal.h"

#include "engine/detail/graph_impl.h"
#include "engine/detail/walk.h"

#include <algorithm>
#include <bit>
#include <iterator>

namespace eventgraph {

namespace {

using detail::causes_only;
using detail::Direction;

// Buffers reused from query to query: a query over most of a 100k-event
// graph allocates only its answer.
struct Workspace {
  std::vector<std::uint64_t> seen;      // one bit per event, in L1 for 100k events
  std::vector<std::uint32_t> distance;  // valid where `seen` is set
  // With its distance: the walk need not look each vertex's distance up
  // again, a cache miss per vertex on a 100k-event graph.
  std::vector<Reached> queue;
};

Workspace& workspace() {
  thread_local Workspace w;
  return w;
}

bool is_seen(const Workspace& ws, EventIndex v) { return (ws.seen[v / 64] >> (v % 64)) & 1u; }

// What detail::sweeps_run() reports.
thread_local std::uint64_t sweep_count = 0;

// Finishes a walk over `causes` alone from `seed` by reading every event on
// the walk's side of it once, in order away from it. When every cause
// precedes its effect (Adjacency::causes_ascend), that order settles each
// event's neighbours nearer the seed before the event itself, so an event is
// reached exactly when one of them is, at one step more than the nearest:
// distances are those of the breadth-first walk, whose marks so far stay.
// It reads the tables in order, where the walk jumps between rows, and it
// does not branch on the data: a branch on whether a neighbour was reached
// mispredicts about half the time, and a loop over a row mispredicts where
// it ends, so the first kSweepSlack links of every row are read whatever
// its length and masked. The latest of 100k events, half the graph its
// ancestors: 0.72-0.86 ms, against 1.19-1.61 ms for the walk alone.
// Returns how many events it reached.
std::size_t sweep(const detail::Adjacency& g, Direction direction, EventIndex seed, std::size_t n,
                  std::uint64_t* seen, std::uint32_t* distance,
                  std::optional<std::uint32_t> depth) {
  // An event is reached when best + 1 <= depth; without a depth, when best
  // is a distance at all (UINT32_MAX marks none).
  const std::uint32_t limit = depth ? *depth : UINT32_MAX;
  std::size_t count = 0;
  auto settle = [&](EventIndex u, std::span<const Step> row) {
    std::uint32_t best = UINT32_MAX;
    auto pull = [&](const Step& s, bool in_row) {
      const auto hit =
          static_cast<std::uint32_t>((seen[s.event / 64] >> (s.event % 64)) & 1u & in_row);
      best = std::min(best, distance[s.event] | (hit - 1));
    };
    constexpr std::size_t kSlack = detail::Adjacency::kSweepSlack;
    for (std::size_t i = 0; i < kSlack; ++i) pull(row.data()[i], i < row.size());
    for (std::size_t i = kSlack; i < row.size(); ++i) pull(row[i], true);
    const std::uint64_t old = (seen[u / 64] >> (u % 64)) & 1u;
    const std::uint64_t found = (best < limit) & ~old & 1u;
    seen[u / 64] |= found << (u % 64);
    const std::uint32_t keep = 0u - static_cast<std::uint32_t>(old);
    distance[u] = (distance[u] & keep) | ((best + 1) & ~keep);
    count += found;
  };
  if (direction == Direction::backward) {
    for (EventIndex u = seed; u-- > 0;) settle(u, g.causes_out(u));
  } else {
    for (EventIndex u = seed + 1; u < n; ++u) settle(u, g.causes_in(u));
  }
  return count;
}

// Breadth-first from the seeds, at most `depth` steps; returns what it
// reached (seeds included, at distance 0, unless one is `omit`) in
// chronological order. Event indices are chronological, so when the walk
// reached many events, reading the `seen` bits in order beats sorting.
std::vector<Reached> reach(const EventGraph& graph, std::span<const EventIndex> seeds,
                           Direction direction, RelationKinds via,
                           std::optional<std::uint32_t> depth,
                           std::optional<EventIndex> omit = std::nullopt) {
  Workspace& ws = workspace();
  const std::size_t n = graph.events().size();
  ws.seen.assign((n + 63) / 64, 0);
  if (ws.distance.size() < n) ws.distance.resize(n);
  if (ws.queue.size() < n) ws.queue.resize(n);  // each event enters once
  // Plain pointers: the compiler need not reload them after every store.
  std::uint64_t* const seen = ws.seen.data();
  std::uint32_t* const distance = ws.distance.data();
  Reached* const queue = ws.queue.data();
  std::size_t tail = 0;
  auto visit = [&](EventIndex v, std::uint32_t d) {
    const std::uint64_t bit = std::uint64_t{1} << (v % 64);
    if (seen[v / 64] & bit) return;
    seen[v / 64] |= bit;
    distance[v] = d;
    queue[tail++] = {v, d};
  };
  for (EventIndex seed : seeds) visit(seed, 0);
  const detail::Adjacency& g = graph.impl().adjacency;
  constexpr std::size_t kRowsAhead = 8, kStartsAhead = 2 * kRowsAhead;
  // A walk that will reach most of a large graph switches to a sweep (see
  // sweep()) once its frontier is a 24th of the events the sweep would read:
  // on the benchmark graphs any ratio from a 20th to a 28th switched for the
  // latest of 100k events (half the graph its ancestors) and not for one in
  // the middle (a sixth), where the walk is 3x faster. Below kSweepMinRange
  // events the walk's tables fit in cache and the walk wins outright (10k
  // events: 26 us against 82 us).
  constexpr std::size_t kSweepMinRange = 32768, kFrontierShare = 24;
  const std::size_t sweep_range = seeds.size() == 1 && causes_only(via) && g.causes_ascend()
                                      ? (direction == Direction::backward  ? seeds[0]
                                         : direction == Direction::forward ? n - 1 - seeds[0]
                                                                           : 0)
                                      : 0;
  bool swept = false;
  for (std::size_t head = 0; head < tail; ++head) {
    if (sweep_range >= kSweepMinRange && (tail - head) * kFrontierShare >= sweep_range) {
      tail += sweep(g, direction, seeds[0], n, seen, distance, depth);
      swept = true;
      ++sweep_count;
      break;
    }
    if (head + kStartsAhead < tail) {
      detail::prefetch(g, detail::Prefetch::row_starts, queue[head + kStartsAhead].event, direction,
                       via);
    }
    if (head + kRowsAhead < tail) {
      detail::prefetch(g, detail::Prefetch::rows, queue[head + kRowsAhead].event, direction, via);
    }
    // Not a structured binding: clang 14 (the fuzz build) cannot capture one.
    const EventIndex x = queue[head].event;
    const std::uint32_t d = queue[head].distance;
    if (depth && d >= *depth) continue;
    detail::for_each_step(g, x, direction, via,
                          [&](EventIndex next, RelationIndex) { visit(next, d + 1); });
  }

  std::vector<Reached> reached;
  reached.reserve(tail);
  if (swept || tail >= ws.seen.size()) {
    for (std::size_t w = 0; w < ws.seen.size(); ++w) {
      for (std::uint64_t bits = seen[w]; bits != 0; bits &= bits - 1) {
        const auto v =
            static_cast<EventIndex>(w * 64 + static_cast<unsigned>(std::countr_zero(bits)));
        if (v != omit) reached.push_back({v, distance[v]});
      }
    }
  } else {
    std::copy_if(queue, queue + tail, std::back_inserter(reached),
                 [&](const Reached& r) { return r.event != omit; });
    std::sort(reached.begin(), reached.end(),
              [](const Reached& a, const Reached& b) { return a.event < b.event; });
  }
  return reached;
}

}  // namespace

std::vector<Reached> ancestors(const EventGraph& graph, EventIndex event,
                               const TraversalOptions& options) {
  const EventIndex seeds[] = {event};
  return reach(graph, seeds, Direction::backward, options.via, options.depth, event);
}

std::vector<Reached> descendants(const EventGraph& graph, EventIndex event,
                                 const TraversalOptions& options) {
  const EventIndex seeds[] = {event};
  return reach(graph, seeds, Direction::forward, options.via, options.depth, event);
}

Neighbourhood neighbourhood(const EventGraph& graph, std::span<const EventIndex> seeds,
                            std::uint32_t depth, RelationKinds via) {
  Neighbourhood result;
  result.events = reach(graph, seeds, Direction::both, via, depth);
  // The seen bits still hold the reached set: keep the relations of the
  // chosen kinds whose two ends it contains.
  const Workspace& ws = workspace();
  for (const Reached& r : result.events) {
    for (const detail::Link& link : graph.impl().adjacency.out(r.event)) {
      if (via.contains(link.kind) && is_seen(ws, link.event)) {
        result.relations.push_back(link.relation);
      }
    }
  }
  std::sort(result.relations.begin(), result.relations.end());
  return result;
}

}  // namespace eventgraph

std::uint64_t eventgraph::detail::sweeps_run() noexcept { return sweep_count; }

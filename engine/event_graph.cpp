#include "engine/event_graph.h"

#include "engine/detail/graph_impl.h"

#include <algorithm>
#include <functional>
#include <numeric>
#include <string>
#include <tuple>
#include <type_traits>

namespace eventgraph {

namespace {

template <typename T, typename Less>
void sort_if_needed(std::vector<T>& items, Less less) {
  if (!std::is_sorted(items.begin(), items.end(), less))
    std::sort(items.begin(), items.end(), less);
}

void add_missing(std::vector<std::string>& to, const std::vector<std::string>& more) {
  for (const std::string& item : more) {
    if (std::find(to.begin(), to.end(), item) == to.end()) to.push_back(item);
  }
}

// A relation listed twice is one relation: the same item repeated, or a
// contradiction declared from both ends (A contradicts B, B contradicts A).
// The first in relation order stays, with the sources, claims, disputes and
// note of both; `check` warns about the repeat. Relations arrive sorted by
// (from, to, kind), so plain repeats are neighbours; contradictions are few
// and sorted on their own, keeping a snapshot's rebuild near linear.
void merge_repeats(std::vector<Relation>& relations, std::vector<Endpoints>& ends) {
  auto same = [&](std::size_t x, std::size_t y) {
    return ends[x].from == ends[y].from && ends[x].to == ends[y].to &&
           relations[x].kind == relations[y].kind;
  };
  using Key = std::tuple<EventIndex, EventIndex, RelationKind, std::size_t>;
  std::vector<Key> keys;
  for (std::size_t r = 0; r < relations.size(); ++r) {
    auto [a, b] = ends[r];
    const bool contradicts = relations[r].kind == RelationKind::contradicts;
    if (contradicts && b < a) std::swap(a, b);
    if (contradicts || (r > 0 && same(r - 1, r)) || (r + 1 < relations.size() && same(r, r + 1))) {
      keys.emplace_back(a, b, relations[r].kind, r);
    }
  }
  std::sort(keys.begin(), keys.end());
  std::vector<bool> dropped(relations.size(), false);
  bool any = false;
  for (std::size_t k = 0; k < keys.size();) {
    Relation& kept = relations[std::get<3>(keys[k])];
    std::size_t next = k + 1;
    for (; next < keys.size() && std::get<0>(keys[next]) == std::get<0>(keys[k]) &&
           std::get<1>(keys[next]) == std::get<1>(keys[k]) &&
           std::get<2>(keys[next]) == std::get<2>(keys[k]);
         ++next) {
      const std::size_t r = std::get<3>(keys[next]);
      const Relation& repeat = relations[r];
      add_missing(kept.sources, repeat.sources);
      add_missing(kept.claimed_by, repeat.claimed_by);
      add_missing(kept.disputed_by, repeat.disputed_by);
      if (kept.note.empty()) {
        kept.note = repeat.note;
      } else if (!repeat.note.empty() && repeat.note != kept.note) {
        kept.note += "; " + repeat.note;
      }
      dropped[r] = any = true;
    }
    k = next;
  }
  if (!any) return;
  std::size_t out = 0;
  for (std::size_t r = 0; r < relations.size(); ++r) {
    if (dropped[r]) continue;
    if (out != r) {
      relations[out] = std::move(relations[r]);
      ends[out] = ends[r];
    }
    ++out;
  }
  relations.resize(out);
  ends.resize(out);
}

// Whether `ends` gives each relation's ends as positions of the events it
// names, in the events' final order.
bool ends_fit(const Dataset& data, const std::vector<Endpoints>& ends) {
  if (ends.size() != data.relations.size()) return false;
  const std::size_t events = data.events.size();
  for (std::size_t r = 0; r < ends.size(); ++r) {
    const auto [from, to] = ends[r];
    if (from >= events || to >= events || data.events[from].id != data.relations[r].from ||
        data.events[to].id != data.relations[r].to) {
      return false;
    }
  }
  return true;
}

}  // namespace

namespace detail {

void IdIndex::build() {
  // At most half full, so probes stay short.
  std::size_t capacity = 16;
  while (capacity < 2 * ids_.size()) capacity *= 2;
  slots_.assign(capacity, 0);
  for (std::size_t i = 0; i < ids_.size(); ++i) {
    std::uint32_t& slot = slots_[slot_of(ids_[i])];
    if (slot != 0) continue;  // a repeated id: the first keeps it
    slot = static_cast<std::uint32_t>(i + 1);
    ++distinct_;
  }
}

std::size_t IdIndex::slot_of(std::string_view id) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = std::hash<std::string_view>{}(id)&mask;
  while (slots_[slot] != 0 && ids_[slots_[slot] - 1] != id) slot = (slot + 1) & mask;
  return slot;
}

std::optional<std::uint32_t> IdIndex::find(std::string_view id) const {
  if (slots_.empty()) return std::nullopt;
  const std::uint32_t slot = slots_[slot_of(id)];
  if (slot == 0) return std::nullopt;
  return slot - 1;
}

namespace {

// One direction's table of the relations `wanted` keeps; `side` picks the
// end a row belongs to, `other` the end its links lead to. Filling in
// relation order keeps each row in relation order.
template <typename LinkType, typename Wanted>
void fill_table(std::size_t events, std::span<const Endpoints> ends,
                std::span<const RelationKind> kinds, EventIndex Endpoints::*side,
                EventIndex Endpoints::*other, Wanted wanted, std::vector<std::uint32_t>& start,
                std::vector<LinkType>& links) {
  start.assign(events + 1, 0);
  for (std::size_t r = 0; r < ends.size(); ++r) {
    if (wanted(kinds[r])) ++start[ends[r].*side + 1];
  }
  for (std::size_t v = 0; v < events; ++v) start[v + 1] += start[v];
  // Step tables end in unused links (event 0) that a sweep may read past
  // the last row (Adjacency::kSweepSlack).
  links.resize(start[events] + (std::is_same_v<LinkType, Step> ? Adjacency::kSweepSlack : 0));
  std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
  for (std::size_t r = 0; r < ends.size(); ++r) {
    if (!wanted(kinds[r])) continue;
    const auto relation = static_cast<RelationIndex>(r);
    if constexpr (std::is_same_v<LinkType, Step>) {
      links[next[ends[r].*side]++] = {relation, ends[r].*other};
    } else {
      links[next[ends[r].*side]++] = {ends[r].*other, relation, kinds[r]};
    }
  }
}

}  // namespace

Adjacency::Adjacency(std::size_t events, std::span<const Endpoints> ends,
                     std::span<const RelationKind> kinds) {
  auto any = [](RelationKind) { return true; };
  auto causes = [](RelationKind kind) { return kind == RelationKind::causes; };
  fill_table(events, ends, kinds, &Endpoints::from, &Endpoints::to, any, out_.start, out_.links);
  fill_table(events, ends, kinds, &Endpoints::to, &Endpoints::from, any, in_.start, in_.links);
  fill_table(events, ends, kinds, &Endpoints::from, &Endpoints::to, causes, causes_out_.start,
             causes_out_.links);
  fill_table(events, ends, kinds, &Endpoints::to, &Endpoints::from, causes, causes_in_.start,
             causes_in_.links);
  for (std::size_t r = 0; r < ends.size(); ++r) {
    if (causes(kinds[r]) && ends[r].from >= ends[r].to) causes_ascend_ = false;
  }
}

}  // namespace detail

EventGraph::EventGraph(Dataset dataset) : EventGraph(std::move(dataset), {}) {}

EventGraph::EventGraph(Dataset dataset, std::vector<Endpoints> known_ends)
    : impl_(std::make_unique<detail::GraphImpl>()) {
  detail::GraphImpl& g = *impl_;
  g.data = std::move(dataset);
  // A snapshot holds the data already in order: checking is linear, sorting
  // (and moving every event) is not.
  sort_if_needed(g.data.events, chronological_less);
  auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
  sort_if_needed(g.data.actors, by_id);
  sort_if_needed(g.data.sources, by_id);
  g.event_by_id = detail::IdIndex(std::span<const Event>(g.data.events));
  g.actor_by_id = detail::IdIndex(std::span<const Actor>(g.data.actors));
  g.source_by_id = detail::IdIndex(std::span<const Source>(g.data.sources));

  // Resolve ends (unless the caller knows them and they fit), then order
  // relations by their ends' positions and kind so that relation indices
  // (and every output built on them) are stable.
  std::vector<Endpoints> ends = std::move(known_ends);
  if (!ends_fit(g.data, ends)) {
    ends.clear();
    ends.reserve(g.data.relations.size());
    for (const Relation& r : g.data.relations) {
      ends.push_back({*g.event_by_id.find(r.from), *g.event_by_id.find(r.to)});
    }
  }
  auto relation_less = [&](std::size_t a, std::size_t b) {
    return std::tuple(ends[a].from, ends[a].to, g.data.relations[a].kind) <
           std::tuple(ends[b].from, ends[b].to, g.data.relations[b].kind);
  };
  bool sorted = true;
  for (std::size_t r = 1; r < ends.size() && sorted; ++r) sorted = !relation_less(r, r - 1);
  if (sorted) {
    g.endpoints = std::move(ends);
  } else {
    std::vector<std::size_t> order(ends.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), relation_less);
    std::vector<Relation> relations;
    relations.reserve(order.size());
    g.endpoints.reserve(order.size());
    for (std::size_t i : order) {
      relations.push_back(std::move(g.data.relations[i]));
      g.endpoints.push_back(ends[i]);
    }
    g.data.relations = std::move(relations);
  }
  merge_repeats(g.data.relations, g.endpoints);

  std::vector<RelationKind> kinds;
  kinds.reserve(g.data.relations.size());
  for (const Relation& r : g.data.relations) kinds.push_back(r.kind);
  g.adjacency = detail::Adjacency(g.data.events.size(), g.endpoints, kinds);
}

EventGraph::~EventGraph() = default;
EventGraph::EventGraph(EventGraph&&) noexcept = default;
EventGraph& EventGraph::operator=(EventGraph&&) noexcept = default;

const std::string& EventGraph::title() const { return impl_->data.title; }
const std::string& EventGraph::file() const { return impl_->data.file; }
std::span<const Event> EventGraph::events() const { return impl_->data.events; }
std::span<const Actor> EventGraph::actors() const { return impl_->data.actors; }
std::span<const Source> EventGraph::sources() const { return impl_->data.sources; }
std::span<const Relation> EventGraph::relations() const { return impl_->data.relations; }
Endpoints EventGraph::endpoints(RelationIndex index) const { return impl_->endpoints[index]; }

std::optional<EventIndex> EventGraph::find_event(std::string_view id) const {
  return impl_->event_by_id.find(id);
}

const Actor* EventGraph::find_actor(std::string_view id) const {
  auto found = impl_->actor_by_id.find(id);
  return found ? &impl_->data.actors[*found] : nullptr;
}

const Source* EventGraph::find_source(std::string_view id) const {
  auto found = impl_->source_by_id.find(id);
  return found ? &impl_->data.sources[*found] : nullptr;
}

std::vector<Step> EventGraph::outgoing(EventIndex event, RelationKinds kinds) const {
  std::vector<Step> steps;
  for (const detail::Link& link : impl_->adjacency.out(event)) {
    if (kinds.contains(link.kind)) steps.push_back({link.relation, link.event});
  }
  return steps;
}

std::vector<Step> EventGraph::incoming(EventIndex event, RelationKinds kinds) const {
  std::vector<Step> steps;
  for (const detail::Link& link : impl_->adjacency.in(event)) {
    if (kinds.contains(link.kind)) steps.push_back({link.relation, link.event});
  }
  return steps;
}

std::vector<Step> EventGraph::neighbours(EventIndex event, RelationKinds kinds) const {
  std::vector<Step> steps = outgoing(event, kinds);
  std::vector<Step> in = incoming(event, kinds);
  steps.insert(steps.end(), in.begin(), in.end());
  std::sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) {
    return std::tie(a.event, a.relation) < std::tie(b.event, b.relation);
  });
  return steps;
}

std::vector<std::string> EventGraph::event_ids() const {
  std::vector<std::string> ids;
  ids.reserve(events().size());
  for (const Event& e : events()) ids.push_back(e.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace eventgraph

#include "engine/event_graph.h"

#include "engine/detail/graph_impl.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace eventgraph {

namespace {

template <typename T>
std::unordered_map<std::string_view, std::uint32_t> index_by_id(const std::vector<T>& items) {
  std::unordered_map<std::string_view, std::uint32_t> index;
  index.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    index.emplace(items[i].id, static_cast<std::uint32_t>(i));
  }
  return index;
}

}  // namespace

EventGraph::EventGraph(Dataset dataset) : impl_(std::make_unique<detail::GraphImpl>()) {
  detail::GraphImpl& g = *impl_;
  g.data = std::move(dataset);
  std::sort(g.data.events.begin(), g.data.events.end(), chronological_less);
  auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
  std::sort(g.data.actors.begin(), g.data.actors.end(), by_id);
  std::sort(g.data.sources.begin(), g.data.sources.end(), by_id);
  g.event_by_id = index_by_id(g.data.events);
  g.actor_by_id = index_by_id(g.data.actors);
  g.source_by_id = index_by_id(g.data.sources);

  // Resolve ends, then order relations by their ends' positions and kind so
  // that relation indices (and every output built on them) are stable.
  std::vector<Endpoints> ends;
  ends.reserve(g.data.relations.size());
  for (const Relation& r : g.data.relations) {
    ends.push_back({g.event_by_id.at(r.from), g.event_by_id.at(r.to)});
  }
  std::vector<std::size_t> order(ends.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tuple(ends[a].from, ends[a].to, g.data.relations[a].kind) <
           std::tuple(ends[b].from, ends[b].to, g.data.relations[b].kind);
  });
  std::vector<Relation> relations;
  relations.reserve(order.size());
  g.endpoints.reserve(order.size());
  for (std::size_t i : order) {
    relations.push_back(std::move(g.data.relations[i]));
    g.endpoints.push_back(ends[i]);
  }
  g.data.relations = std::move(relations);

  g.graph = detail::BoostGraph(g.data.events.size());
  for (std::size_t r = 0; r < g.endpoints.size(); ++r) {
    boost::add_edge(g.endpoints[r].from, g.endpoints[r].to,
                    detail::RelationEdge{static_cast<RelationIndex>(r), g.data.relations[r].kind},
                    g.graph);
  }
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
  auto found = impl_->event_by_id.find(id);
  if (found == impl_->event_by_id.end()) return std::nullopt;
  return found->second;
}

const Actor* EventGraph::find_actor(std::string_view id) const {
  auto found = impl_->actor_by_id.find(id);
  return found == impl_->actor_by_id.end() ? nullptr : &impl_->data.actors[found->second];
}

const Source* EventGraph::find_source(std::string_view id) const {
  auto found = impl_->source_by_id.find(id);
  return found == impl_->source_by_id.end() ? nullptr : &impl_->data.sources[found->second];
}

std::vector<Step> EventGraph::outgoing(EventIndex event, RelationKinds kinds) const {
  std::vector<Step> steps;
  for (auto [it, end] = boost::out_edges(event, impl_->graph); it != end; ++it) {
    const detail::RelationEdge& edge = impl_->graph[*it];
    if (kinds.contains(edge.kind)) {
      steps.push_back({edge.relation, static_cast<EventIndex>(boost::target(*it, impl_->graph))});
    }
  }
  return steps;
}

std::vector<Step> EventGraph::incoming(EventIndex event, RelationKinds kinds) const {
  std::vector<Step> steps;
  for (auto [it, end] = boost::in_edges(event, impl_->graph); it != end; ++it) {
    const detail::RelationEdge& edge = impl_->graph[*it];
    if (kinds.contains(edge.kind)) {
      steps.push_back({edge.relation, static_cast<EventIndex>(boost::source(*it, impl_->graph))});
    }
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

#include "render/detail/timeline_lanes.h"

#include <algorithm>
#include <map>

namespace eventgraph::detail {

namespace {

// The lane names of an event, in its own order, without repeats; the
// fallback name when it has none.
std::vector<std::string> lane_names(const EventGraph& graph, const Event& event, LaneMode mode) {
  std::vector<std::string> names;
  const auto add = [&](const std::string& name) {
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(name);
    }
  };
  switch (mode) {
    case LaneMode::none:
      return {""};
    case LaneMode::actor:
      for (const std::string& id : event.actors) {
        const Actor* actor = graph.find_actor(id);
        add(actor && !actor->name.empty() ? actor->name : id);
      }
      if (names.empty()) names.push_back("no actor");
      break;
    case LaneMode::affiliation:
      for (const std::string& id : event.actors) {
        if (const Actor* actor = graph.find_actor(id)) add(actor->affiliation);
      }
      if (names.empty()) names.push_back("no affiliation");
      break;
    case LaneMode::kind:
      add(event.kind);
      if (names.empty()) names.push_back("no kind");
      break;
    case LaneMode::tag:
      for (const std::string& tag : event.tags) add(tag);
      if (names.empty()) names.push_back("untagged");
      break;
  }
  return names;
}

bool is_fallback_lane(const std::string& name) {
  return name == "no actor" || name == "no affiliation" || name == "no kind" || name == "untagged";
}

}  // namespace

LanePlan plan_lanes(const EventGraph& graph, std::span<const EventIndex> events, LaneMode mode,
                    bool repeat) {
  // Without repeat an event appears only in its first lane, so only first
  // lanes exist and only first lanes count towards a lane's size.
  std::vector<std::vector<std::string>> names_of;
  std::vector<std::string> lanes;
  std::map<std::string, std::size_t> lane_size;
  for (EventIndex event : events) {
    names_of.push_back(lane_names(graph, graph.event(event), mode));
    if (!repeat) names_of.back().resize(1);
    for (const std::string& name : names_of.back()) {
      if (lane_size[name]++ == 0) lanes.push_back(name);
    }
  }
  std::stable_sort(lanes.begin(), lanes.end(), [&](const std::string& a, const std::string& b) {
    if (is_fallback_lane(a) != is_fallback_lane(b)) return is_fallback_lane(b);
    return lane_size[a] > lane_size[b];
  });
  if (lanes.empty()) lanes.push_back("");

  std::map<std::string, std::size_t> lane_index;
  for (std::size_t i = 0; i < lanes.size(); ++i) lane_index[lanes[i]] = i;
  LanePlan plan;
  for (const std::vector<std::string>& names : names_of) {
    std::vector<std::size_t>& in = plan.of_event.emplace_back();
    for (const std::string& name : names) in.push_back(lane_index.at(name));
  }
  plan.names = std::move(lanes);
  return plan;
}

}  // namespace eventgraph::detail

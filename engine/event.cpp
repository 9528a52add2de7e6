#include "engine/event.h"

namespace eventgraph {

bool chronological_less(const Event& a, const Event& b) {
  if (auto order = compare_bounds(a.date, b.date); order != 0) return order < 0;
  return a.id < b.id;
}

}  // namespace eventgraph

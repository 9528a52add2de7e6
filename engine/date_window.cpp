#include "engine/date_window.h"

namespace eventgraph {

bool in_window(const EdtfDate& date, const DateWindow& window) {
  if (!window.from && !window.to) return true;
  const std::optional<Day> first = date.earliest();
  const std::optional<Day> last = date.latest();
  if (window.within) {
    if (window.from && (!first || *first < *window.from)) return false;
    if (window.to && (!last || *last > *window.to)) return false;
    return true;
  }
  if (window.from && last && *last < *window.from) return false;
  if (window.to && first && *first > *window.to) return false;
  return true;
}

}  // namespace eventgraph

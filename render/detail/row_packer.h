// Stacking a lane's marks and labels into rows without overlap, in
// O(n log n): items are taken left to right and each goes to the lowest
// rows whose contents all end before it starts, where it needs them. A row
// remembers only its right end, so an item never lands beside something
// placed to its right: simple, and never an overlap.
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace eventgraph::detail {

/// One row an item occupies, counted from the item's first row, and the
/// horizontal extent it needs there.
struct PackRow {
  int offset = 0;
  double x0 = 0;
  double x1 = 0;
};

/// Something to stack: a mark with its label. `rows` must include offset 0.
struct PackItem {
  std::size_t id = 0;  ///< the caller's index, to tie-break and find it again
  double left = 0;     ///< the order of placement (the mark's left end)
  std::vector<PackRow> rows;
};

/// The number of rows an item spans.
int height(const PackItem& item);

/// The first row of each item (in the order given): the lowest row such
/// that every row the item needs is free from `gap` pixels before its
/// extent. Items are placed in order of `left`, then `id`, so the result
/// does not depend on the input order.
std::vector<int> pack_rows(std::span<const PackItem> items, double gap);

}  // namespace eventgraph::detail

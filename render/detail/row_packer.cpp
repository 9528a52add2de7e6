#include "render/detail/row_packer.h"

#include <algorithm>
#include <limits>
#include <numeric>

namespace eventgraph::detail {

namespace {

// The right end of what each row holds so far, with "first row at or after
// `from` whose end is at most `limit`" answered by a segment tree of minima.
class RowEnds {
 public:
  explicit RowEnds(std::size_t rows) {
    while (size_ < rows) size_ *= 2;
    tree_.assign(2 * size_, kEmpty);
  }
  double end(std::size_t row) const { return tree_[size_ + row]; }
  void extend(std::size_t row, double x) {
    std::size_t node = size_ + row;
    tree_[node] = std::max(tree_[node], x);
    for (node /= 2; node >= 1; node /= 2)
      tree_[node] = std::min(tree_[2 * node], tree_[2 * node + 1]);
  }
  // Rows past the capacity never fill, so the search always succeeds there.
  std::size_t first_free(std::size_t from, double limit) const {
    return find(1, 0, size_, from, limit);
  }

 private:
  static constexpr double kEmpty = -std::numeric_limits<double>::infinity();
  std::size_t find(std::size_t node, std::size_t lo, std::size_t hi, std::size_t from,
                   double limit) const {
    if (hi <= from || tree_[node] > limit) return size_;
    if (hi - lo == 1) return lo;
    const std::size_t mid = (lo + hi) / 2;
    const std::size_t left = find(2 * node, lo, mid, from, limit);
    return left != size_ ? left : find(2 * node + 1, mid, hi, from, limit);
  }
  std::size_t size_ = 1;
  std::vector<double> tree_;
};

}  // namespace

int height(const PackItem& item) {
  int rows = 1;
  for (const PackRow& row : item.rows) rows = std::max(rows, row.offset + 1);
  return rows;
}

std::vector<int> pack_rows(std::span<const PackItem> items, double gap) {
  std::vector<std::size_t> order(items.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (items[a].left != items[b].left) return items[a].left < items[b].left;
    return items[a].id < items[b].id;
  });
  std::size_t capacity = 1;
  for (const PackItem& item : items) capacity += static_cast<std::size_t>(height(item));
  RowEnds ends(capacity);

  std::vector<int> first_row(items.size(), 0);
  for (std::size_t i : order) {
    const PackItem& item = items[i];
    const auto base = std::find_if(item.rows.begin(), item.rows.end(),
                                   [](const PackRow& r) { return r.offset == 0; });
    const double limit = base == item.rows.end() ? item.left - gap : base->x0 - gap;
    std::size_t row = 0;
    for (;;) {
      row = ends.first_free(row, limit);
      const bool fits = std::all_of(item.rows.begin(), item.rows.end(), [&](const PackRow& r) {
        const std::size_t at = row + static_cast<std::size_t>(r.offset);
        return at >= capacity || ends.end(at) <= r.x0 - gap;
      });
      if (fits) break;
      ++row;
    }
    for (const PackRow& r : item.rows) ends.extend(row + static_cast<std::size_t>(r.offset), r.x1);
    first_row[i] = static_cast<int>(row);
  }
  return first_row;
}

}  // namespace eventgraph::detail

// What the query commands share: finding events by id with "did you mean",
// parsing `--via`, and text output (aligned columns, safe for a terminal).
#pragma once

#include "cli/command.h"
#include "engine/event_graph.h"
#include "render/text.h"  // join, which the commands use throughout

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph::cli {

/// The event with this id; otherwise prints `eventgraph: unknown event 'x'
/// (did you mean 'y'?)` to io.err and returns nullopt (exit kExitUsage).
std::optional<EventIndex> find_event_or_explain(const EventGraph& graph, const std::string& id,
                                                Io& io);

/// Parses a `--via` list; on error prints it to io.err and returns nullopt.
std::optional<RelationKinds> parse_via_or_explain(const std::string& via, Io& io);

/// Text from the data made safe for a terminal line: tabs and line breaks
/// become spaces, other control and bidirectional-override characters
/// become U+FFFD, and so do bytes that are not UTF-8, so data cannot move
/// the cursor, reorder the line or start an escape the terminal would read.
std::string terminal_safe(std::string_view text);

/// Columns of text, aligned by character count, two spaces apart; the last
/// column is not padded. Cells are made terminal_safe.
class TextTable {
 public:
  /// Adds a row; `right` aligns the given column to the right.
  void add(std::vector<std::string> cells, std::optional<std::size_t> right = std::nullopt);
  /// Adds a line that spans the table (not aligned), such as a relation
  /// between two rows; `indent` spaces first.
  void add_line(std::string text, std::size_t indent = 4);
  void print(std::ostream& out) const;
  bool empty() const { return rows_.empty(); }

 private:
  struct Row {
    std::vector<std::string> cells;
    std::optional<std::size_t> right;
    bool spanning = false;
  };
  std::vector<Row> rows_;
};

/// The cells of an event row: EDTF date, id, title.
std::vector<std::string> event_cells(const Event& event);

/// "claimed by a, b; disputed by c; sources: s1, s2" (the parts that apply),
/// or empty.
std::string relation_attribution(const Relation& relation);

/// How a walk took a relation from `here`: "causes ->" when `here` is its
/// `from`, "<- causes" when it is its `to`.
std::string step_arrow(const Relation& relation, std::string_view here);

}  // namespace eventgraph::cli

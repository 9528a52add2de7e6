#include "cli/query_support.h"

#include "engine/suggest.h"
#include "render/text.h"

#include <algorithm>
#include <ostream>

namespace eventgraph::cli {

namespace {

// Code points in valid UTF-8 (the loader guarantees it); continuation bytes
// do not count.
std::size_t width(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

std::optional<EventIndex> find_event_or_explain(const EventGraph& graph, const std::string& id,
                                                Io& io) {
  if (auto index = graph.find_event(id)) return index;
  io.err << "eventgraph: unknown event '" << terminal_safe(id) << "'"
         << did_you_mean(id, graph.event_ids()) << '\n';
  return std::nullopt;
}

std::optional<RelationKinds> parse_via_or_explain(const std::string& via, Io& io) {
  std::string error;
  auto kinds = parse_relation_kinds(via, &error);
  if (!kinds) io.err << "eventgraph: --via: " << terminal_safe(error) << '\n';
  return kinds;
}

std::string terminal_safe(std::string_view text) {
  std::string safe;
  safe.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = next_code_point(text, pos);
    if (cp == '\t' || cp == '\n' || cp == '\r') {
      safe += ' ';
    } else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || is_bidi_control(cp)) {
      append_utf8(safe, kReplacementCharacter);  // C0, DEL, C1; embeddings and overrides
    } else {
      append_utf8(safe, cp);  // malformed bytes arrive here as U+FFFD
    }
  }
  return safe;
}

void TextTable::add(std::vector<std::string> cells, std::optional<std::size_t> right) {
  for (std::string& cell : cells) cell = terminal_safe(cell);
  rows_.push_back({std::move(cells), right, false});
}

void TextTable::add_line(std::string text, std::size_t indent) {
  rows_.push_back({{std::string(indent, ' ') + terminal_safe(text)}, std::nullopt, true});
}

void TextTable::print(std::ostream& out) const {
  std::vector<std::size_t> widths;
  for (const Row& row : rows_) {
    if (row.spanning) continue;
    if (widths.size() < row.cells.size()) widths.resize(row.cells.size(), 0);
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      widths[c] = std::max(widths[c], width(row.cells[c]));
    }
  }
  std::string line;
  for (const Row& row : rows_) {
    line.clear();
    if (row.spanning) {
      line = row.cells.front();
    } else {
      for (std::size_t c = 0; c < row.cells.size(); ++c) {
        const std::string& cell = row.cells[c];
        const std::size_t gap = widths[c] - width(cell);
        if (row.right == c) line.append(gap, ' ');
        line += cell;
        if (c + 1 == row.cells.size()) break;
        if (row.right != c) line.append(gap, ' ');
        line += "  ";
      }
    }
    line.erase(line.find_last_not_of(' ') + 1);  // npos + 1 == 0 clears a blank line
    out << line << '\n';
  }
}

std::vector<std::string> event_cells(const Event& event) {
  return {event.date.text(), event.id, event.title};
}

std::string relation_attribution(const Relation& relation) {
  std::vector<std::string> parts;
  if (!relation.claimed_by.empty()) parts.push_back("claimed by " + join(relation.claimed_by));
  if (!relation.disputed_by.empty()) parts.push_back("disputed by " + join(relation.disputed_by));
  if (!relation.sources.empty()) parts.push_back("sources: " + join(relation.sources));
  return join(parts, "; ");
}

std::string step_arrow(const Relation& relation, std::string_view here) {
  const std::string kind(to_string(relation.kind));
  return relation.from == here ? kind + " ->" : "<- " + kind;
}

}  // namespace eventgraph::cli

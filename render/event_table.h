// Events as tables for spreadsheets and documents: CSV (RFC 4180) and
// Markdown (GitHub-flavoured pipe tables).
#pragma once

#include "engine/event_graph.h"

#include <span>
#include <string>
#include <string_view>

namespace eventgraph {

/// A header, then one row per event; fields quoted only when they hold a
/// comma, quote or line break; lists joined with ';'; CRLF line ends.
std::string events_csv(const EventGraph& graph, std::span<const EventIndex> events);

/// A pipe table (Date, Event, Sources) followed by a numbered list of the
/// sources the rows cite, in order of first citation. Every string from the
/// data is escaped, so no title can become a link, emphasis, raw HTML or a
/// new table cell.
std::string events_markdown(const EventGraph& graph, std::span<const EventIndex> events);

/// `text` safe inside a Markdown table cell: HTML's `<`, `>` and `&` as
/// entities, Markdown's punctuation backslash-escaped, line breaks as spaces,
/// and the one character of a bare URL or `www.` name that GitHub-Flavored
/// Markdown would autolink escaped too.
std::string markdown_cell_text(std::string_view text);

}  // namespace eventgraph

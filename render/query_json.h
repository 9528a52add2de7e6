// JSON documents for the query commands (list, show, path, ancestors,
// descendants, around, contradictions) and batch mode, as docs/json.md
// describes and docs/eventgraph-output.schema.json checks.
//
// Every document is one object: {"eventgraph": 1, "query": {...}, ...}, the
// query echoing what was asked. Every string from the data is escaped by the
// JSON library; invalid UTF-8 becomes U+FFFD.
#pragma once

#include "engine/contradictions.h"
#include "engine/event_graph.h"
#include "engine/paths.h"
#include "engine/traversal.h"

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace eventgraph {

/// Pretty (two-space indent, for people and files) or one line (batch mode).
/// Both end with a newline.
enum class JsonStyle { pretty, line };

/// One value of a query echo.
using EchoValue =
    std::variant<std::nullptr_t, bool, std::int64_t, std::string, std::vector<std::string>>;

/// The "query" object: the request as a batch-mode line would state it,
/// fields in the order they were set.
///
/// Example:
///   QueryEcho echo("path");
///   echo.set("from", std::string("a")).set("k", std::int64_t{3});
class QueryEcho {
 public:
  explicit QueryEcho(std::string cmd) { set("cmd", std::move(cmd)); }
  /// Sets a field, replacing an earlier value of the same key in place.
  QueryEcho& set(const std::string& key, EchoValue value);
  const std::vector<std::pair<std::string, EchoValue>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, EchoValue>> fields_;
};

/// `list`: "events" in the order given.
std::string events_json(const EventGraph& graph, const QueryEcho& query,
                        std::span<const EventIndex> events, JsonStyle style = JsonStyle::pretty);

/// `ancestors` and `descendants`: "events", each with its "distance".
std::string reached_json(const EventGraph& graph, const QueryEcho& query,
                         std::span<const Reached> events, JsonStyle style = JsonStyle::pretty);

/// `around`: "events" with "distance", and the "relations" among them.
std::string neighbourhood_json(const EventGraph& graph, const QueryEcho& query,
                               const Neighbourhood& around, JsonStyle style = JsonStyle::pretty);

/// `path`: "paths" (event ids and the relations between them) and "truncated".
std::string paths_json(const EventGraph& graph, const QueryEcho& query, const PathResult& paths,
                       JsonStyle style = JsonStyle::pretty);

/// `contradictions`: "pairs" with each claim's actors and the sources.
std::string contradictions_json(const EventGraph& graph, const QueryEcho& query,
                                std::span<const Contradiction> pairs,
                                JsonStyle style = JsonStyle::pretty);

/// Batch `consistency`: "conflicts", causal links whose dates disagree.
std::string conflicts_json(const EventGraph& graph, const QueryEcho& query,
                           std::span<const TemporalConflict> conflicts,
                           JsonStyle style = JsonStyle::pretty);

/// `show`: the "event" with its summary, every "relation" in or out, and
/// the "actors" and "sources" they name, in full.
std::string show_json(const EventGraph& graph, const QueryEcho& query, EventIndex event,
                      JsonStyle style = JsonStyle::pretty);

}  // namespace eventgraph

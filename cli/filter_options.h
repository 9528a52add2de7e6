// The event filter flags (`--from`, `--to`, `--within`, `--actor`,
// `--affiliation`, `--kind`, `--tag`, `--match`), for any command that
// selects events: list, contradictions, the lineage commands, and the
// renderers.
#pragma once

#include "cli/command.h"
#include "engine/filter.h"
#include "render/query_json.h"

#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace eventgraph::cli {

/// The flags as given; empty strings are flags not given.
struct FilterOptions {
  std::string from;  ///< EDTF; the window starts on its earliest day
  std::string to;    ///< EDTF; the window ends on its latest day
  bool within = false;
  std::vector<std::string> actors;
  std::string affiliation;
  std::string kind;
  std::string tag;
  std::string match;
};

/// Declares the filter flags on `app`, bound to `options`.
///
/// Example:
///   FilterOptions filters;
///   add_filter_options(app, filters);
///   // after parsing:
///   std::string error;
///   auto filter = to_filter(filters, &error);  // nullopt: print error, exit kExitUsage
void add_filter_options(CLI::App& app, FilterOptions& options);

/// The filter the flags describe, or nullopt with `error` set when a date
/// is not valid EDTF or the window ends before it starts. `--from` with a
/// date whose start is open or unknown (`../2021`) leaves the window open.
std::optional<EventFilter> to_filter(const FilterOptions& options, std::string* error);

/// to_filter, then a check that every actor exists in `graph`; on failure
/// prints `eventgraph: <why>` to io.err and returns nullopt (exit kExitUsage).
std::optional<EventFilter> filter_or_explain(const EventGraph& graph, const FilterOptions& options,
                                             Io& io);

/// Says "no events match" on io.err when `kept` is 0: finding nothing is an
/// answer (exit 0), but one a reader should not mistake for an empty file.
void say_if_none_match(std::size_t kept, Io& io);

/// Adds the flags to a query echo, every key present (null when not given).
void echo_filter(const FilterOptions& options, QueryEcho& echo);

}  // namespace eventgraph::cli

#include "cli/filter_options.h"

#include "engine/edtf.h"

#include <CLI/CLI.hpp>

#include <ostream>

namespace eventgraph::cli {

namespace {

EchoValue text_or_null(const std::string& text) {
  return text.empty() ? EchoValue(nullptr) : EchoValue(text);
}

}  // namespace

void add_filter_options(CLI::App& app, FilterOptions& options) {
  const std::string group = "Filters";
  app.add_option("--from", options.from,
                 "Keep events that reach into or after this EDTF date (its earliest day)")
      ->group(group);
  app.add_option("--to", options.to,
                 "Keep events that reach into or before this EDTF date (its latest day)")
      ->group(group);
  app.add_flag("--within", options.within,
               "Keep only events wholly inside the --from/--to window (default: overlapping)")
      ->group(group);
  app.add_option("--actor", options.actors, "Keep events naming this actor id (repeatable: any)")
      ->group(group)
      ->allow_extra_args(false);
  app.add_option("--affiliation", options.affiliation,
                 "Keep events with an actor of this affiliation")
      ->group(group);
  app.add_option("--kind", options.kind, "Keep events of this kind")->group(group);
  app.add_option("--tag", options.tag, "Keep events with this tag")->group(group);
  app.add_option("--match", options.match,
                 "Keep events whose title or summary contains this text (any case)")
      ->group(group);
}

std::optional<EventFilter> to_filter(const FilterOptions& options, std::string* error) {
  EventFilter filter;
  auto parse = [&](const std::string& text, const char* flag) -> std::optional<EdtfDate> {
    EdtfParseResult parsed = parse_edtf(text);
    if (!parsed.ok()) {
      if (error) *error = std::string(flag) + ": " + parsed.error;
      return std::nullopt;
    }
    return parsed.date;
  };
  if (!options.from.empty()) {
    auto date = parse(options.from, "--from");
    if (!date) return std::nullopt;
    filter.from = date->earliest();
  }
  if (!options.to.empty()) {
    auto date = parse(options.to, "--to");
    if (!date) return std::nullopt;
    filter.to = date->latest();
  }
  if (filter.from && filter.to && *filter.to < *filter.from) {
    if (error) {
      *error = "--to '" + options.to + "' ends before --from '" + options.from + "' starts";
    }
    return std::nullopt;
  }
  filter.within = options.within;
  filter.actors = options.actors;
  filter.affiliation = options.affiliation;
  filter.kind = options.kind;
  filter.tag = options.tag;
  filter.match = options.match;
  return filter;
}

std::optional<EventFilter> filter_or_explain(const EventGraph& graph, const FilterOptions& options,
                                             Io& io) {
  std::string error;
  auto filter = to_filter(options, &error);
  if (!filter) {
    io.err << "eventgraph: " << error << '\n';
    return std::nullopt;
  }
  if (auto unknown = unknown_actor(graph, *filter)) {
    io.err << "eventgraph: " << *unknown << '\n';
    return std::nullopt;
  }
  return filter;
}

void say_if_none_match(std::size_t kept, Io& io) {
  if (kept == 0) io.err << "no events match\n";
}

void echo_filter(const FilterOptions& options, QueryEcho& echo) {
  echo.set("from", text_or_null(options.from))
      .set("to", text_or_null(options.to))
      .set("within", options.within)
      .set("actor", options.actors)
      .set("affiliation", text_or_null(options.affiliation))
      .set("kind", text_or_null(options.kind))
      .set("tag", text_or_null(options.tag))
      .set("match", text_or_null(options.match));
}

}  // namespace eventgraph::cli

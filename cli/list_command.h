// `eventgraph list FILE [filters]`: the events that pass the filters.
#pragma once

#include "cli/command.h"
#include "cli/filter_options.h"
#include "render/query_json.h"

namespace eventgraph::cli {

struct ListOptions {
  std::string file;
  FilterOptions filters;
  Format format = Format::text;
};

class ListCommand final : public Command {
 public:
  std::string name() const override { return "list"; }
  std::string description() const override {
    return "List events in chronological order, filtered by date, actor, kind, tag or text";
  }
  void add_options(CLI::App& app) override;
  int run(Io& io) override;
  const ListOptions& options() const { return options_; }

 private:
  ListOptions options_;
};

/// Runs `list` on a loaded graph; returns the exit code. Batch mode calls
/// this with JsonStyle::line.
int run_list(const EventGraph& graph, const ListOptions& options, Io& io,
             JsonStyle style = JsonStyle::pretty);

}  // namespace eventgraph::cli

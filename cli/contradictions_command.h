// `eventgraph contradictions FILE [filters] [--touching]`: who contradicts
// whom, with the claims' actors and sources.
#pragma once

#include "cli/command.h"
#include "cli/filter_options.h"
#include "render/query_json.h"

namespace eventgraph::cli {

struct ContradictionsOptions {
  std::string file;
  FilterOptions filters;
  bool touching = false;  ///< keep pairs with one claim in the filtered set (default: both)
  Format format = Format::text;
};

class ContradictionsCommand final : public Command {
 public:
  std::string name() const override { return "contradictions"; }
  std::string description() const override {
    return "List claims that contradict each other, with who makes them and the sources";
  }
  void add_options(CLI::App& app) override;
  int run(Io& io) override;
  const ContradictionsOptions& options() const { return options_; }

 private:
  ContradictionsOptions options_;
};

/// Runs `contradictions` on a loaded graph; returns the exit code.
int run_contradictions(const EventGraph& graph, const ContradictionsOptions& options, Io& io,
                       JsonStyle style = JsonStyle::pretty);

}  // namespace eventgraph::cli

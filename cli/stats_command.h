// `eventgraph stats FILE`: what an event file holds.
#pragma once

#include "cli/command.h"

namespace eventgraph::cli {

struct StatsOptions {
  std::string file;
  Format format = Format::text;
};

class StatsCommand final : public Command {
 public:
  std::string name() const override { return "stats"; }
  std::string description() const override {
    return "Count events, actors, sources and relations; date span; components";
  }
  void add_options(CLI::App& app) override;
  int run(Io& io) override;
  const StatsOptions& options() const { return options_; }

 private:
  StatsOptions options_;
};

}  // namespace eventgraph::cli

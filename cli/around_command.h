// `eventgraph around FILE ID... [--depth N] [--via KINDS]`: the story
// around one or more events, the subgraph within N steps.
#pragma once

#include "cli/command.h"
#include "render/query_json.h"

#include <cstdint>
#include <vector>

namespace eventgraph::cli {

struct AroundOptions {
  std::string file;
  std::vector<std::string> ids;
  std::uint32_t depth = 1;
  std::string via = "causes";
  Format format = Format::text;
};

class AroundCommand final : public Command {
 public:
  std::string name() const override { return "around"; }
  std::string description() const override {
    return "Show the story around events: everything within N steps, either way";
  }
  void add_options(CLI::App& app) override;
  int run(Io& io) override;
  const AroundOptions& options() const { return options_; }

 private:
  AroundOptions options_;
};

/// Runs `around` on a loaded graph; returns the exit code.
int run_around(const EventGraph& graph, const AroundOptions& options, Io& io,
               JsonStyle style = JsonStyle::pretty);

}  // namespace eventgraph::cli

// `eventgraph graph FILE [-o OUT]`: a Graphviz diagram of a selection.
#pragma once

#include "cli/command.h"
#include "cli/filter_options.h"
#include "render/graphviz.h"

#include <cstdint>
#include <optional>

namespace eventgraph::cli {

struct GraphCommandOptions {
  std::string file;
  std::string output;                   ///< empty: standard output
  std::optional<DiagramFormat> format;  ///< nullopt: from the output's extension, else SVG
  std::vector<std::string> around;      ///< event ids whose neighbourhood is drawn
  std::uint32_t depth = 1;
  std::string via;        ///< relation kinds followed and drawn; empty: all
  FilterOptions filters;  ///< the query commands' filters, applied last
  GraphOptions graph;
};

class GraphCommand final : public Command {
 public:
  std::string name() const override { return "graph"; }
  std::string description() const override {
    return "Draw events and relations as a Graphviz diagram (SVG, PNG, PDF or DOT)";
  }
  void add_options(CLI::App& app) override;
  int run(Io& io) override;
  const GraphCommandOptions& options() const { return options_; }

 private:
  GraphCommandOptions options_;
};

}  // namespace eventgraph::cli

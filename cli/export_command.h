// `eventgraph export FORMAT FILE [-o OUT]`: the graph, or a selection of it
// chosen as `graph` chooses one, for another tool.
#pragma once

#include "cli/command.h"
#include "cli/filter_options.h"

#include <cstdint>
#include <string>
#include <vector>

namespace eventgraph::cli {

struct ExportCommandOptions {
  std::string format;
  std::string file;
  std::string output;  ///< a file; a folder for neo4j and csv; empty: standard output
  std::string title;
  std::vector<std::string> around;  ///< event ids whose neighbourhood is exported
  std::uint32_t depth = 1;
  std::string via;  ///< relation kinds followed and written; empty: all
  FilterOptions filters;
};

class ExportCommand final : public Command {
 public:
  std::string name() const override { return "export"; }
  std::string description() const override {
    return "Write the graph for another tool: GraphML, GEXF, TimelineJS, Mermaid, Cytoscape.js, "
           "Neo4j, CSV or JSON";
  }
  void add_options(CLI::App& app) override;
  int run(Io& io) override;
  const ExportCommandOptions& options() const { return options_; }

 private:
  ExportCommandOptions options_;
};

}  // namespace eventgraph::cli

// `eventgraph import [FORMAT] INPUT [-o events.yaml]`: another tool's
// timeline as an event file.
#pragma once

#include "cli/command.h"

#include <string>
#include <vector>

namespace eventgraph::cli {

struct ImportCommandOptions {
  std::vector<std::string> arguments;  ///< [FORMAT] INPUT
  std::string output;                  ///< empty: standard output
  std::vector<std::string> maps;       ///< COLUMN=FIELD
  std::string title;
};

class ImportCommand final : public Command {
 public:
  std::string name() const override { return "import"; }
  std::string description() const override {
    return "Turn a TimelineJS, spreadsheet (CSV/TSV), Wikidata or JSON timeline into an event "
           "file";
  }
  void add_options(CLI::App& app) override;
  int run(Io& io) override;
  const ImportCommandOptions& options() const { return options_; }

 private:
  ImportCommandOptions options_;
};

}  // namespace eventgraph::cli

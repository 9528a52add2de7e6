// `eventgraph show FILE ID`: one event in full, with its relations in and
// out (who claims and disputes them) and its sources' titles.
#pragma once

#include "cli/command.h"
#include "render/query_json.h"

namespace eventgraph::cli {

struct ShowOptions {
  std::string file;
  std::string id;
  Format format = Format::text;
};

class ShowCommand final : public Command {
 public:
  std::string name() const override { return "show"; }
  std::string description() const override {
    return "Show one event in full: fields, relations in and out, sources";
  }
  void add_options(CLI::App& app) override;
  int run(Io& io) override;
  const ShowOptions& options() const { return options_; }

 private:
  ShowOptions options_;
};

/// Runs `show` on a loaded graph; returns the exit code.
int run_show(const EventGraph& graph, const ShowOptions& options, Io& io,
             JsonStyle style = JsonStyle::pretty);

}  // namespace eventgraph::cli

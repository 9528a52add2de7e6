// `eventgraph timeline FILE [-o OUT.svg|.png|.pdf]`: the timeline picture.
#pragma once

#include "cli/command.h"
#include "cli/filter_options.h"
#include "render/timeline_layout.h"

#include <filesystem>
#include <string>

namespace eventgraph::cli {

struct TimelineCommandOptions {
  std::string file;
  std::string output;     ///< empty: SVG to standard output
  FilterOptions filters;  ///< which events; --from and --to also set the view
  TimelineOptions timeline;
};

class TimelineCommand final : public Command {
 public:
  std::string name() const override { return "timeline"; }
  std::string description() const override {
    return "Draw events on a time axis as a self-contained SVG (or PNG, PDF); --from/--to set the "
           "view";
  }
  void add_options(CLI::App& app) override;
  int run(Io& io) override;
  const TimelineCommandOptions& options() const { return options_; }

 private:
  TimelineCommandOptions options_;
};

}  // namespace eventgraph::cli

// `eventgraph path FILE FROM TO [--via KINDS] [--k N | --all --max-length N]
// [--undirected]`: how did one event lead to another?
#pragma once

#include "cli/command.h"
#include "render/query_json.h"

#include <cstddef>

namespace eventgraph::cli {

struct PathCommandOptions {
  std::string file;
  std::string from;
  std::string to;
  std::string via = "causes";
  std::size_t k = 1;                           ///< 1..kMaxK
  bool all = false;                            ///< every simple path instead of the k shortest
  std::size_t max_length = kDefaultMaxLength;  ///< with `all`: 1..kMaxPathLength
  bool undirected = false;
  Format format = Format::text;
};

class PathCommand final : public Command {
 public:
  std::string name() const override { return "path"; }
  std::string description() const override {
    return "Find how one event led to another: shortest, k shortest or all simple paths";
  }
  void add_options(CLI::App& app) override;
  int run(Io& io) override;
  const PathCommandOptions& options() const { return options_; }

 private:
  PathCommandOptions options_;
};

/// Runs `path` on a loaded graph; returns the exit code. Out-of-range `k`
/// and `max_length` are usage errors that name the cap.
int run_path(const EventGraph& graph, const PathCommandOptions& options, Io& io,
             JsonStyle style = JsonStyle::pretty);

}  // namespace eventgraph::cli

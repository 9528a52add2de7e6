// `eventgraph ancestors|descendants FILE ID [--via KINDS] [--depth N]
// [filters]`: what led up to an event, or what followed from it. One class
// serves both commands.
#pragma once

#include "cli/command.h"
#include "cli/filter_options.h"
#include "render/query_json.h"

#include <optional>

namespace eventgraph::cli {

/// Which way a lineage command walks.
enum class Lineage { ancestors, descendants };

struct LineageOptions {
  std::string file;
  std::string id;
  std::string via = "causes";
  std::optional<std::uint32_t> depth;  ///< nullopt: no limit
  FilterOptions filters;               ///< applied to the events found
  Format format = Format::text;
};

class LineageCommand final : public Command {
 public:
  explicit LineageCommand(Lineage lineage) : lineage_(lineage) {}
  std::string name() const override {
    return lineage_ == Lineage::ancestors ? "ancestors" : "descendants";
  }
  std::string description() const override {
    return lineage_ == Lineage::ancestors
               ? "Show what led up to an event: its causes and theirs, with distances"
               : "Show what followed from an event: its effects and theirs, with distances";
  }
  void add_options(CLI::App& app) override;
  int run(Io& io) override;
  const LineageOptions& options() const { return options_; }

 private:
  Lineage lineage_;
  LineageOptions options_;
};

/// Runs `ancestors` or `descendants` on a loaded graph; returns the exit code.
int run_lineage(const EventGraph& graph, Lineage lineage, const LineageOptions& options, Io& io,
                JsonStyle style = JsonStyle::pretty);

}  // namespace eventgraph::cli

// `eventgraph check FILE...`: validate event files.
#pragma once

#include "cli/command.h"

namespace eventgraph::cli {

struct CheckOptions {
  std::vector<std::string> files;
  Format format = Format::text;
  std::string edtf_level = "2";  ///< the highest EDTF level a date may use
};

class CheckCommand final : public Command {
 public:
  std::string name() const override { return "check"; }
  std::string description() const override {
    return "Validate event files: errors and warnings with file, line and column";
  }
  void add_options(CLI::App& app) override;
  int run(Io& io) override;
  const CheckOptions& options() const { return options_; }

 private:
  CheckOptions options_;
};

}  // namespace eventgraph::cli

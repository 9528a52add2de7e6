// `eventgraph date EDTF...`: how date strings are understood.
#pragma once

#include "cli/command.h"

namespace eventgraph::cli {

struct DateOptions {
  std::vector<std::string> dates;
  Format format = Format::text;
  std::string edtf_level = "2";  ///< the highest EDTF level a date may use
};

class DateCommand final : public Command {
 public:
  std::string name() const override { return "date"; }
  std::string description() const override {
    return "Show how EDTF dates are understood: earliest and latest day, precision, qualifiers";
  }
  void add_options(CLI::App& app) override;
  int run(Io& io) override;
  const DateOptions& options() const { return options_; }

 private:
  DateOptions options_;
};

}  // namespace eventgraph::cli

// One function per command: call the library, print, return the exit code.
#pragma once

#include "cli/options.h"

#include <iosfwd>
#include <string>
#include <vector>

namespace eventgraph::cli {

/// Runs a parsed command; `out` gets results, `err` diagnostics and notes.
int run(const Command& command, std::ostream& out, std::ostream& err);

/// The whole program: parse, run, print. `args` exclude the program name.
int main(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace eventgraph::cli

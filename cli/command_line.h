// Parsing `eventgraph <command> ...` into a command object, and the whole
// program as a function the tests can call.
#pragma once

#include "cli/command.h"

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace eventgraph::cli {

/// What the command line asks for: a command with its options filled, or
/// (for --help, --version and usage errors) text to print and an exit code.
struct CommandLine {
  std::unique_ptr<Command> command;
  int exit_code = kExitOk;  ///< when there is no command: 0 for help/version, 2 for errors
  std::string message;      ///< help/version text (stdout) or the usage error (stderr)
};

/// Parses arguments (without the program name). Runs nothing.
CommandLine parse_command_line(const std::vector<std::string>& args);

/// Parses and runs; returns the exit code.
int run_command_line(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace eventgraph::cli

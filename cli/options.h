// Command-line arguments as plain structs, parsed by CLI11 and testable
// without running anything.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace eventgraph::cli {

enum class Format { text, json, csv };

struct CheckCommand {
  std::vector<std::string> files;
  Format format = Format::text;
};

struct DateCommand {
  std::vector<std::string> dates;
  Format format = Format::text;
};

struct StatsCommand {
  std::string file;
  Format format = Format::text;
};

using Command = std::variant<CheckCommand, DateCommand, StatsCommand>;

/// What the command line asks for: a command to run, or (for --help,
/// --version and usage errors) just text to print and an exit code.
struct CommandLine {
  std::optional<Command> command;
  int exit_code = 0;    ///< when there is no command: 0 for help/version, 2 for usage errors
  std::string message;  ///< help or version text (stdout), or the usage error (stderr)
};

/// Exit codes, the same for every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalidData = 1;
inline constexpr int kExitUsage = 2;

/// Parses `eventgraph <command> ...`; args exclude the program name.
CommandLine parse_command_line(const std::vector<std::string>& args);

}  // namespace eventgraph::cli

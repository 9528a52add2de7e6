// The shape every `eventgraph` command has: options filled by CLI11, then
// one call into the library and some printing.
#pragma once

#include "engine/event_graph.h"
#include "engine/snapshot.h"

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace eventgraph::cli {

/// Exit codes, the same for every command (docs/json.md lists them).
inline constexpr int kExitOk = 0;           ///< success, also when a query finds nothing
inline constexpr int kExitInvalidData = 1;  ///< the event file (or a date) is invalid
inline constexpr int kExitUsage = 2;        ///< bad arguments or an unknown event id
inline constexpr int kExitNoMemory = 3;     ///< the answer needed more memory than there was

enum class Format { text, json, csv, markdown };

/// Where a command writes: results to `out`, diagnostics and notes to `err`.
struct Io {
  std::ostream& out;
  std::ostream& err;
};

/// One subcommand. Subclasses hold their options as a plain struct that
/// add_options() binds, so parsing can be tested without running.
class Command {
 public:
  virtual ~Command() = default;
  virtual std::string name() const = 0;
  virtual std::string description() const = 0;
  /// Declares the options on the subcommand's CLI11 app.
  virtual void add_options(CLI::App& app) = 0;
  /// Runs after a successful parse; returns the exit code.
  virtual int run(Io& io) = 0;
};

/// Every command, in the order `--help` lists them.
std::vector<std::unique_ptr<Command>> all_commands();

/// Adds `--format` with the given choices (text and json, plus csv and markdown).
void add_format_option(CLI::App& app, Format& format, bool with_tables = false);
/// `--edtf-level 0|1|2` (default 2): the highest EDTF level a date may use.
void add_edtf_level_option(CLI::App& app, std::string& level);

/// Adds `--via KINDS` for the queries, whose default (`causes`) the option
/// struct holds; parse_via_or_explain reads it.
void add_via_option(CLI::App& app, std::string& via);

/// Options every command takes (`--no-cache`); set while parsing.
struct GlobalOptions {
  bool no_cache = false;
};
const GlobalOptions& global_options();

/// The snapshot cache as the global options ask for it.
CacheOptions cache_options();

/// Loads an event file for a command that needs a valid graph; on errors
/// prints them to io.err and returns null (exit with kExitInvalidData). The
/// graph lives until the next run_command_line call.
const EventGraph* load_graph(const std::string& file, Io& io);

/// Keeps a graph the command is done with as load_graph keeps its own: the
/// process drops it at exit rather than freeing it object by object.
void keep_until_exit(EventGraph&& graph);

/// "3 events", "1 warning".
std::string count_noun(std::size_t n, std::string_view noun);

}  // namespace eventgraph::cli

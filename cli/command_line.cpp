#include "cli/command_line.h"

#include "engine/loader.h"
#include "engine/suggest.h"

#include <CLI/CLI.hpp>
#include <deque>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <map>
#include <ostream>
#include <sstream>
#include <string>

namespace eventgraph::cli {

namespace {
constexpr const char* kVersion = "eventgraph 0.1.0 (event file format 1)";
GlobalOptions global;
}  // namespace

const GlobalOptions& global_options() { return global; }

CacheOptions cache_options() {
  CacheOptions cache;
  cache.enabled = !global.no_cache;
  return cache;
}

void add_edtf_level_option(CLI::App& app, std::string& level) {
  app.add_option("--edtf-level", level, "Highest EDTF level a date may use: 0, 1 or 2")
      ->check(CLI::IsMember({"0", "1", "2"}))
      ->default_str("2");
}

void add_format_option(CLI::App& app, Format& format, bool with_tables) {
  std::map<std::string, Format> names{{"text", Format::text}, {"json", Format::json}};
  if (with_tables) {
    names.emplace("csv", Format::csv);
    names.emplace("markdown", Format::markdown);
  }
  std::vector<std::string> choices;
  for (const auto& [name, value] : names) choices.push_back(name);
  // A name is checked, then mapped; CLI::CheckedTransformer would also take
  // the enum's numbers ("--format 1") and show them in --help.
  app.add_option_function<std::string>(
         "--format",
         [&format, names](const std::string& name) {
           std::string lower = name;
           for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
           format = names.at(lower);
         },
         with_tables ? "Output format: text, json, csv or markdown" : "Output format: text or json")
      ->check(CLI::IsMember(choices, CLI::ignore_case))
      ->default_str("text");
}

void add_via_option(CLI::App& app, std::string& via) {
  app.add_option("--via", via,
                 "Relation kinds to follow, a comma list of causes, references, contradicts")
      ->default_str("causes");
}

namespace {

// The graphs commands loaded, kept until the next command starts and never
// freed at exit: the process ends right after the answer, and freeing the
// ~300k small objects of a 100k-event graph took 0.1 s of a 1 s warm run.
// A global pointer keeps them reachable, so leak checkers stay quiet.
std::deque<EventGraph>& loaded_graphs() {
  static auto* graphs = new std::deque<EventGraph>;
  return *graphs;
}

}  // namespace

namespace {

// CLI11 reads an argument written "[a,b]" as the list a, b for any option
// that takes several values, so `eventgraph date '[1667,1668]'` would see two
// years, not the EDTF set. Every argument reaches its option whole: one
// shaped like that is marked before parsing (CLI11 splits only text that
// ends in ']'), and every option unmarks its values before using them.
constexpr char kWholeMark = '\x1f';

bool bracketed(const std::string& arg) {
  return arg.size() >= 2 && arg.back() == ']' && arg.find('[') != std::string::npos;
}

std::vector<std::string> mark_bracketed(std::vector<std::string> args) {
  for (std::string& arg : args) {
    if (bracketed(arg)) arg += kWholeMark;
  }
  return args;
}

void unmark_values(CLI::App& app) {
  for (CLI::Option* option : app.get_options()) {
    option->transform(
        [](std::string value) {
          if (value.size() >= 2 && value.back() == kWholeMark) value.pop_back();
          return value;
        },
        "", "whole");
  }
}

}  // namespace

const EventGraph* load_graph(const std::string& file, Io& io) {
  LoadResult result = load_file_cached(file, {}, cache_options());
  if (!result.ok()) {
    io.err << format_diagnostics(result.diagnostics, result.source);
    io.err << file << ": invalid; run 'eventgraph check " << file << "' for details\n";
    return nullptr;
  }
  return &loaded_graphs().emplace_back(std::move(*result.graph));
}

void keep_until_exit(EventGraph&& graph) { loaded_graphs().push_back(std::move(graph)); }

std::string count_noun(std::size_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

CommandLine parse_command_line(const std::vector<std::string>& args) {
  CLI::App app{"eventgraph: timelines and event graphs from YAML event files", "eventgraph"};
  app.set_version_flag("--version", kVersion);
  app.require_subcommand(1);
  std::vector<std::unique_ptr<Command>> commands = all_commands();
  std::vector<std::pair<CLI::App*, Command*>> apps;
  std::vector<std::string> names;
  for (auto& command : commands) {
    CLI::App* sub = app.add_subcommand(command->name(), command->description());
    command->add_options(*sub);
    sub->add_flag("--no-cache", global.no_cache,
                  "Do not read or write the snapshot cache ($XDG_CACHE_HOME/eventgraph)");
    unmark_values(*sub);
    apps.emplace_back(sub, command.get());
    names.push_back(command->name());
  }

  global = GlobalOptions{};
  CommandLine result;
  const std::vector<std::string> marked = mark_bracketed(args);
  std::vector<std::string> reversed(marked.rbegin(), marked.rend());  // CLI11 pops from the back
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    std::ostringstream out, err;
    result.exit_code = app.exit(e, out, err) == 0 ? kExitOk : kExitUsage;
    result.message = result.exit_code == kExitOk ? out.str() : err.str();
    std::erase(result.message, kWholeMark);
    const bool unknown_command = !args.empty() && !args.front().starts_with("-") &&
                                 std::find(names.begin(), names.end(), args.front()) == names.end();
    if (result.exit_code != kExitOk && unknown_command) {
      result.message = "eventgraph: unknown command '" + args.front() + "'" +
                       did_you_mean(args.front(), names) +
                       "\nRun 'eventgraph --help' for the list.\n";
    }
    return result;
  }
  for (auto& [sub, command] : apps) {
    if (!sub->parsed()) continue;
    for (auto& owned : commands) {
      if (owned.get() == command) result.command = std::move(owned);
    }
  }
  return result;
}

int run_command_line(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CommandLine line = parse_command_line(args);
  if (!line.command) {
    std::ostream& stream = line.exit_code == kExitOk ? out : err;
    stream << line.message;
    if (!line.message.empty() && line.message.back() != '\n') stream << '\n';
    return line.exit_code;
  }
  loaded_graphs().clear();  // in-process callers run command after command
  Io io{out, err};
  const int code = line.command->run(io);
  // A full disk or a closed stdout must not pass for success with the
  // output cut short (a broken pipe ends the process quietly first).
  errno = 0;
  if (!out.flush()) {
    const int error = errno;
    err << "eventgraph: cannot write the output" << (error ? ": " : "")
        << (error ? std::strerror(error) : "") << '\n';
    return code == kExitOk ? kExitInvalidData : code;
  }
  return code;
}

}  // namespace eventgraph::cli

// The eventgraph command as users run it: exit codes, stdout and stderr of
// the built binary, and the parsing of arguments into options.
#include "cli/around_command.h"
#include "cli/check_command.h"
#include "cli/command_line.h"
#include "cli/date_command.h"
#include "cli/graph_command.h"
#include "cli/import_command.h"
#include "cli/list_command.h"
#include "cli/query_support.h"
#include "cli/stats_command.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using eventgraph::cli::AroundCommand;
using eventgraph::cli::CheckCommand;
using eventgraph::cli::DateCommand;
using eventgraph::cli::Format;
using eventgraph::cli::GraphCommand;
using eventgraph::cli::ImportCommand;
using eventgraph::cli::parse_command_line;
using eventgraph::cli::StatsCommand;

using Strings = std::vector<std::string>;

// A private directory for one test process's output files and cache,
// removed when the process ends.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "eventgraph-cli-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

const fs::path& temp_dir() {
  static const TempDir dir;
  REQUIRE_FALSE(dir.path().empty());
  return dir.path();
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Single-quoted for /bin/sh.
std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the built binary in tests/data (so file names in messages are
// short), with its own cache directory.
Run run(const Strings& args) {
  const fs::path out = temp_dir() / "stdout.txt";
  const fs::path err = temp_dir() / "stderr.txt";
  std::string command = "cd " + shell_quote(EVENTGRAPH_TEST_DATA) +
                        " && EVENTGRAPH_CACHE_DIR=" + shell_quote((temp_dir() / "cache").string()) +
                        " " + shell_quote(EVENTGRAPH_BINARY);
  for (const std::string& arg : args) command += " " + shell_quote(arg);
  command += " >" + shell_quote(out.string()) + " 2>" + shell_quote(err.string());
  const int status = std::system(command.c_str());
  Run result;
  INFO(command);
  // Exited, rather than killed by a signal (a crash or a sanitizer abort).
  REQUIRE(WIFEXITED(status));
  result.exit_code = WEXITSTATUS(status);
  result.out = read_text(out);
  result.err = read_text(err);
  return result;
}

Strings split_lines(const std::string& text) {
  Strings lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

}  // namespace

TEST_CASE("check: a valid file exits 0 and says so on stdout", "[cli][check]") {
  const Run r = run({"check", "good/format_example.yaml"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "good/format_example.yaml: valid, 8 events, 9 relations, 0 warnings\n");
  CHECK(r.err.empty());
}

TEST_CASE("check: warnings go to stderr and still exit 0", "[cli][check]") {
  const Run r = run({"check", "good/warnings.yaml"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "good/warnings.yaml: valid, 4 events, 3 relations, 4 warnings\n");
  CHECK(r.err ==
        "good/warnings.yaml:10:14: warning: cause 'offer' (2022) may come after its effect "
        "'reply' (2022-06)\n"
        "      causes: [reply]\n"
        "               ^\n"
        "  hint: the dates overlap; give them more precision if you know it\n"
        "good/warnings.yaml:11:9: warning: event 'reply' has no sources\n"
        "    - id: reply\n"
        "          ^\n"
        "  hint: add 'sources: [id]' naming where it comes from\n"
        "good/warnings.yaml:23:19: warning: relation 'counter-claim' contradicts 'claim' is "
        "listed twice (also at good/warnings.yaml:18:19)\n"
        "      contradicts: [claim]\n"
        "                    ^\n"
        "  hint: 'contradicts' works both ways and is read as one contradiction: list it on one "
        "of the two events only\n"
        "good/warnings.yaml:24:25: warning: relation 'counter-claim' references 'claim' is "
        "listed twice (also at good/warnings.yaml:24:18)\n"
        "      references: [claim, claim]\n"
        "                          ^\n"
        "  hint: it is read as one relation; remove the repeated item\n");
  // A second run (which may come from the snapshot cache) says the same.
  const Run again = run({"check", "good/warnings.yaml"});
  CHECK(again.exit_code == 0);
  CHECK(again.out == r.out);
  CHECK(again.err == r.err);
}

TEST_CASE("check: an invalid file exits 1 with line, caret and hint", "[cli][check]") {
  const Run r = run({"check", "bad/undeclared.yaml"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "bad/undeclared.yaml:11:14: error: unknown actor 'lavrof' (did you mean 'lavrov'?)\n"
        "      actors: [lavrof, blinken]\n"
        "               ^\n"
        "  hint: declare it under 'actors:' at the top of the file\n"
        "bad/undeclared.yaml:11:22: error: unknown actor 'blinken'\n"
        "      actors: [lavrof, blinken]\n"
        "                       ^\n"
        "  hint: declare it under 'actors:' at the top of the file\n"
        "bad/undeclared.yaml:12:15: error: unknown source 'rt-2024-01-32' (did you mean "
        "'rt-2024-01-23'?)\n"
        "      sources: [rt-2024-01-32]\n"
        "                ^\n"
        "  hint: declare it under 'sources:' at the top of the file\n"
        "bad/undeclared.yaml:15:22: error: unknown actor 'zelensky' (did you mean "
        "'zelenskyy'?)\n"
        "          claimed_by: [zelensky]\n"
        "                       ^\n"
        "  hint: declare it under 'actors:' at the top of the file\n"
        "bad/undeclared.yaml:17:19: error: unknown source 'tass'\n"
        "          sources: [tass]\n"
        "                    ^\n"
        "  hint: declare it under 'sources:' at the top of the file\n"
        "bad/undeclared.yaml: invalid, 5 errors, 0 warnings\n");
}

TEST_CASE("check: several files, one invalid, exit 1", "[cli][check]") {
  const Run r = run({"check", "good/minimal.yaml", "bad/duplicate-key.yaml", "no-such.yaml"});
  CHECK(r.exit_code == 1);
  CHECK(r.out == "good/minimal.yaml: valid, 0 events, 0 relations, 0 warnings\n");
  CHECK(r.err ==
        "bad/duplicate-key.yaml:8:5: error: duplicate key 'title'\n"
        "      title: The second title\n"
        "      ^\n"
        "  hint: 'title' is already set at line 6; remove or rename one of them\n"
        "bad/duplicate-key.yaml: invalid, 1 error, 0 warnings\n"
        "no-such.yaml: error: cannot open the file: No such file or directory\n"
        "  hint: check the path\n"
        "no-such.yaml: invalid, 1 error, 0 warnings\n");
}

TEST_CASE("check: hostile files are diagnosed, never crash", "[cli][check][hostile]") {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(EVENTGRAPH_TEST_DATA) / "hostile")) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 20);
  for (const fs::path& file : files) {
    DYNAMIC_SECTION(file.filename().string()) {
      const std::string name = "hostile/" + file.filename().string();
      const Run r = run({"check", name});
      CHECK(r.exit_code == 1);
      CHECK(r.out.empty());
      // The first diagnostic, as the loader test expects it, and the summary.
      fs::path expected = file;
      expected.replace_extension(".expected");
      const Strings first = split_lines(read_text(expected));
      REQUIRE_FALSE(first.empty());
      CHECK(split_lines(r.err).front() == "hostile/" + first.front());
      CHECK(split_lines(r.err).back().starts_with(name + ": invalid, "));
    }
  }
}

TEST_CASE("check --format json", "[cli][check][json]") {
  const Run r = run({"check", "--format", "json", "good/warnings.yaml", "bad/self-relations.yaml"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.empty());
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["eventgraph"] == 1);
  CHECK(doc["valid"] == false);
  REQUIRE(doc["files"].size() == 2);
  const auto& good = doc["files"][0];
  CHECK(good["file"] == "good/warnings.yaml");
  CHECK(good["valid"] == true);
  CHECK(good["errors"] == 0);
  CHECK(good["warnings"] == 4);
  const auto& bad = doc["files"][1];
  CHECK(bad["valid"] == false);
  CHECK(bad["errors"] == 3);
  REQUIRE(bad["diagnostics"].size() == 3);
  CHECK(bad["diagnostics"][0] == nlohmann::json{{"file", "bad/self-relations.yaml"},
                                                {"line", 9},
                                                {"column", 14},
                                                {"severity", "error"},
                                                {"message", "event 'a' causes itself"},
                                                {"hint", "remove 'a' from its own 'causes' list"}});
  // Same bytes every run.
  CHECK(run({"check", "--format", "json", "good/warnings.yaml", "bad/self-relations.yaml"}).out ==
        r.out);
  const Run valid = run({"check", "--format=JSON", "good/minimal.yaml"});
  CHECK(valid.exit_code == 0);
  CHECK(nlohmann::json::parse(valid.out)["valid"] == true);
}

TEST_CASE("check: usage errors exit 2", "[cli][check]") {
  const Run none = run({"check"});
  CHECK(none.exit_code == 2);
  CHECK(none.out.empty());
  CHECK(none.err == "files is required\nRun with --help for more information.\n");
  const Run format = run({"check", "--format", "xml", "good/minimal.yaml"});
  CHECK(format.exit_code == 2);
  CHECK(format.err.starts_with("--format: xml not in {json,text}"));
  // Only the names, not the enum's numbers.
  CHECK(run({"check", "--format", "1", "good/minimal.yaml"}).exit_code == 2);
  const Run option = run({"check", "--frmat", "json", "good/minimal.yaml"});
  CHECK(option.exit_code == 2);
  CHECK(option.out.empty());
}

TEST_CASE("date: text output", "[cli][date]") {
  const Run r = run({"date", "2022", "2022-24", "2004-06-11%", "2025-10/..", "/2021", "Y12000~",
                     "2024-01-23T10:16:00+03:00"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "2022                       year      2022-01-01 .. 2022-12-31  level 0\n"
        "2022-24                    season    2022-12-01 .. 2023-02-28  level 1\n"
        "2004-06-11%                day       2004-06-11 .. 2004-06-11  uncertain  approximate  "
        "level 1\n"
        "2025-10/..                 interval  2025-10-01 .. (open)  level 1\n"
        "/2021                      interval  (unknown) .. 2021-12-31  level 1\n"
        "Y12000~                    year      12000-01-01 .. 12000-12-31  approximate  level 1\n"
        "2024-01-23T10:16:00+03:00  day       2024-01-23 .. 2024-01-23  level 0\n");
}

TEST_CASE(
    "the EDTF level, from the command line or the file: a form above the level is an error naming "
    "its level",
    "[cli][date][check]") {
  const Run date = run({"date", "--edtf-level", "0", "2022-21", "2022-03"});
  CHECK(date.exit_code == 1);
  CHECK(date.out == "2022-03  month     2022-03-01 .. 2022-03-31  level 0\n");
  CHECK(date.err ==
        "eventgraph: invalid date '2022-21': a season (21-24) is EDTF level 1, above the level 0 "
        "allowed here\n");
  CHECK(run({"date", "--edtf-level", "3", "2022"}).exit_code == 2);

  CHECK(run({"check", "good/edtf-level2.yaml"}).exit_code == 0);
  const Run lower = run({"check", "--edtf-level", "1", "good/edtf-level2.yaml"});
  CHECK(lower.exit_code == 1);
  CHECK_THAT(lower.err, Contains("is EDTF level 2, above the level 1 allowed here"));
  CHECK_THAT(lower.err, Contains("hint: this load allows EDTF level 1 (--edtf-level)"));
  const Run file_level = run({"check", "bad/edtf-level1.yaml"});
  CHECK(file_level.exit_code == 1);
  CHECK_THAT(file_level.err, Contains("hint: this file sets 'edtf-level: 1'"));

  // show names a set's members in words.
  const Run show = run({"show", "good/edtf-level2.yaml", "baptism"});
  CHECK_THAT(show.out,
             Contains("[1667,1668]  (1667-01-01 .. 1668-12-31, set, one-of: 1667 or 1668)"));
}

// Attack report L5: messages quoted arguments and file names raw, so an
// argument could set the terminal's title or colours.
TEST_CASE("messages never pass control or bidi characters to the terminal", "[cli]") {
  const std::string esc = "\x1b]0;pwned\x07\x1b[31mX\u202E";
  for (const Strings& args : {Strings{"list", "good/format_example.yaml", "--actor", esc},
                              Strings{esc}, Strings{"check", "no" + esc + "file.yaml"}}) {
    const Run r = run(args);
    CHECK(r.exit_code != 0);
    CHECK_FALSE(r.err.empty());
    CHECK(r.err.find('\x1b') == std::string::npos);
    CHECK(r.err.find('\x07') == std::string::npos);
    CHECK(r.err.find("\u202E") == std::string::npos);
    CHECK_THAT(r.err, Contains("\uFFFD[31mX"));
  }
}

TEST_CASE("date: an invalid date exits 1 and is explained on stderr", "[cli][date]") {
  const Run r = run({"date", "2022-13", "2022-21"});
  CHECK(r.exit_code == 1);
  CHECK(r.out == "2022-21  season    2022-03-01 .. 2022-05-31  level 1\n");
  CHECK(r.err == "eventgraph: invalid date '2022-13': month 13 is not between 01 and 12\n");
  CHECK(run({"date"}).exit_code == 2);
}

TEST_CASE("date --format json", "[cli][date][json]") {
  const Run r = run({"date", "--format", "json", "2022-21", "../2021?", "2022-02-29"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.empty());
  const auto doc = nlohmann::json::parse(r.out);
  REQUIRE(doc["dates"].size() == 3);
  const std::set<std::string> keys = {"edtf",      "valid",     "earliest",    "latest",
                                      "precision", "uncertain", "approximate", "start",
                                      "end",       "error",     "kind",        "level"};
  for (const auto& date : doc["dates"]) {
    std::set<std::string> found;
    for (const auto& [key, value] : date.items()) found.insert(key);
    CHECK(found == keys);
  }
  CHECK(doc["dates"][0] == nlohmann::json{{"edtf", "2022-21"},
                                          {"valid", true},
                                          {"earliest", "2022-03-01"},
                                          {"latest", "2022-05-31"},
                                          {"precision", "season"},
                                          {"uncertain", false},
                                          {"approximate", false},
                                          {"start", "known"},
                                          {"end", "known"},
                                          {"error", nullptr},
                                          {"kind", "date"},
                                          {"level", 1}});
  CHECK(doc["dates"][1] == nlohmann::json{{"edtf", "../2021?"},
                                          {"valid", true},
                                          {"earliest", nullptr},
                                          {"latest", "2021-12-31"},
                                          {"precision", "interval"},
                                          {"uncertain", true},
                                          {"approximate", false},
                                          {"start", "open"},
                                          {"end", "known"},
                                          {"error", nullptr},
                                          {"kind", "interval"},
                                          {"level", 1}});
  CHECK(doc["dates"][2]["valid"] == false);
  CHECK(doc["dates"][2]["earliest"] == nullptr);
  CHECK(doc["dates"][2]["precision"] == nullptr);
  CHECK(doc["dates"][2]["error"] ==
        "invalid date '2022-02-29': 2022 is not a leap year, so february has 28 days");
  CHECK(run({"date", "--format", "json", "2022"}).exit_code == 0);
}

// Declared on both events (good/warnings.yaml), the contradiction was
// answered twice, drawn twice and exported twice.
TEST_CASE("a contradiction declared from both ends is one answer everywhere", "[cli]") {
  const Run pairs = run({"contradictions", "good/warnings.yaml", "--format", "json"});
  CHECK(pairs.exit_code == 0);
  const auto doc = nlohmann::json::parse(pairs.out);
  REQUIRE(doc["pairs"].size() == 1);
  CHECK(doc["pairs"][0]["a"] == "claim");
  CHECK(doc["pairs"][0]["b"] == "counter-claim");
  const Run text = run({"contradictions", "good/warnings.yaml"});
  CHECK(std::count(text.out.begin(), text.out.end(), '\n') == 4);  // heading, 2 claims, sources
  const Run dot = run({"graph", "good/warnings.yaml", "--format", "dot"});
  CHECK(dot.exit_code == 0);
  std::size_t lines = 0;
  for (const std::string& line : split_lines(dot.out)) {
    lines += line.find("->") != std::string::npos || line.find("--") != std::string::npos ? 1 : 0;
  }
  CHECK(lines == 3);  // offer causes reply, the contradiction, one reference
  const Run exported = run({"export", "json", "good/warnings.yaml"});
  CHECK(exported.exit_code == 0);
  std::size_t relations = 0;
  const auto exported_doc = nlohmann::json::parse(exported.out);
  for (const auto& event : exported_doc["events"]) {
    for (const char* kind : {"causes", "references", "contradicts"}) {
      if (event.contains(kind)) relations += event[kind].size();
    }
  }
  CHECK(relations == 3);
}

TEST_CASE("stats: text and json", "[cli][stats]") {
  const Run r = run({"stats", "good/format_example.yaml"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "events                  8\n"
        "actors                  3\n"
        "sources                 2\n"
        "causes                  5\n"
        "references              3\n"
        "contradicts             1\n"
        "disputed relations      1\n"
        "span                    2022-12-01 .. 2023-06-30\n"
        "events without sources  0\n"
        "connected components    1\n");
  const Run json = run({"stats", "--format", "json", "good/format_example.yaml"});
  CHECK(json.exit_code == 0);
  CHECK(nlohmann::json::parse(json.out) ==
        nlohmann::json::parse(R"({"eventgraph": 1, "file": "good/format_example.yaml",
          "events": 8, "actors": 3, "sources": 2,
          "relations": {"causes": 5, "references": 3, "contradicts": 1},
          "disputed_relations": 1, "first_day": "2022-12-01", "last_day": "2023-06-30",
          "events_without_sources": 0, "components": 1})"));
}

TEST_CASE("stats: an invalid file exits 1 and points at check", "[cli][stats]") {
  const Run r = run({"stats", "bad/two-documents.yaml"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "bad/two-documents.yaml:3:1: error: the file holds more than one yaml document\n"
        "  ---\n"
        "  ^\n"
        "  hint: an event file is a single document: remove the '---' or '...' separator, or "
        "split the file\n"
        "bad/two-documents.yaml: invalid; run 'eventgraph check bad/two-documents.yaml' for "
        "details\n");
  CHECK(run({"stats"}).exit_code == 2);
  CHECK(run({"stats", "a.yaml", "b.yaml"}).exit_code == 2);
}

TEST_CASE("every command has --help", "[cli][help]") {
  const Run top = run({"--help"});
  CHECK(top.exit_code == 0);
  CHECK(top.err.empty());
  CHECK(top.out.starts_with("eventgraph: timelines and event graphs from YAML event files\n"));
  for (const auto& command : eventgraph::cli::all_commands()) {
    DYNAMIC_SECTION(command->name()) {
      CHECK(top.out.find("  " + command->name() + " ") != std::string::npos);
      for (const char* flag : {"--help", "-h"}) {
        const Run help = run({command->name(), flag});
        CHECK(help.exit_code == 0);
        CHECK(help.err.empty());
        CHECK(help.out.starts_with(command->description() + "\nUsage: eventgraph " +
                                   command->name() + " [OPTIONS]"));
      }
    }
  }
}

TEST_CASE("version, no command and an unknown command", "[cli]") {
  const Run version = run({"--version"});
  CHECK(version.exit_code == 0);
  CHECK(version.out == "eventgraph 0.1.0 (event file format 1)\n");
  const Run none = run({});
  CHECK(none.exit_code == 2);
  CHECK(none.out.empty());
  CHECK(none.err.starts_with("A subcommand is required\n"));
  const Run unknown = run({"chek", "good/minimal.yaml"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.out.empty());
  CHECK(unknown.err ==
        "eventgraph: unknown command 'chek' (did you mean 'check'?)\n"
        "Run 'eventgraph --help' for the list.\n");
  CHECK(run({"frobnicate"}).err ==
        "eventgraph: unknown command 'frobnicate'\nRun 'eventgraph --help' for the list.\n");
}

TEST_CASE("parse_command_line fills each command's options", "[cli][parse]") {
  auto line = parse_command_line({"check", "a.yaml", "b.yaml", "--format", "json"});
  REQUIRE(line.command);
  CHECK(line.exit_code == 0);
  auto* check = dynamic_cast<CheckCommand*>(line.command.get());
  REQUIRE(check != nullptr);
  CHECK(check->options().files == Strings{"a.yaml", "b.yaml"});
  CHECK(check->options().format == Format::json);

  line = parse_command_line({"check", "a.yaml"});
  REQUIRE(line.command);
  CHECK(dynamic_cast<CheckCommand*>(line.command.get())->options().format == Format::text);

  line = parse_command_line({"date", "--format=Json", "2022", "2023?"});
  auto* date = dynamic_cast<DateCommand*>(line.command.get());
  REQUIRE(date != nullptr);
  CHECK(date->options().dates == Strings{"2022", "2023?"});
  CHECK(date->options().format == Format::json);

  line = parse_command_line({"stats", "events.yaml"});
  auto* stats = dynamic_cast<StatsCommand*>(line.command.get());
  REQUIRE(stats != nullptr);
  CHECK(stats->options().file == "events.yaml");
  CHECK(stats->options().format == Format::text);
}

// CLI11 splits "[a,b]" into a and b for any option taking several values,
// so an EDTF set reached `date` as two years.
TEST_CASE("arguments reach their options whole: no splitting on brackets or commas",
          "[cli][parse]") {
  auto line = parse_command_line({"date", "[1667,1668]", "{1667,1668-12}", "a,b"});
  auto* date = dynamic_cast<DateCommand*>(line.command.get());
  REQUIRE(date != nullptr);
  CHECK(date->options().dates == Strings{"[1667,1668]", "{1667,1668-12}", "a,b"});

  line = parse_command_line({"check", "[a].yaml", "b,c.yaml"});
  auto* check = dynamic_cast<CheckCommand*>(line.command.get());
  REQUIRE(check != nullptr);
  CHECK(check->options().files == Strings{"[a].yaml", "b,c.yaml"});

  line = parse_command_line({"around", "f.yaml", "[a,b]", "c"});
  auto* around = dynamic_cast<AroundCommand*>(line.command.get());
  REQUIRE(around != nullptr);
  CHECK(around->options().ids == Strings{"[a,b]", "c"});

  line = parse_command_line({"graph", "f.yaml", "--around", "[a,b]", "--around=[c]", "--actor",
                             "[x,y]", "--from", "[1667,1668]", "--to=[1700..1710]"});
  auto* graph = dynamic_cast<GraphCommand*>(line.command.get());
  REQUIRE(graph != nullptr);
  CHECK(graph->options().around == Strings{"[a,b]", "[c]"});
  CHECK(graph->options().filters.actors == Strings{"[x,y]"});
  CHECK(graph->options().filters.from == "[1667,1668]");
  CHECK(graph->options().filters.to == "[1700..1710]");

  line = parse_command_line({"import", "csv", "[in].csv", "--map", "[a]=title"});
  auto* import = dynamic_cast<ImportCommand*>(line.command.get());
  REQUIRE(import != nullptr);
  CHECK(import->options().arguments == Strings{"csv", "[in].csv"});
  CHECK(import->options().maps == Strings{"[a]=title"});

  // Through the binary: one set, one answer.
  const Run r = run({"date", "--format", "json", "[1667,1668]"});
  const auto doc = nlohmann::json::parse(r.out);
  REQUIRE(doc["dates"].size() == 1);
  CHECK(doc["dates"][0]["edtf"] == "[1667,1668]");
}

TEST_CASE("parse_command_line returns help, version and errors as text", "[cli][parse]") {
  auto help = parse_command_line({"date", "--help"});
  CHECK_FALSE(help.command);
  CHECK(help.exit_code == 0);
  CHECK(help.message.find("Usage: eventgraph date [OPTIONS] dates...") != std::string::npos);

  auto version = parse_command_line({"--version"});
  CHECK_FALSE(version.command);
  CHECK(version.exit_code == 0);
  CHECK(version.message == "eventgraph 0.1.0 (event file format 1)\n");

  auto missing = parse_command_line({"stats"});
  CHECK_FALSE(missing.command);
  CHECK(missing.exit_code == 2);
  CHECK(missing.message == "file is required\nRun with --help for more information.\n");

  auto unknown = parse_command_line({"stat"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.message ==
        "eventgraph: unknown command 'stat' (did you mean 'stats'?)\n"
        "Run 'eventgraph --help' for the list.\n");

  auto bad_format = parse_command_line({"date", "--format", "csv", "2022"});
  CHECK_FALSE(bad_format.command);
  CHECK(bad_format.exit_code == 2);
  CHECK(bad_format.message.starts_with("--format: csv not in {json,text}"));
}

TEST_CASE("run_command_line runs in-process with the same output", "[cli]") {
  std::ostringstream out, err;
  CHECK(eventgraph::cli::run_command_line({"date", "2022-21"}, out, err) == 0);
  CHECK(out.str() == "2022-21  season    2022-03-01 .. 2022-05-31  level 1\n");
  CHECK(err.str().empty());

  std::ostringstream out2, err2;
  CHECK(eventgraph::cli::run_command_line({"--version"}, out2, err2) == 0);
  CHECK(out2.str() == "eventgraph 0.1.0 (event file format 1)\n");

  std::ostringstream out3, err3;
  CHECK(eventgraph::cli::run_command_line({"chek"}, out3, err3) == 2);
  CHECK(out3.str().empty());
  CHECK(err3.str().starts_with("eventgraph: unknown command 'chek'"));
}

namespace {

// A stream whose every write fails, as stdout on a full disk does.
class FullDisk final : public std::streambuf {
 protected:
  int_type overflow(int_type) override { return traits_type::eof(); }
  std::streamsize xsputn(const char*, std::streamsize) override { return 0; }
};

}  // namespace

// Attack report M8: output lost to a full disk or a closed stdout still
// exited 0.
TEST_CASE("a failed write to the output is an error, not success", "[cli]") {
  FullDisk full;
  std::ostream out(&full);
  std::ostringstream err;
  CHECK(eventgraph::cli::run_command_line({"date", "2022-21"}, out, err) == 1);
  CHECK(err.str().starts_with("eventgraph: cannot write the output"));
}

TEST_CASE("terminal_safe keeps text and replaces what a terminal would act on", "[cli]") {
  using eventgraph::cli::terminal_safe;
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(terminal_safe("Zelenskyy – Kyiv, é") == "Zelenskyy – Kyiv, é");
  CHECK(terminal_safe("a\tb\nc") == "a b c");
  CHECK(terminal_safe("\x1B]0;pwned\x07") == fffd + "]0;pwned" + fffd);
  CHECK(terminal_safe("x\xC2\x9B"
                      "31m") == "x" + fffd + "31m");  // C1 CSI
  CHECK(terminal_safe("\xE2\x80\xAE"
                      "evil") == fffd + "evil");  // U+202E
  CHECK(terminal_safe("\xE2\x81\xA6"
                      "iso") == fffd + "iso");  // U+2066
  CHECK(terminal_safe("bad \xFF\xC3 end") == "bad " + fffd + fffd + " end");
}

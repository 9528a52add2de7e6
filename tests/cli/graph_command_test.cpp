// `eventgraph graph` as users run it: where the diagram goes, which format,
// the one-line note on stderr (and nothing else), and selection errors.
#include "cli/graph_command.h"
#include "cli/command_line.h"
#include "engine/loader.h"

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

fs::path work_dir() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("eventgraph-graph-test-" + std::to_string(getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

/// Runs the built binary in the source tree, so data/events.yaml resolves.
Run run(const Strings& args) {
  const fs::path out = work_dir() / "stdout", err = work_dir() / "stderr";
  std::string command = "cd " + quote(EVENTGRAPH_SOURCE_DIR) + " && " + quote(EVENTGRAPH_BINARY);
  for (const std::string& arg : args) command += " " + quote(arg);
  command += " >" + quote(out.string()) + " 2>" + quote(err.string());
  const int status = std::system(command.c_str());
  INFO(command);
  REQUIRE(WIFEXITED(status));
  return {WEXITSTATUS(status), read_text(out), read_text(err)};
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("graph: -o writes the file its extension names, and one note", "[cli][graph]") {
  const fs::path svg = work_dir() / "graph.svg";
  const Run r = run({"graph", "data/events.yaml", "-o", svg.string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  // Exactly one line: which layout and why. Graphviz prints nothing.
  CHECK(count(r.err, "\n") == 1);
  const eventgraph::LoadResult seed =
      eventgraph::load_file(EVENTGRAPH_SOURCE_DIR "/data/events.yaml");
  REQUIRE(seed.ok());
  const std::size_t events = seed.graph->events().size();
  CHECK_THAT(r.err, Catch::StartsWith("eventgraph graph: layout: dot (" + std::to_string(events) +
                                      " events"));
  const std::string text = read_text(svg);
  CHECK(text.rfind("<?xml", 0) == 0);
  CHECK(count(text, "class=\"node event\"") == events);
  // Written through a temporary file that is renamed into place.
  for (const auto& entry : fs::directory_iterator(work_dir())) {
    CHECK(entry.path().extension() != ".tmp");
  }
}

TEST_CASE("graph: without -o the diagram goes to stdout, in --format", "[cli][graph]") {
  const Run r = run({"graph", "data/events.yaml", "--format", "dot", "--layout", "time"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("digraph", 0) == 0);
  CHECK_THAT(r.err, Catch::StartsWith("eventgraph graph: layout: time (as asked)"));
}

TEST_CASE("graph: --format wins over the extension; an unknown extension is an error",
          "[cli][graph]") {
  const fs::path out = work_dir() / "graph.out";
  Run r = run({"graph", "data/events.yaml", "-o", out.string()});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("cannot tell the format"));
  r = run({"graph", "data/events.yaml", "-o", out.string(), "--format", "png"});
  CHECK(r.exit_code == 0);
  CHECK(read_text(out).rfind("\x89PNG", 0) == 0);
}

TEST_CASE("graph: --around, --depth, --via and the filters choose what is drawn", "[cli][graph]") {
  Run r = run({"graph", "data/events.yaml", "--around", "istanbul-talks", "--depth", "1", "--via",
               "causes", "--format", "svg"});
  CHECK(r.exit_code == 0);
  const std::size_t around = count(r.out, "class=\"node event\"");
  CHECK(around > 1);
  CHECK(around < 39);
  CHECK(count(r.out, "class=\"relation references") == 0);  // --via also limits what is drawn
  CHECK_THAT(r.out, Catch::Contains("around “Russia–Ukraine talks in Istanbul” (1 step)"));

  r = run({"graph", "data/events.yaml", "--from", "2025-10", "--to", "2025-10", "--format", "svg"});
  CHECK(r.exit_code == 0);
  CHECK(count(r.out, "class=\"node event\"") < 39);
  CHECK(count(r.out, ">Trump and Putin plan a<") == 1);  // the label
}

TEST_CASE("graph: an unknown --around id is a usage error with a suggestion", "[cli][graph]") {
  const Run r = run({"graph", "data/events.yaml", "--around", "istanbul-talk"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("did you mean 'istanbul-talks'?"));
  CHECK(r.out.empty());
}

TEST_CASE("graph: options parse into the plain struct", "[cli][graph]") {
  auto line = eventgraph::cli::parse_command_line(
      {"graph", "f.yaml", "--layout", "time", "--rankdir", "TB", "--title", "T", "--theme", "dark",
       "--time-layout-above", "20", "--no-legend"});
  REQUIRE(line.command);
  const auto& options = dynamic_cast<eventgraph::cli::GraphCommand&>(*line.command).options();
  CHECK(options.file == "f.yaml");
  CHECK(options.graph.layout == eventgraph::DiagramLayout::time);
  CHECK(options.graph.rankdir == eventgraph::RankDirection::top_bottom);
  CHECK(options.graph.title == "T");
  CHECK(options.graph.theme == eventgraph::Theme::dark);
  CHECK(options.graph.time_layout_above == 20);
  CHECK_FALSE(options.graph.legend);
  CHECK_FALSE(options.format.has_value());
  CHECK(eventgraph::cli::parse_command_line({"graph", "f.yaml", "--layout", "circo"}).exit_code ==
        2);
}

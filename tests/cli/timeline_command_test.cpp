// `eventgraph timeline` as users run it: options, outputs, exit codes, and
// files that are either written whole or not at all.
#include "cli/timeline_command.h"
#include "cli/command_line.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/wait.h>

namespace {

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using eventgraph::cli::parse_command_line;
using eventgraph::cli::run_command_line;
using eventgraph::cli::TimelineCommand;

const std::string kSeed = std::string(EVENTGRAPH_SOURCE_DIR) + "/data/events.yaml";

struct Run {
  int exit_code;
  std::string out;
  std::string err;
};

Run run(std::vector<std::string> args) {
  std::ostringstream out, err;
  const int code = run_command_line(args, out, err);
  return {code, out.str(), err.str()};
}

// A fresh directory per test case.
fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("eventgraph-timeline-test-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("timeline options parse into the options struct") {
  auto line = parse_command_line(
      {"timeline",    "events.yaml", "-o",      "t.svg",  "--lanes", "actor", "--lanes-repeat",
       "--relations", "causes",      "--theme", "dark",   "--width", "800",   "--compress",
       "off",         "--title",     "T",       "--from", "2025",    "--to",  "2026-02",
       "--tag",       "istanbul"});
  REQUIRE(line.command);
  const auto& options = dynamic_cast<TimelineCommand&>(*line.command).options();
  CHECK(options.file == "events.yaml");
  CHECK(options.output == "t.svg");
  CHECK(options.timeline.lanes == eventgraph::LaneMode::actor);
  CHECK(options.timeline.lanes_repeat);
  CHECK(options.timeline.relations == eventgraph::RelationSelection::causes);
  CHECK(options.timeline.theme == eventgraph::ThemeMode::dark);
  CHECK(options.timeline.width == 800);
  CHECK(options.timeline.compression == eventgraph::Compression::off);
  CHECK(options.timeline.title == "T");
  CHECK(options.filters.from == "2025");
  CHECK(options.filters.to == "2026-02");
  CHECK(options.filters.tag == "istanbul");

  auto defaults = parse_command_line({"timeline", "events.yaml"});
  REQUIRE(defaults.command);
  const auto& d = dynamic_cast<TimelineCommand&>(*defaults.command).options();
  CHECK(d.timeline.lanes == eventgraph::LaneMode::affiliation);
  CHECK(d.timeline.relations == eventgraph::RelationSelection::all);
  CHECK(d.timeline.theme == eventgraph::ThemeMode::automatic);
  CHECK(d.timeline.width == 1200);

  for (std::vector<std::string> bad :
       {std::vector<std::string>{"timeline", "f", "--lanes", "place"},
        {"timeline", "f", "--relations", "some"},
        {"timeline", "f", "--theme", "sepia"},
        {"timeline", "f", "--width", "100"},
        // Attack report L6: NaN passed CLI::Range.
        {"timeline", "f", "--width", "nan"},
        {"timeline", "f", "--width", "inf"},
        {"timeline", "f", "--width", "-1"},
        {"timeline"}}) {
    CHECK(parse_command_line(bad).exit_code == 2);
  }
}

TEST_CASE("timeline: without a loadable librsvg, PNG output names the package and writes nothing") {
  // librsvg is loaded when the first picture is converted: shadow it with a
  // file that is not a library, in a process of its own.
  const fs::path dir = fresh_dir("no-librsvg");
  fs::create_directories(dir / "lib");
  std::ofstream(dir / "lib" / "librsvg-2.so.2") << "not a library\n";
  auto quote = [](const fs::path& path) { return "'" + path.string() + "'"; };
  const std::string command = "LD_LIBRARY_PATH=" + quote(dir / "lib") + " " +
                              quote(EVENTGRAPH_BINARY) + " timeline --no-cache " + quote(kSeed) +
                              " -o " + quote(dir / "t.png") + " 2>" + quote(dir / "err.txt");
  const int status = std::system(command.c_str());
  INFO(command);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) != 0);
  CHECK_THAT(read(dir / "err.txt"), Contains("cannot load") && Contains("librsvg2-2"));
  CHECK_FALSE(fs::exists(dir / "t.png"));
}

TEST_CASE("timeline writes SVG to standard output or to a file, PNG and PDF by extension") {
  const Run to_stdout = run({"timeline", kSeed});
  CHECK(to_stdout.exit_code == 0);
  CHECK(to_stdout.out.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  CHECK(to_stdout.err.empty());

  const fs::path dir = fresh_dir("formats");
  CHECK(run({"timeline", kSeed, "-o", (dir / "t.svg").string()}).exit_code == 0);
  CHECK(read(dir / "t.svg") == to_stdout.out);
  CHECK(run({"timeline", kSeed, "-o", (dir / "t.png").string()}).exit_code == 0);
  CHECK(read(dir / "t.png").starts_with("\x89PNG"));
  CHECK(run({"timeline", kSeed, "-o", (dir / "t.PDF").string()}).exit_code == 0);
  CHECK(read(dir / "t.PDF").starts_with("%PDF-"));
  CHECK(names_in(dir) == std::vector<std::string>{"t.PDF", "t.png", "t.svg"});  // no temporaries

  const Run unknown = run({"timeline", kSeed, "-o", (dir / "t.txt").string()});
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Contains("cannot tell the format from"));
  CHECK_FALSE(fs::exists(dir / "t.txt"));
  fs::remove_all(dir);
}

TEST_CASE("a failed run never leaves a partial file or replaces a good one") {
  const fs::path dir = fresh_dir("atomic");
  const fs::path target = dir / "t.svg";
  std::ofstream(target) << "previous picture";
  const fs::path bad = dir / "bad.yaml";
  std::ofstream(bad) << "eventgraph: 1\nevents:\n  - id: a\n    date: 2022-02-30\n";
  CHECK(run({"timeline", bad.string(), "-o", target.string()}).exit_code == 1);
  CHECK(run({"timeline", kSeed, "--actor", "nobody", "-o", target.string()}).exit_code == 2);
  CHECK(read(target) == "previous picture");

  const Run missing_dir = run({"timeline", kSeed, "-o", (dir / "no" / "t.svg").string()});
  CHECK(missing_dir.exit_code == 1);
  CHECK_THAT(missing_dir.err, Contains("cannot write"));
  CHECK(names_in(dir) == std::vector<std::string>{"bad.yaml", "t.svg"});
  fs::remove_all(dir);
}

TEST_CASE("timeline: --from and --to select events and set the view") {
  const Run zoomed = run({"timeline", kSeed, "--from", "2025", "--to", "2026", "--lanes", "actor"});
  CHECK(zoomed.exit_code == 0);
  CHECK_THAT(zoomed.out, Contains("view 1 Jan 2025 – 31 Dec 2026"));
  CHECK(zoomed.out.find("Russia launches its full-scale invasion") == std::string::npos);
  CHECK_THAT(zoomed.out, Contains("Trump and Putin plan a summit in Budapest"));

  const Run backwards = run({"timeline", kSeed, "--from", "2026", "--to", "2025"});
  CHECK(backwards.exit_code == 2);
  const Run tagged = run({"timeline", kSeed, "--tag", "budapest", "--relations", "none"});
  CHECK(tagged.exit_code == 0);
  CHECK_THAT(tagged.out, Contains("4 events, 16 Oct 2025 – 4 Feb 2026"));
}

// An empty answer used to be an empty axis, with nothing said.
TEST_CASE("a filter or window that keeps nothing says so, and the timeline says it too") {
  const Run timeline = run({"timeline", kSeed, "--tag", "no-such-tag"});
  CHECK(timeline.exit_code == 0);
  CHECK_THAT(timeline.err, Contains("no events match\n"));
  CHECK_THAT(timeline.out, Contains(">no events in this view</text>"));
  const Run window = run({"timeline", kSeed, "--from", "1900", "--to", "1901"});
  CHECK(window.exit_code == 0);
  CHECK_THAT(window.err, Contains("no events match\n"));
  CHECK_THAT(window.out, Contains(">no events in this view</text>"));
  for (const char* format : {"dot", "json"}) {
    const bool graph = format == std::string("dot");
    const Run r = run(
        {graph ? "graph" : "list", kSeed, "--from", "1900", "--to", "1901", "--format", format});
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.err, Contains("no events match\n"));
  }
  const Run exported = run({"export", "json", kSeed, "--match", "nothing like this"});
  CHECK(exported.exit_code == 0);
  CHECK_THAT(exported.err, Contains("no events match\n"));
}

TEST_CASE("timeline, list and graph keep the same deep-time window", "[deep-time]") {
  const std::string deep = std::string(EVENTGRAPH_SOURCE_DIR) + "/examples/05_deep_time.yaml";
  const std::vector<std::string> window{"--from", "Y-100000000", "--to", "-9999"};
  auto with_window = [&](std::vector<std::string> args) {
    args.insert(args.end(), window.begin(), window.end());
    return run(args);
  };
  const Run listed = with_window({"list", deep});
  const Run timeline = with_window({"timeline", deep, "--relations", "none"});
  const Run graph = with_window({"graph", deep, "--format", "dot"});
  REQUIRE(listed.exit_code == 0);
  REQUIRE(timeline.exit_code == 0);
  REQUIRE(graph.exit_code == 0);
  // The end-Cretaceous impact (66 Ma) and the first Homo sapiens (315 ka);
  // not the end-Permian (252 Ma) nor the Holocene (9701 BCE).
  for (const char* id : {"chicxulub-impact", "homo-sapiens-jebel-irhoud"}) {
    INFO(id);
    CHECK_THAT(listed.out, Contains(id));
    CHECK_THAT(graph.out, Contains(std::string("id=\"event-") + id + "\""));
  }
  for (const char* id : {"end-permian-extinction", "holocene-begins"}) {
    INFO(id);
    CHECK(listed.out.find(id) == std::string::npos);
    CHECK(graph.out.find(id) == std::string::npos);
  }
  CHECK_THAT(timeline.out, Contains("Timeline of 2 events"));
}

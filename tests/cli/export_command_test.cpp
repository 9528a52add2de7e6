// `eventgraph export` as users run it: one file or a folder of them, the
// selection options `graph` has, and clear refusals.
#include "command_runner.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

namespace fs = std::filesystem;
using eventgraph::test::CommandRun;
using eventgraph::test::read_text;
using eventgraph::test::scratch_dir;

CommandRun run(const std::vector<std::string>& args) {
  return eventgraph::test::run_eventgraph(args, EVENTGRAPH_SOURCE_DIR);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("export: a file, or standard output, with the same bytes", "[cli][export]") {
  const fs::path out = scratch_dir() / "events.graphml";
  const CommandRun written = run({"export", "graphml", "data/events.yaml", "-o", out.string()});
  CHECK(written.exit_code == 0);
  CHECK(written.out.empty());
  CHECK(contains(written.err, " relations written to " + out.string() + "\n"));
  const CommandRun printed = run({"export", "graphml", "data/events.yaml"});
  CHECK(printed.exit_code == 0);
  CHECK(printed.out == read_text(out));
}

TEST_CASE("export: neo4j and csv write a folder of files", "[cli][export]") {
  const fs::path folder = scratch_dir() / "neo4j";
  const CommandRun r =
      run({"export", "neo4j", "tests/data/export/tricky.yaml", "-o", folder.string()});
  CHECK(r.exit_code == 0);
  for (const char* name : {"events.csv", "relations.csv", "load.cypher"}) {
    CHECK(fs::exists(folder / name));
  }
  const CommandRun no_folder = run({"export", "csv", "tests/data/export/tricky.yaml"});
  CHECK(no_folder.exit_code == 2);
  CHECK(no_folder.err ==
        "eventgraph export: csv writes several files: name a folder for them with -o\n");
}

// A folder of tables was written file by file: a failure on the second
// left the first, an events.csv without its relations.csv.
TEST_CASE("export: a folder of files is written whole or not at all", "[cli][export]") {
  const fs::path folder = scratch_dir() / "csv-in-the-way";
  fs::create_directories(folder / "relations.csv");  // a directory where a table goes
  std::ofstream(folder / "events.csv") << "old table\n";
  const CommandRun r =
      run({"export", "csv", "tests/data/export/tricky.yaml", "-o", folder.string()});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("relations.csv': it is a directory; nothing written"));
  CHECK(read_text(folder / "events.csv") == "old table\n");
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"events.csv", "relations.csv"});  // no temporaries
}

TEST_CASE("export: the selection options of graph", "[cli][export]") {
  const CommandRun around = run({"export", "cytoscape", "tests/data/export/tricky.yaml", "--around",
                                 "last-bce", "--depth", "1", "--via", "causes"});
  CHECK(around.exit_code == 0);
  CHECK(around.err == "eventgraph export: 3 events, 2 relations\n");
  const CommandRun window =
      run({"export", "json", "tests/data/export/tricky.yaml", "--from", "2000", "--to", "2030"});
  CHECK(window.exit_code == 0);
  CHECK(contains(window.err, "2 events, 0 relations"));
  const CommandRun unknown = run({"export", "graphm", "data/events.yaml"});
  CHECK(unknown.exit_code == 2);
  CHECK(contains(unknown.err, "unknown format 'graphm' (did you mean 'graphml'?)"));
}

TEST_CASE("export: over Mermaid's limits says how to select less and writes nothing",
          "[cli][export]") {
  const fs::path big = scratch_dir() / "big.yaml";
  const fs::path out = scratch_dir() / "big.mmd";
  // A flowchart of more than 500 edges: a chain of 502 events.
  std::string yaml = "eventgraph: 1\nevents:\n";
  for (int i = 0; i < 502; ++i) {
    yaml += "  - {id: e" + std::to_string(i) + ", title: E" + std::to_string(i) +
            ", date: \"2020\"" + (i < 501 ? ", references: [e" + std::to_string(i + 1) + "]" : "") +
            "}\n";
  }
  { std::ofstream(big) << yaml; }
  const CommandRun r = run({"export", "mermaid-flowchart", big.string(), "-o", out.string()});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "the flowchart would have 501 edges, over Mermaid's default limit of 500"));
  CHECK(contains(r.err, "hint: select less: "));
  CHECK_FALSE(fs::exists(out));
}

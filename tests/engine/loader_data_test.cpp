// The data files under tests/data: good files load, bad and hostile files
// give exactly the diagnostics in their `.expected` files (like ninja's
// tests, the full one-line text), and docs/format.md's example is valid.
#include "engine/loader.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using eventgraph::Diagnostic;
using eventgraph::load_string;
using eventgraph::LoadResult;

using Strings = std::vector<std::string>;

Strings lines(const std::vector<Diagnostic>& diagnostics) {
  Strings out;
  for (const Diagnostic& d : diagnostics) out.push_back(format_diagnostic_line(d));
  return out;
}

// The lines of a file, or none when it does not exist.
Strings read_lines(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  Strings out;
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Each `*.yaml` in tests/data/<folder>, sorted.
std::vector<std::filesystem::path> yaml_files(std::string_view folder) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::filesystem::path(EVENTGRAPH_TEST_DATA) / folder)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Loads every file of a folder and compares its one-line diagnostics with
// `<name>.expected` (no file: no diagnostics), like ninja's output tests.
void check_folder(std::string_view folder, bool valid, std::size_t at_least) {
  const auto files = yaml_files(folder);
  REQUIRE(files.size() >= at_least);
  for (const auto& file : files) {
    DYNAMIC_SECTION(file.filename().string()) {
      auto expected_path = file;
      expected_path.replace_extension(".expected");
      if (!valid) REQUIRE(std::filesystem::exists(expected_path));
      const LoadResult result = load_string(read_text(file), file.filename().string());
      CHECK(lines(result.diagnostics) == read_lines(expected_path));
      CHECK(result.ok() == valid);
    }
  }
}

}  // namespace

TEST_CASE("good data files load, with only the expected warnings", "[loader][data]") {
  check_folder("good", true, 6);
}

TEST_CASE("bad data files give exactly the expected diagnostics", "[loader][data]") {
  check_folder("bad", false, 19);
}

TEST_CASE("hostile data files give exactly the expected diagnostics", "[loader][data]") {
  check_folder("hostile", false, 20);
}

TEST_CASE("every expected-diagnostics file belongs to a data file", "[loader][data]") {
  for (std::string_view folder : {"good", "bad", "hostile"}) {
    for (const auto& entry : std::filesystem::directory_iterator(
             std::filesystem::path(EVENTGRAPH_TEST_DATA) / folder)) {
      if (entry.path().extension() != ".expected") continue;
      auto yaml = entry.path();
      yaml.replace_extension(".yaml");
      INFO(entry.path().string());
      CHECK(std::filesystem::exists(yaml));
    }
  }
}

TEST_CASE("the format documentation's example is valid", "[loader][data]") {
  // docs/format.md shows this file; the test keeps the two in step.
  const std::filesystem::path example =
      std::filesystem::path(EVENTGRAPH_TEST_DATA) / "good" / "format_example.yaml";
  const std::string text = read_text(example);
  const std::string doc =
      read_text(std::filesystem::path(EVENTGRAPH_SOURCE_DIR) / "docs" / "format.md");
  CHECK(doc.find("```yaml\n" + text + "```\n") != std::string::npos);

  const LoadResult result = load_string(text, "format_example.yaml");
  REQUIRE(result.ok());
  CHECK(result.diagnostics.empty());
  const auto& graph = *result.graph;
  CHECK(graph.events().size() == 8);
  CHECK(graph.actors().size() == 3);
  CHECK(graph.sources().size() == 2);
  CHECK(graph.relations().size() == 9);
}

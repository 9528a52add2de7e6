// eventgraph-generate: writes a deterministic synthetic event file.
//
//   eventgraph-generate --events 100000 --seed 1 -o bench/out/100k.yaml
//   eventgraph-generate --events 1000 --endpoints   # prints "e000000 e000999"
//   eventgraph-generate --events 1000 --chain       # the causes chain's ids
//
// The same --events and --seed give the same bytes everywhere; see
// tests/support/synthetic.h for what the file contains.
#include "tests/support/synthetic.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <system_error>

namespace {

// Writes next to the target and renames, so a reader never sees half a file.
bool write_atomically(const std::string& path, const std::string& text) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    if (!out.flush()) return false;
  }
  std::error_code error;
  std::filesystem::rename(temporary, path, error);
  return !error;
}

}  // namespace

int main(int argc, char** argv) {
  eventgraph::synthetic::SyntheticOptions options;
  std::string output;
  bool endpoints = false;
  bool chain = false;
  CLI::App app{"Writes a deterministic synthetic eventgraph event file", "eventgraph-generate"};
  app.add_option("--events", options.events, "Number of events")->required();
  app.add_option("--seed", options.seed, "Random seed; the same seed gives the same file")
      ->capture_default_str();
  app.add_option("--actors", options.actors, "Most actors to declare (at most events/2)")
      ->capture_default_str();
  app.add_option("--sources", options.sources, "Most sources to declare (at most events/2)")
      ->capture_default_str();
  app.add_option("-o,--output", output, "Write to this file instead of standard output");
  app.add_flag("--endpoints", endpoints,
               "Print the ids of the first and last event, which a causes path joins, and exit");
  app.add_flag("--chain", chain,
               "Print the ids of the causes chain from the first to the last event, one a line, "
               "instead of the file");
  CLI11_PARSE(app, argc, argv);

  if (endpoints) {
    const auto ends = eventgraph::synthetic::path_endpoints(options.events);
    std::cout << ends.from << ' ' << ends.to << '\n';
    return 0;
  }
  std::vector<std::string> chain_ids;
  const std::string yaml = eventgraph::synthetic::generate_event_yaml(options, &chain_ids);
  if (chain) {
    for (const std::string& id : chain_ids) std::cout << id << '\n';
    return std::cout.flush() ? 0 : 1;
  }
  if (output.empty() || output == "-") {
    std::cout << yaml;
    return std::cout.flush() ? 0 : 1;
  }
  if (!write_atomically(output, yaml)) {
    std::cerr << "eventgraph-generate: cannot write '" << output << "'\n";
    return 1;
  }
  return 0;
}

// Writing a dataset as an event file: readable YAML (block style, plain
// text where that is safe, quoted where it is not), with comments, that the
// loader reads back to the same dataset. Our own emitter, so that yaml-cpp
// stays behind the loader's door and every quoting rule is ours to test.
#pragma once

#include "engine/event.h"

#include <string>
#include <string_view>
#include <vector>

namespace eventgraph {

/// Comment lines to write into the file (without the `# `); line breaks
/// inside a line become spaces, so no comment can turn into data.
struct YamlComments {
  std::vector<std::string> header;               ///< at the top of the file
  std::vector<std::vector<std::string>> events;  ///< above each event, by index in dataset.events
  std::vector<std::string> footer;               ///< at the end of the file
};

/// The dataset as format-version-1 YAML: title, actors, sources, then the
/// events in the order given, each with the relations it lists (relations
/// go under their `from` event, in dataset order). Dates are always quoted.
///
/// Example:
///   std::string yaml = dataset_yaml(dataset, {.header = {"Imported from sheet.csv"}});
///   // load_string(yaml, "x.yaml") gives the same events back
std::string dataset_yaml(const Dataset& dataset, const YamlComments& comments = {});

/// One text value as YAML: plain when no YAML reader (1.1 or 1.2) could take
/// it for anything else, else double-quoted with escapes. For a key's value
/// on one line; multi-line text in a block is dataset_yaml's business.
std::string yaml_scalar(std::string_view text);

}  // namespace eventgraph

// Reading event files: YAML in, a validated EventGraph and diagnostics out.
#pragma once

#include "engine/diagnostic.h"
#include "engine/event.h"
#include "engine/event_graph.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph {

/// Limits that protect users from hostile or broken input. Each one, when
/// exceeded, is an error with a position, never a crash or a hang.
struct LoadOptions {
  std::size_t max_file_bytes = std::size_t{256} << 20;  ///< 256 MiB
  int max_depth = 64;                                   ///< nested maps and lists
  std::size_t max_events = 1'000'000;
  std::size_t max_alias_nodes = 1'000'000;  ///< nodes created by YAML aliases
  /// The highest EDTF level a date may use; a file's `edtf-level:` can lower it.
  EdtfLevel edtf_level = EdtfLevel::two;
};

/// What parse_dataset found: the model as written, and every problem in
/// the YAML and its fields (not yet the cross-references).
struct ParseResult {
  Dataset dataset;
  std::vector<Diagnostic> diagnostics;
};

/// Turns YAML text into a Dataset, reporting wrong types, missing and
/// unknown fields, bad dates, duplicate keys and hostile input.
ParseResult parse_dataset(std::string_view text, std::string file, const LoadOptions& options = {});

/// The outcome of loading: the graph when there are no errors, and every
/// diagnostic (errors and warnings) sorted by position.
struct LoadResult {
  std::optional<EventGraph> graph;
  std::vector<Diagnostic> diagnostics;
  std::string source;  ///< the file's text when there are diagnostics, to show lines

  bool ok() const { return graph.has_value(); }
};

/// Parses, validates and builds. Never throws.
///
/// Example:
///   auto result = load_string("eventgraph: 1\nevents: []\n", "inline.yaml");
///   assert(result.ok());
LoadResult load_string(std::string_view text, std::string file, const LoadOptions& options = {});

/// Reads a file and loads it; an unreadable or oversized file is a
/// diagnostic. Never throws.
LoadResult load_file(const std::filesystem::path& path, const LoadOptions& options = {});

}  // namespace eventgraph

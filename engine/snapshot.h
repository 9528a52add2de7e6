// Binary snapshots of loaded event files, so that repeat runs on an
// unchanged file skip parsing and validation.
#pragma once

#include "engine/loader.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace eventgraph {

/// Where and whether snapshots are kept.
struct CacheOptions {
  bool enabled = true;
  /// Empty: $EVENTGRAPH_CACHE_DIR, else $XDG_CACHE_HOME/eventgraph, else
  /// ~/.cache/eventgraph.
  std::filesystem::path directory;
};

/// The directory snapshots go to when CacheOptions::directory is empty.
std::filesystem::path default_cache_directory();

/// A snapshot's bytes: the valid dataset as the graph holds it, and the
/// warnings that loading it gave, keyed by the file's text and the engine
/// version. Exposed for tests.
std::string encode_snapshot(std::string_view file_text, const EventGraph& graph,
                            const std::vector<Diagnostic>& warnings);

/// Reads a snapshot made for exactly `file_text`; nullopt when it was made
/// for other text or another engine version, or is truncated or corrupt.
/// Never throws and never trusts a length it has not checked.
std::optional<LoadResult> decode_snapshot(std::string_view bytes, std::string_view file_text,
                                          const std::string& file);

/// load_file, answered from a snapshot when one matches the file's content;
/// after a cold load of a valid file, writes one (atomically: a temporary
/// file renamed into place, so concurrent runs never see half a snapshot).
/// Failing to read or write the cache is never an error.
LoadResult load_file_cached(const std::filesystem::path& path, const LoadOptions& options = {},
                            const CacheOptions& cache = {});

}  // namespace eventgraph

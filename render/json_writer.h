// JSON documents for scripts and editors. Every string is escaped by the
// JSON library; invalid UTF-8 from the command line becomes U+FFFD.
#pragma once

#include "engine/diagnostic.h"
#include "engine/edtf.h"
#include "engine/stats.h"

#include <span>
#include <string>
#include <vector>

namespace eventgraph {

/// The diagnostics of one checked file.
struct FileReport {
  std::string file;
  std::vector<Diagnostic> diagnostics;
};

/// `eventgraph check --format json`: {"eventgraph": 1, "valid": bool,
/// "files": [{"file", "valid", "errors", "warnings", "diagnostics": [...]}]}.
std::string check_json(std::span<const FileReport> reports);

/// `eventgraph date --format json`: {"eventgraph": 1, "dates": [...]}, one
/// object per string, as docs/json.md describes.
/// Dates above `max_level` are invalid, with an error naming the level they need.
std::string dates_json(std::span<const std::string> texts, EdtfLevel max_level = EdtfLevel::two);

/// `eventgraph stats --format json`.
std::string stats_json(const std::string& file, const GraphStats& stats);

}  // namespace eventgraph

// Reading a whole file with a size limit, shared by the loader and the
// snapshot cache.
#pragma once

#include "engine/diagnostic.h"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace eventgraph::detail {

/// The file's bytes, reading at most `max_bytes + 1` so that a huge (or
/// endless, like /dev/zero) file is caught without reading it all; on
/// failure, a diagnostic naming the file.
struct FileText {
  std::optional<std::string> text;
  Diagnostic problem;
};

FileText read_file(const std::filesystem::path& path, std::size_t max_bytes);

}  // namespace eventgraph::detail

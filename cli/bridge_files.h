// Writing the files `import` and `export` produce. One door, so that the
// project's one secure atomic writer replaces this one in a single place.
#pragma once

#include <filesystem>
#include <string>

namespace eventgraph::cli {

/// Writes `bytes` to `path` through a temporary file in the same folder
/// and a rename, so a reader never sees half a file and a failed run leaves
/// what was there. Returns an error message, or empty on success.
std::string write_output_file(const std::filesystem::path& path, const std::string& bytes);

}  // namespace eventgraph::cli

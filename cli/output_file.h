// Writing a command's output to the file -o names: the one place the CLI
// creates files.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace eventgraph::cli {

/// Writes `bytes` to `path` so that a reader never sees a partial file and
/// a failed run leaves none: a regular file (or a new one) is replaced by a
/// temporary made exclusively under an unpredictable name in the same
/// folder (mkstemp), then renamed over it, keeping the replaced file's mode
/// (a new file honours the umask). A character device or FIFO (`/dev/null`,
/// `/dev/stdout`, a named pipe, also through a symlink) is written in
/// place. A directory, a block device, a socket or a symlink to a regular
/// file is refused. Returns an error message, or "" on success.
///
/// Example:
///   if (auto error = write_file_atomically("out.svg", svg); !error.empty()) ...
std::string write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

/// One file of a set written together.
struct OutputFile {
  std::filesystem::path path;
  std::string_view bytes;
};

/// Writes several files as write_file_atomically does, all or nothing:
/// every file is written under its temporary name first, and only when all
/// of them are complete are they renamed over their targets. A file that
/// cannot be written (a full disk, a directory in the way) leaves every
/// target as it was. (Only a rename failing between the renames, which
/// the checks before make unlikely, could leave a mix; the error then says
/// that the files before it were replaced.)
std::string write_files_atomically(std::span<const OutputFile> files);

}  // namespace eventgraph::cli

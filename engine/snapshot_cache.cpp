// The snapshot cache's policy: where snapshots live, which ones are
// trusted, and how they are read and written. A snapshot is no more
// trusted than the file it stands for: only a regular file of ours, in a
// directory of ours that no one else can write, whose whole content checks
// out against the key of the exact bytes being loaded.
#include "engine/detail/read_file.h"
#include "engine/detail/snapshot_format.h"
#include "engine/snapshot.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <iostream>
#include <random>

namespace eventgraph {

using detail::FileKey;
using detail::Hash128;
using detail::hex;
using detail::key_of;

std::filesystem::path default_cache_directory() {
  if (const char* dir = std::getenv("EVENTGRAPH_CACHE_DIR"); dir && *dir) return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return std::filesystem::path(xdg) / "eventgraph";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::filesystem::path(home) / ".cache" / "eventgraph";
  }
  return {};
}

namespace {

// Whether the cache may trust what is in `info`: ours, and writable by no
// one else (as git's safe.directory and ssh decide).
bool owned_and_private(const struct stat& info) {
  return info.st_uid == ::geteuid() && (info.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

// A snapshot's bytes, read (not mapped: another process rewriting the
// file in place would make a mapping fault with SIGBUS). Opened without
// following a symlink and without blocking on a FIFO; only a regular file
// of ours, not writable by others and at most `max_bytes` long, is read.
std::optional<std::string> read_snapshot(const std::filesystem::path& path, std::size_t max_bytes) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) return std::nullopt;
  std::optional<std::string> bytes;
  struct stat info {};
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && owned_and_private(info) &&
      info.st_size > 0 && static_cast<std::uint64_t>(info.st_size) <= max_bytes) {
    std::string buffer(static_cast<std::size_t>(info.st_size), '\0');
    std::size_t got = 0;
    while (got < buffer.size()) {
      const ssize_t n = ::read(fd, buffer.data() + got, buffer.size() - got);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      got += static_cast<std::size_t>(n);
    }
    // Truncated meanwhile: whatever was read is checked like any other
    // bytes, and a short read fails the checksum.
    buffer.resize(got);
    bytes = std::move(buffer);
  }
  ::close(fd);
  return bytes;
}

// A path for a one-line message: control bytes shown as '?'.
std::string printable(std::string text) {
  for (char& c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
  }
  return text;
}

// Whether snapshots may be read from and written to `directory`: a real
// directory (not a symlink) of ours that no one else can write. Creates
// it (0700) when it is missing. A directory refused is named once on
// stderr, so that a user who shares a cache learns why it is not used.
bool usable_cache_directory(const std::filesystem::path& directory) {
  struct stat info {};
  if (::lstat(directory.c_str(), &info) != 0) {
    if (errno != ENOENT) return false;
    std::error_code ec;
    if (directory.has_parent_path())
      std::filesystem::create_directories(directory.parent_path(), ec);
    if (::mkdir(directory.c_str(), 0700) != 0 && errno != EEXIST) return false;
    if (::lstat(directory.c_str(), &info) != 0) return false;
  }
  if (S_ISDIR(info.st_mode) && owned_and_private(info)) return true;
  static std::atomic<bool> told{false};
  if (!told.exchange(true)) {
    std::cerr << "eventgraph: note: not using the cache directory '"
              << printable(directory.string())
              << "': it is not a directory of yours that only you can write\n";
  }
  return false;
}

// Writes `bytes` to a fresh file in `directory` (created exclusively under
// an unpredictable name, never through a symlink, mode 0600) and renames
// it to `target`. Any failure leaves no file behind and is not an error.
void write_snapshot(const std::filesystem::path& directory, const std::filesystem::path& target,
                    const std::string& bytes) {
  std::random_device entropy;
  const std::filesystem::path temporary =
      directory / (target.filename().string() + ".tmp." + std::to_string(::getpid()) + "." +
                   hex((std::uint64_t{entropy()} << 32) | entropy()));
  const int fd =
      ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return;
  bool ok = true;
  for (std::size_t done = 0; ok && done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  // close() reports what a full disk refused late (NFS, quotas).
  if (::close(fd) != 0) ok = false;
  if (!ok || ::rename(temporary.c_str(), target.c_str()) != 0) ::unlink(temporary.c_str());
}

}  // namespace

LoadResult load_file_cached(const std::filesystem::path& path, const LoadOptions& options,
                            const CacheOptions& cache) {
  const std::filesystem::path directory =
      cache.directory.empty() ? default_cache_directory() : cache.directory;
  if (!cache.enabled || directory.empty()) return load_file(path, options);
  // Only a regular file within the size limit is keyed: a pipe or
  // /dev/stdin has no second reading, and an oversized file is refused by
  // its size before a byte of it is read. load_file reads those once.
  struct stat input {};
  if (::stat(path.c_str(), &input) != 0 || !S_ISREG(input.st_mode) ||
      static_cast<std::uint64_t>(input.st_size) > options.max_file_bytes) {
    return load_file(path, options);
  }
  // A snapshot knows nothing of the limits it was made under: only the
  // default ones use the cache.
  const LoadOptions defaults;
  if (options.max_file_bytes != defaults.max_file_bytes ||
      options.max_depth != defaults.max_depth || options.max_events != defaults.max_events ||
      options.max_alias_nodes != defaults.max_alias_nodes) {
    return load_file(path, options);
  }
  if (!usable_cache_directory(directory)) return load_file(path, options);
  // Only the key first: the text is read whole only when it must be
  // shown (warnings) or loaded (no usable snapshot).
  const std::optional<FileKey> file_key = detail::key_of_file(path, options.max_file_bytes);
  if (!file_key) return load_file(path, options);
  auto snapshot_of_key = [&](const Hash128& key) {
    return directory / (hex(key.low) + hex(key.high) + ".snapshot");
  };
  // A snapshot holds the file's strings once more plus small framing, so a
  // few times the input's limit bounds any honest one.
  const std::size_t max_snapshot = options.max_file_bytes * 4 + (std::size_t{1} << 20);
  if (const auto bytes = read_snapshot(snapshot_of_key(file_key->key), max_snapshot)) {
    if (auto hit = detail::decode_keyed(*bytes, file_key->key, file_key->size, path.string())) {
      if (hit->diagnostics.empty()) return std::move(*hit);
      // The warnings quote the text, which must be what the key was made
      // from; if the file changed meanwhile, load it afresh.
      detail::FileText file = detail::read_file(path, options.max_file_bytes);
      if (file.text && key_of(*file.text) == file_key->key) {
        hit->source = std::move(*file.text);
        return std::move(*hit);
      }
    }
  }

  // Read, not mapped: the user may rewrite the event file in place while
  // we run, which would make a mapping fault.
  detail::FileText file = detail::read_file(path, options.max_file_bytes);
  if (!file.text) return load_file(path, options);
  const std::string_view text = *file.text;
  LoadResult result = load_string(text, path.string(), options);
  if (!result.ok()) return result;
  // Readers see the old snapshot or the whole new one, never a part.
  write_snapshot(directory, snapshot_of_key(key_of(text)),
                 encode_snapshot(text, *result.graph, result.diagnostics));
  return result;
}

}  // namespace eventgraph

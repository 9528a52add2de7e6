#include "cli/bridge_files.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace eventgraph::cli {

std::string write_output_file(const std::filesystem::path& path, const std::string& bytes) {
  namespace fs = std::filesystem;
  const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  std::string pattern = (folder / ("." + path.filename().string() + ".XXXXXX")).string();
  // mkstemp creates the file itself (O_EXCL, mode 0600): no symlink planted
  // at a guessable name can redirect the write.
  const int fd = mkstemp(pattern.data());
  if (fd < 0) return "cannot write '" + path.string() + "': " + std::strerror(errno);
  const fs::path temporary = pattern;
  std::size_t written = 0;
  bool ok = true;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ok = false;
      break;
    }
    written += static_cast<std::size_t>(n);
  }
  const int saved = errno;
  ok = ok && fchmod(fd, 0644) == 0 && fsync(fd) == 0;
  ok = (::close(fd) == 0) && ok;
  std::error_code error;
  if (!ok) {
    fs::remove(temporary, error);
    return "cannot write '" + path.string() + "': " + std::strerror(saved ? saved : errno);
  }
  fs::rename(temporary, path, error);
  if (error) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    return "cannot write '" + path.string() + "': " + error.message();
  }
  return {};
}

}  // namespace eventgraph::cli

#include "cli/output_file.h"

#include "cli/query_support.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace eventgraph::cli {

namespace {

std::string failure(const std::filesystem::path& path, const std::string& why) {
  return "cannot write '" + terminal_safe(path.string()) + "': " + why;
}

// Writes all of `bytes` to `fd`; errno is set when it returns false.
bool write_all(int fd, std::string_view bytes) {
  for (std::size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

// A device or pipe the user named: written as `cat > PATH` would.
std::string write_in_place(const std::filesystem::path& path, std::string_view bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) return failure(path, std::strerror(errno));
  const bool written = write_all(fd, bytes);
  const int write_errno = errno;
  if (::close(fd) != 0 && written) return failure(path, std::strerror(errno));
  return written ? std::string() : failure(path, std::strerror(write_errno));
}

mode_t current_umask() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

}  // namespace

std::string write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  struct stat link {};
  mode_t mode = 0666 & ~current_umask();
  if (::lstat(path.c_str(), &link) == 0) {
    struct stat target = link;
    if (S_ISLNK(link.st_mode) && ::stat(path.c_str(), &target) != 0) {
      return failure(path, "it is a dangling symlink");
    }
    if (S_ISCHR(target.st_mode) || S_ISFIFO(target.st_mode)) return write_in_place(path, bytes);
    if (S_ISDIR(target.st_mode)) return failure(path, "it is a directory");
    if (S_ISLNK(link.st_mode)) {
      return failure(path, "it is a symlink; give the path of the file it points to");
    }
    if (!S_ISREG(target.st_mode)) return failure(path, "it is not a regular file");
    mode = link.st_mode & 07777;
  } else if (errno != ENOENT) {
    return failure(path, std::strerror(errno));
  }
  const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : ".";
  std::string temporary = (folder / ("." + path.filename().string() + ".XXXXXX")).string();
  // mkstemp creates the file exclusively (O_EXCL) under a random name, so
  // nothing planted in a shared folder can be written through.
  const int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
  if (fd < 0) return failure(path, std::strerror(errno));
  bool ok = ::fchmod(fd, mode) == 0 && write_all(fd, bytes);
  int error = errno;
  if (::close(fd) != 0 && ok) ok = false, error = errno;
  if (ok && ::rename(temporary.c_str(), path.c_str()) != 0) ok = false, error = errno;
  if (!ok) {
    ::unlink(temporary.c_str());
    return failure(path, std::strerror(error));
  }
  return {};
}

}  // namespace eventgraph::cli

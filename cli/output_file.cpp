#include "cli/output_file.h"

#include "cli/query_support.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

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

/// A file written under a temporary name beside its target, to be renamed
/// over it; or, for a device or FIFO, already written in place.
struct Staged {
  std::filesystem::path path;
  std::string temporary;  ///< empty: nothing to rename
  std::string error;
};

Staged stage(const std::filesystem::path& path, std::string_view bytes) {
  Staged staged{path, {}, {}};
  struct stat link {};
  mode_t mode = 0666 & ~current_umask();
  if (::lstat(path.c_str(), &link) == 0) {
    struct stat target = link;
    if (S_ISLNK(link.st_mode) && ::stat(path.c_str(), &target) != 0) {
      staged.error = failure(path, "it is a dangling symlink");
      return staged;
    }
    if (S_ISCHR(target.st_mode) || S_ISFIFO(target.st_mode)) {
      staged.error = write_in_place(path, bytes);
      return staged;
    }
    if (S_ISDIR(target.st_mode)) {
      staged.error = failure(path, "it is a directory");
    } else if (S_ISLNK(link.st_mode)) {
      staged.error = failure(path, "it is a symlink; give the path of the file it points to");
    } else if (!S_ISREG(target.st_mode)) {
      staged.error = failure(path, "it is not a regular file");
    }
    if (!staged.error.empty()) return staged;
    mode = link.st_mode & 07777;
  } else if (errno != ENOENT) {
    staged.error = failure(path, std::strerror(errno));
    return staged;
  }
  const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : ".";
  std::string temporary = (folder / ("." + path.filename().string() + ".XXXXXX")).string();
  // mkstemp creates the file exclusively (O_EXCL) under a random name, so
  // nothing planted in a shared folder can be written through.
  const int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
  if (fd < 0) {
    staged.error = failure(path, std::strerror(errno));
    return staged;
  }
  bool ok = ::fchmod(fd, mode) == 0 && write_all(fd, bytes);
  int error = errno;
  if (::close(fd) != 0 && ok) ok = false, error = errno;
  if (!ok) {
    ::unlink(temporary.c_str());
    staged.error = failure(path, std::strerror(error));
    return staged;
  }
  staged.temporary = std::move(temporary);
  return staged;
}

std::string commit(Staged& staged) {
  if (staged.temporary.empty()) return {};
  if (::rename(staged.temporary.c_str(), staged.path.c_str()) != 0) {
    const int error = errno;
    ::unlink(staged.temporary.c_str());
    return failure(staged.path, std::strerror(error));
  }
  staged.temporary.clear();
  return {};
}

}  // namespace

std::string write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  Staged staged = stage(path, bytes);
  return staged.error.empty() ? commit(staged) : staged.error;
}

std::string write_files_atomically(std::span<const OutputFile> files) {
  std::vector<Staged> staged;
  // Nothing of a failed set reaches its targets.
  const auto discard = [&staged] {
    for (const Staged& s : staged) {
      if (!s.temporary.empty()) ::unlink(s.temporary.c_str());
    }
  };
  for (const OutputFile& file : files) {
    staged.push_back(stage(file.path, file.bytes));
    if (!staged.back().error.empty()) {
      discard();
      return staged.back().error;
    }
  }
  for (std::size_t i = 0; i < staged.size(); ++i) {
    if (std::string error = commit(staged[i]); !error.empty()) {
      discard();
      return i == 0 ? error : error + " (the files before it were already replaced)";
    }
  }
  return {};
}

}  // namespace eventgraph::cli

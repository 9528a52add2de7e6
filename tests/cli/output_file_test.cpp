#include "cli/output_file.h"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using eventgraph::cli::write_file_atomically;

namespace {

fs::path fresh_dir(const std::string& name) {
  const fs::path dir =
      fs::temp_directory_path() / ("eventgraph-output-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

mode_t mode_of(const fs::path& path) {
  struct stat info {};
  REQUIRE(::lstat(path.c_str(), &info) == 0);
  return info.st_mode;
}

}  // namespace

TEST_CASE("write_file_atomically replaces the file in one step") {
  const fs::path dir = fresh_dir("write");
  CHECK(write_file_atomically(dir / "a.txt", "one").empty());
  CHECK(write_file_atomically(dir / "a.txt", "two").empty());
  CHECK(read(dir / "a.txt") == "two");
  CHECK(names_in(dir) == std::vector<std::string>{"a.txt"});
  CHECK_FALSE(write_file_atomically(dir / "missing" / "a.txt", "x").empty());
  CHECK(names_in(dir) == std::vector<std::string>{"a.txt"});
  fs::remove_all(dir);
}

// Attack report H4: the temporary name was PATH.tmp.<pid> (timeline) or
// .NAME.<pid>.tmp (graph), opened without O_EXCL, so a symlink planted at
// it made the victim overwrite the file it pointed to.
TEST_CASE("write_file_atomically never writes through a planted temporary name") {
  const fs::path dir = fresh_dir("planted");
  std::ofstream(dir / "important.txt") << "keep me";
  const std::string pid = std::to_string(::getpid());
  fs::create_symlink(dir / "important.txt", dir / ("report.svg.tmp." + pid));
  fs::create_symlink(dir / "important.txt", dir / (".report.svg." + pid + ".tmp"));
  CHECK(write_file_atomically(dir / "report.svg", "<svg/>").empty());
  CHECK(read(dir / "important.txt") == "keep me");
  CHECK(read(dir / "report.svg") == "<svg/>");
  fs::remove_all(dir);
}

// Attack report H3: a FIFO or device at the path was replaced by a
// regular file (as root, `-o /dev/null` destroyed /dev/null).
TEST_CASE("write_file_atomically writes a FIFO in place") {
  const fs::path dir = fresh_dir("fifo");
  const fs::path fifo = dir / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  REQUIRE(reader >= 0);
  CHECK(write_file_atomically(fifo, "through the pipe").empty());
  CHECK(S_ISFIFO(mode_of(fifo)));
  char buffer[64] = {};
  const ssize_t got = ::read(reader, buffer, sizeof buffer);
  ::close(reader);
  CHECK(std::string(buffer, got > 0 ? static_cast<std::size_t>(got) : 0) == "through the pipe");
  // A character device, through the symlink /dev/stdout-style paths are.
  fs::create_symlink("/dev/null", dir / "null");
  CHECK(write_file_atomically(dir / "null", "gone").empty());
  CHECK(S_ISLNK(mode_of(dir / "null")));
  CHECK(S_ISCHR(mode_of("/dev/null")));
  fs::remove_all(dir);
}

// Attack report L2 and L9.
TEST_CASE("write_file_atomically refuses directories and symlinks, and keeps the mode") {
  const fs::path dir = fresh_dir("refuse");
  fs::create_directory(dir / "adir.svg");
  const std::string as_dir = write_file_atomically(dir / "adir.svg", "x");
  CHECK_THAT(as_dir, Contains("it is a directory"));
  CHECK(as_dir.find("Success") == std::string::npos);

  std::ofstream(dir / "target.svg") << "old";
  fs::create_symlink(dir / "target.svg", dir / "link.svg");
  CHECK_THAT(write_file_atomically(dir / "link.svg", "new"), Contains("symlink"));
  CHECK(S_ISLNK(mode_of(dir / "link.svg")));
  CHECK(read(dir / "target.svg") == "old");

  std::ofstream(dir / "private.svg") << "old";
  fs::permissions(dir / "private.svg", fs::perms(0600));
  CHECK(write_file_atomically(dir / "private.svg", "new").empty());
  CHECK((mode_of(dir / "private.svg") & 07777) == 0600);
  CHECK(read(dir / "private.svg") == "new");

  const mode_t mask = ::umask(027);
  CHECK(write_file_atomically(dir / "fresh.svg", "new").empty());
  ::umask(mask);
  CHECK((mode_of(dir / "fresh.svg") & 07777) == 0640);
  CHECK(names_in(dir) ==
        std::vector<std::string>{"adir.svg", "fresh.svg", "link.svg", "private.svg", "target.svg"});
  fs::remove_all(dir);
}

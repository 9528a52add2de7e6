// Running the built eventgraph binary from a test: exit code, stdout and
// stderr, in a private directory removed when the test process ends.
#pragma once

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace eventgraph::test {

struct CommandRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

/// A directory of this test process's own, removed at exit.
inline const std::filesystem::path& scratch_dir() {
  struct Dir {
    std::filesystem::path path;
    Dir() {
      std::string pattern =
          (std::filesystem::temp_directory_path() / "eventgraph-test-XXXXXX").string();
      if (mkdtemp(pattern.data()) != nullptr) path = pattern;
    }
    ~Dir() {
      std::error_code ignored;
      if (!path.empty()) std::filesystem::remove_all(path, ignored);
    }
  };
  static const Dir dir;
  REQUIRE_FALSE(dir.path.empty());
  return dir.path;
}

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Single-quoted for /bin/sh.
inline std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

/// Runs the binary with `args` in `folder`, with a cache of its own.
inline CommandRun run_eventgraph(const std::vector<std::string>& args,
                                 const std::filesystem::path& folder) {
  const std::filesystem::path out = scratch_dir() / "stdout", err = scratch_dir() / "stderr";
  std::string command = "cd " + shell_quote(folder.string()) + " && EVENTGRAPH_CACHE_DIR=" +
                        shell_quote((scratch_dir() / "cache").string()) + " " +
                        shell_quote(EVENTGRAPH_BINARY);
  for (const std::string& arg : args) command += " " + shell_quote(arg);
  command += " >" + shell_quote(out.string()) + " 2>" + shell_quote(err.string());
  const int status = std::system(command.c_str());
  INFO(command);
  REQUIRE(WIFEXITED(status));  // exited, not killed by a signal
  return {WEXITSTATUS(status), read_text(out), read_text(err)};
}

}  // namespace eventgraph::test

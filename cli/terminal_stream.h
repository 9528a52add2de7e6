// Standard error made safe for a terminal: whatever a message quotes (an
// argument, a file name, an id from the data, a library's own text), no
// control or bidi character reaches the terminal, so nothing can move the
// cursor, set the window title or reorder the line.
#pragma once

#include <ostream>
#include <streambuf>
#include <string>

namespace eventgraph::cli {

/// A stream buffer that passes text on to `target` one line at a time,
/// each line made terminal_safe (the line break itself is kept).
class TerminalSafeStreambuf final : public std::streambuf {
 public:
  explicit TerminalSafeStreambuf(std::streambuf* target) : target_(target) {}
  TerminalSafeStreambuf(const TerminalSafeStreambuf&) = delete;
  TerminalSafeStreambuf& operator=(const TerminalSafeStreambuf&) = delete;
  ~TerminalSafeStreambuf() override { sync(); }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* text, std::streamsize count) override;
  int sync() override;

 private:
  // Writes the pending line, made safe; false when the target failed.
  bool flush_line();

  std::streambuf* target_;
  std::string line_;
};

}  // namespace eventgraph::cli

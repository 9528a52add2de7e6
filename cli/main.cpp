#include "cli/command_line.h"
#include "cli/terminal_stream.h"

#include <iostream>

int main(int argc, char** argv) {
  // Nothing here writes through C stdio, so iostreams need not stay in step
  // with it. Unsynchronised, std::cin buffers its input, which lets batch
  // mode see how many requests are already waiting (in_avail) and answer
  // them together.
  std::ios::sync_with_stdio(false);
  // Messages quote arguments, file names and data: none of it may reach a
  // terminal as a control sequence (attack report L5).
  eventgraph::cli::TerminalSafeStreambuf safe_err(std::cerr.rdbuf());
  std::ostream err(&safe_err);
  const int code = eventgraph::cli::run_command_line(
      std::vector<std::string>(argv + 1, argv + argc), std::cout, err);
  err.flush();
  return code;
}

#include "cli/command_line.h"

#include <iostream>

int main(int argc, char** argv) {
  // Nothing here writes through C stdio, so iostreams need not stay in step
  // with it. Unsynchronised, std::cin buffers its input, which lets batch
  // mode see how many requests are already waiting (in_avail) and answer
  // them together.
  std::ios::sync_with_stdio(false);
  return eventgraph::cli::run_command_line(std::vector<std::string>(argv + 1, argv + argc),
                                           std::cout, std::cerr);
}

// Prints a synthetic event file: `synthetic_yaml EVENTS SEED`. Lets the
// browser tests open a generated timeline without the benchmark tools.
#include "tests/support/synthetic.h"

#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: synthetic_yaml EVENTS SEED\n";
    return 2;
  }
  eventgraph::synthetic::SyntheticOptions options;
  options.events = std::strtoull(argv[1], nullptr, 10);
  options.seed = std::strtoull(argv[2], nullptr, 10);
  std::cout << eventgraph::synthetic::generate_event_yaml(options);
  return 0;
}

// Prints the causal chain behind an event: everything that led up to it,
// and the chain of causes from the earliest of them.
//
// Usage: causal_chain FILE EVENT-ID
#include "engine/loader.h"
#include "engine/paths.h"
#include "engine/suggest.h"
#include "engine/traversal.h"

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: causal_chain FILE EVENT-ID\n";
    return 2;
  }
  // Loading never throws: problems come back as diagnostics.
  eventgraph::LoadResult loaded = eventgraph::load_file(argv[1]);
  if (!loaded.ok()) {
    for (const auto& d : loaded.diagnostics) std::cerr << format_diagnostic(d, loaded.source);
    return 1;
  }
  const eventgraph::EventGraph& graph = *loaded.graph;
  const auto event = graph.find_event(argv[2]);
  if (!event) {
    std::cerr << "unknown event '" << argv[2] << "'"
              << eventgraph::did_you_mean(argv[2], graph.event_ids()) << '\n';
    return 2;
  }

  // Every cause, and every cause of a cause, in chronological order.
  const std::vector<eventgraph::Reached> causes = eventgraph::ancestors(graph, *event, {});
  std::cout << "What led up to " << graph.event(*event).id << ": " << graph.event(*event).title
            << '\n';
  if (causes.empty()) {
    std::cout << "  nothing in this file\n";
    return 0;
  }
  for (const eventgraph::Reached& cause : causes) {
    const eventgraph::Event& e = graph.event(cause.event);
    std::cout << "  " << e.date.text() << "  " << e.id << " (" << cause.distance
              << (cause.distance == 1 ? " step" : " steps") << " before)\n";
  }

  // The chain from the earliest cause, step by step, with who disputes each link.
  const auto chain = eventgraph::shortest_path(graph, causes.front().event, *event, {});
  std::cout << "The chain from the earliest cause:\n";
  for (std::size_t i = 0; i < chain->events.size(); ++i) {
    std::cout << "  " << graph.event(chain->events[i]).id << '\n';
    if (i == chain->relations.size()) break;
    const eventgraph::Relation& link = graph.relation(chain->relations[i]);
    std::cout << "    causes";
    for (const std::string& actor : link.disputed_by) std::cout << " (disputed by " << actor << ")";
    std::cout << '\n';
  }
  return 0;
}

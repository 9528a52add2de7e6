// Fuzzes the snapshot decoder with payloads whose header and checksum are
// valid, so that every input reaches the record reader (random bytes would
// stop at the checksum). A decoded graph must hold what a loaded one can:
// ids unique, relation ends in range, dates that print, text the loader
// would let through.
#include "engine/detail/snapshot_format.h"
#include "engine/detail/text_checks.h"
#include "engine/snapshot.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view payload(reinterpret_cast<const char*>(data), size);
  constexpr std::string_view kText = "eventgraph: 1\nevents: []\n";
  const std::string bytes = eventgraph::detail::seal_snapshot(kText, payload);
  const auto result = eventgraph::decode_snapshot(bytes, kText, "fuzz.yaml");
  if (!result) return 0;
  if (!result->ok()) std::abort();
  const eventgraph::EventGraph& graph = *result->graph;
  for (const eventgraph::Event& e : graph.events()) {
    if (eventgraph::detail::check_scalar(e.id) || eventgraph::detail::check_scalar(e.title)) {
      std::abort();
    }
    if (!graph.find_event(e.id)) std::abort();
    (void)e.date.text();
  }
  for (eventgraph::RelationIndex i = 0; i < graph.relations().size(); ++i) {
    const eventgraph::Endpoints ends = graph.endpoints(i);
    if (ends.from >= graph.events().size() || ends.to >= graph.events().size()) std::abort();
  }
  for (const eventgraph::Diagnostic& d : result->diagnostics) {
    (void)eventgraph::format_diagnostic(d, result->source);
  }
  return 0;
}

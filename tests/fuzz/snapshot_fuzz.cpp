// Fuzzes the snapshot decoder with payloads whose header and checksum are
// valid, so that every input reaches the record reader (random bytes would
// stop at the checksum). A decoded graph must hold what a loaded one can
// (tests/support/graph_invariants.h).
#include "engine/detail/snapshot_format.h"
#include "engine/snapshot.h"
#include "tests/support/graph_invariants.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view payload(reinterpret_cast<const char*>(data), size);
  constexpr std::string_view kText = "eventgraph: 1\nevents: []\n";
  const std::string bytes = eventgraph::detail::seal_snapshot(kText, payload);
  const auto result = eventgraph::decode_snapshot(bytes, kText, "fuzz.yaml");
  if (result && !eventgraph::testing::graph_invariant_violation(*result).empty()) std::abort();
  return 0;
}

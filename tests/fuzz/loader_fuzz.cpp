// Fuzzes the YAML loader: bytes in, diagnostics (or a graph) out. Every
// diagnostic must have a message, and a graph only comes without errors.
#include "engine/loader.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  eventgraph::LoadOptions options;
  options.max_alias_nodes = 10'000;  // keeps each run fast; the limit itself is tested
  const eventgraph::LoadResult result = eventgraph::load_string(text, "fuzz.yaml", options);
  if (result.ok() == eventgraph::has_errors(result.diagnostics)) std::abort();
  for (const eventgraph::Diagnostic& d : result.diagnostics) {
    if (d.message.empty()) std::abort();
    if (d.location.line < 0 || d.location.column < 0) std::abort();
    (void)eventgraph::format_diagnostic(d, result.source);
  }
  return 0;
}

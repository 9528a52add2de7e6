// Fuzzes the EDTF parser: any bytes in, a date or an error out, and the
// invariants every valid date keeps.
#include "engine/edtf.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const eventgraph::EdtfParseResult result = eventgraph::parse_edtf(text);
  if (result.ok() != result.error.empty()) std::abort();  // exactly one of date or error
  if (!result.ok()) return 0;
  const eventgraph::EdtfDate& d = result.date;
  if (d.text() != text) std::abort();
  if (d.known_first() > d.known_last()) std::abort();
  if (d.earliest() && d.latest() && *d.earliest() > *d.latest()) std::abort();
  if (eventgraph::format_day(d.known_first()).empty()) std::abort();
  return 0;
}

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
  // The level is the lowest that accepts the text: one lower refuses it.
  if (!eventgraph::parse_edtf(text, d.level()).ok()) std::abort();
  if (d.level() != eventgraph::EdtfLevel::zero &&
      eventgraph::parse_edtf(text,
                             static_cast<eventgraph::EdtfLevel>(static_cast<int>(d.level()) - 1))
          .ok()) {
    std::abort();
  }
  // Every member of a set lies inside the set's known days, and its text
  // lies inside the set's text.
  for (const eventgraph::SetMember& m : d.members()) {
    if (m.days().first() < d.known_first() || m.days().last() > d.known_last()) std::abort();
    if (m.text_offset + m.text_length > d.text().size()) std::abort();
    if (!eventgraph::parse_edtf(d.member_text(m).substr(0, d.member_text(m).find(".."))).ok() &&
        d.member_text(m).find("..") != 0) {
      std::abort();
    }
  }
  return 0;
}

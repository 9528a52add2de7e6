// Writing a timeline layout as one self-contained SVG document: styles in
// one embedded <style> scoped to the document's id, no scripts, no event
// handlers, no external files, and every text from the data escaped by one
// function, xml_escape().
#pragma once

#include "render/timeline_layout.h"

#include <string>
#include <string_view>

namespace eventgraph {

/// Escapes text for XML character data and attribute values: `&`, `<`,
/// `>`, `"` and `'` become entities, characters XML 1.0 forbids (most
/// control characters, U+FFFE, U+FFFF) and bidi overrides, embeddings and
/// isolates (U+202A..U+202E, U+2066..U+2069) are dropped, and malformed
/// UTF-8 becomes U+FFFD. The one door for data into the SVG.
std::string xml_escape(std::string_view text);

/// True for an absolute `http://` or `https://` URL (any letter case)
/// without spaces, quotes, angle brackets or control characters. Links to
/// anything else (`javascript:`, `data:`, relative paths) are never written.
bool is_web_url(std::string_view url);

/// The SVG document for a layout. `theme` picks the colours; `automatic`
/// writes the light colours and a `prefers-color-scheme: dark` block.
/// Deterministic: the same layout gives the same bytes.
std::string write_svg(const TimelineLayout& layout, ThemeMode theme);

}  // namespace eventgraph

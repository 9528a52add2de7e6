// Plain-text helpers the renderers and the command line share.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph {

/// Replaces control characters (tabs and newlines included) with spaces and
/// malformed UTF-8 bytes with U+FFFD, so text is safe in XML 1.0.
std::string clean_text(std::string_view text);

/// Splits cleaned text into lines of at most `width` characters (code
/// points) at spaces; a longer word gets a line of its own. Text without
/// words gives one empty line.
std::vector<std::string> wrap_words(std::string_view text, std::size_t width);

/// The items with `separator` between them: join({"a", "b"}) is "a, b".
std::string join(std::span<const std::string> items, std::string_view separator = ", ");

}  // namespace eventgraph

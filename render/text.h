// Plain-text helpers the renderers and the command line share.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph {

/// What malformed UTF-8 reads as: U+FFFD REPLACEMENT CHARACTER.
inline constexpr char32_t kReplacementCharacter = 0xFFFD;

/// Reads the next UTF-8 code point of `text` at `pos` and advances `pos`.
/// Malformed or overlong sequences and surrogates read as U+FFFD, one byte at
/// a time, so any byte string can be measured and escaped.
char32_t next_code_point(std::string_view text, std::size_t& pos);

/// Bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069): they
/// could make drawn text read differently from the data ("Trojan Source"),
/// so every view drops them.
constexpr bool is_bidi_control(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/// Appends `cp` to `out` as UTF-8.
void append_utf8(std::string& out, char32_t cp);

/// Replaces control characters (C0 and C1, tabs and newlines included) with
/// spaces, drops bidi embeddings, overrides and isolates (U+202A-202E,
/// U+2066-2069), and replaces malformed UTF-8 bytes with U+FFFD, so text is
/// safe in XML 1.0 and reads in the order it is written.
std::string clean_text(std::string_view text);

/// Splits cleaned text into lines of at most `width` characters (code
/// points) at spaces; a longer word gets a line of its own. Text without
/// words gives one empty line.
std::vector<std::string> wrap_words(std::string_view text, std::size_t width);

/// The items with `separator` between them: join({"a", "b"}) is "a, b".
std::string join(std::span<const std::string> items, std::string_view separator = ", ");

}  // namespace eventgraph

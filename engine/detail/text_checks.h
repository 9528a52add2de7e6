// Checks on raw text: the bytes a YAML file may hold, and the characters a
// field may hold so that every output format can carry it.
#pragma once

#include "engine/diagnostic.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph::detail {

struct TextProblem {
  Location location;  ///< byte column
  std::string message;
  std::string hint;
};

/// Decodes one UTF-8 sequence at `text[i]`; returns its length, or 0 when it
/// is malformed, overlong, a surrogate or beyond U+10FFFF.
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& out);

/// The first byte sequence that is not valid UTF-8 or not allowed in YAML
/// (NUL and other control characters but tab, newline and carriage return).
std::optional<TextProblem> check_yaml_text(std::string_view text);

/// A field value's first disallowed character, as a message ("contains the
/// control character U+0000"), or nullopt. Escapes in quoted YAML strings
/// can produce what the file's bytes cannot.
std::optional<std::string> check_scalar(std::string_view value);

/// Text for quoting in a message: at most 40 characters, with `…` when cut,
/// non-printable bytes as \xNN.
std::string quote(std::string_view text);

/// Turns byte columns (as yaml-cpp counts) into character columns (as
/// editors count) for diagnostics about `text`.
void to_character_columns(std::string_view text, std::vector<Diagnostic>& diagnostics);

}  // namespace eventgraph::detail

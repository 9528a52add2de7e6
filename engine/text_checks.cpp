#include "engine/detail/text_checks.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace eventgraph::detail {

std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& out) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) {
    out = lead;
    return 1;
  }
  std::size_t length;
  char32_t min;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, min = 0x80, out = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, min = 0x800, out = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, min = 0x10000, out = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    out = (out << 6) | (byte(i + k) & 0x3F);
  }
  if (out < min || out > 0x10FFFF || (out >= 0xD800 && out <= 0xDFFF)) return 0;
  return length;
}

namespace {

// YAML's printable set (YAML 1.2, c-printable), less what we also refuse.
bool yaml_printable(char32_t c) {
  return c == 0x09 || c == 0x0A || c == 0x0D || (c >= 0x20 && c <= 0x7E) || c == 0x85 ||
         (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

std::string code_point(char32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
  return buffer;
}

}  // namespace

std::optional<TextProblem> check_yaml_text(std::string_view text) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    const std::size_t length = decode_utf8(text, i, c);
    const Location here{line, static_cast<int>(i - line_start) + 1};
    if (length == 0) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "0x%02X", static_cast<unsigned char>(text[i]));
      return TextProblem{
          here, std::string("invalid utf-8: byte ") + buffer + " at line " + std::to_string(line),
          "save the file as UTF-8"};
    }
    if (!yaml_printable(c) || c == 0xFEFF) {
      const bool nul = c == 0;
      return TextProblem{
          here,
          (nul ? "nul byte" : "the character " + code_point(c)) + " is not allowed in a yaml file",
          nul ? "the file may be binary or UTF-16; save it as UTF-8 text"
              : "remove it, or write it as an escape inside a quoted string"};
    }
    if (c == '\n') {
      ++line;
      line_start = i + 1;
    }
    i += length;
  }
  return std::nullopt;
}

std::optional<std::string> check_scalar(std::string_view value) {
  for (std::size_t i = 0; i < value.size();) {
    char32_t c = 0;
    const std::size_t length = decode_utf8(value, i, c);
    if (length == 0) return "contains invalid utf-8";
    const bool allowed_control = c == '\n' || c == '\t';
    if ((c < 0x20 && !allowed_control) || c == 0x7F || (c >= 0x80 && c <= 0x9F) ||
        (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF) {
      return "contains the control character " + code_point(c);
    }
    i += length;
  }
  return std::nullopt;
}

std::string quote(std::string_view text) {
  constexpr std::size_t kMaxCharacters = 40;
  std::string out;
  std::size_t characters = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (characters == kMaxCharacters) return out + "…";
    char32_t c = 0;
    const std::size_t length = decode_utf8(text, i, c);
    if (length == 0 || c < 0x20 || c == 0x7F) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02X", static_cast<unsigned char>(text[i]));
      out += buffer;
      i += 1;
    } else {
      out.append(text.substr(i, length));
      i += length;
    }
    ++characters;
  }
  return out;
}

void to_character_columns(std::string_view text, std::vector<Diagnostic>& diagnostics) {
  if (diagnostics.empty()) return;
  std::vector<std::size_t> line_starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts.push_back(i + 1);
  }
  for (Diagnostic& d : diagnostics) {
    if (d.location.line <= 0 || d.location.column <= 1) continue;
    const auto line = static_cast<std::size_t>(d.location.line);
    if (line > line_starts.size()) continue;
    const std::size_t start = line_starts[line - 1];
    const std::size_t end =
        std::min(text.size(), start + static_cast<std::size_t>(d.location.column - 1));
    // Count the bytes that begin a character.
    int column = 1;
    for (std::size_t i = start; i < end; ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    }
    d.location.column = column;
  }
}

}  // namespace eventgraph::detail

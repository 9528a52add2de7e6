#include "cli/terminal_stream.h"

#include "cli/query_support.h"

namespace eventgraph::cli {

bool TerminalSafeStreambuf::flush_line() {
  const std::string safe = terminal_safe(line_);
  line_.clear();
  const auto size = static_cast<std::streamsize>(safe.size());
  return target_->sputn(safe.data(), size) == size;
}

TerminalSafeStreambuf::int_type TerminalSafeStreambuf::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  const char ch = traits_type::to_char_type(c);
  if (ch != '\n') {
    line_ += ch;
    return c;
  }
  // Bytes of one UTF-8 character never hold a line break, so a line is
  // always whole characters and can be cleaned on its own.
  if (!flush_line()) return traits_type::eof();
  return traits_type::eq_int_type(target_->sputc('\n'), traits_type::eof()) ? traits_type::eof()
                                                                            : c;
}

std::streamsize TerminalSafeStreambuf::xsputn(const char* text, std::streamsize count) {
  for (std::streamsize i = 0; i < count; ++i) {
    if (traits_type::eq_int_type(overflow(traits_type::to_int_type(text[i])), traits_type::eof())) {
      return i;
    }
  }
  return count;
}

int TerminalSafeStreambuf::sync() {
  if (!line_.empty() && !flush_line()) return -1;
  return target_->pubsync();
}

}  // namespace eventgraph::cli

#include "engine/diagnostic.h"

#include "engine/detail/text_checks.h"

#include <algorithm>
#include <tuple>

namespace eventgraph {

std::string_view to_string(Severity severity) {
  return severity == Severity::error ? "error" : "warning";
}

std::string format_diagnostic_line(const Diagnostic& d) {
  std::string out = d.file;
  if (d.location.line > 0) {
    out += ':' + std::to_string(d.location.line);
    if (d.location.column > 0) out += ':' + std::to_string(d.location.column);
  }
  out += ": ";
  out += to_string(d.severity);
  out += ": ";
  out += d.message;
  return out;
}

namespace {

// The text of 1-based line `line`, without its line ending.
std::string_view source_line(std::string_view source, int line) {
  std::size_t start = 0;
  for (int i = 1; i < line; ++i) {
    std::size_t newline = source.find('\n', start);
    if (newline == std::string_view::npos) return {};
    start = newline + 1;
  }
  std::size_t end = source.find('\n', start);
  std::string_view text =
      source.substr(start, end == std::string_view::npos ? source.size() - start : end - start);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return text;
}

// The diagnostic with `line`, the text of its source line (empty: none).
std::string format_with_line(const Diagnostic& d, std::string_view line) {
  std::string out = format_diagnostic_line(d) + '\n';
  // Long lines (minified files, huge scalars) would flood the terminal, and
  // a line with bytes a terminal cannot show safely is left out.
  constexpr std::size_t kMaxShown = 160;
  if (!line.empty() && line.size() <= kMaxShown && !detail::check_scalar(line)) {
    out += "  ";
    out += line;
    out += "\n  ";
    // One space per character before the column (columns count characters,
    // not bytes); keep tabs so the caret lines up under tab-indented text.
    int column = 1;
    for (std::size_t i = 0; i < line.size() && column < d.location.column; ++i) {
      if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;  // continuation byte
      out += line[i] == '\t' ? '\t' : ' ';
      ++column;
    }
    out += "^\n";
  }
  if (!d.hint.empty()) out += "  hint: " + d.hint + '\n';
  return out;
}

}  // namespace

std::string format_diagnostic(const Diagnostic& d, std::string_view source) {
  return format_with_line(d, d.location.line > 0 ? source_line(source, d.location.line) : "");
}

std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics,
                               std::string_view source) {
  std::vector<std::size_t> line_starts;
  if (!diagnostics.empty() && !source.empty()) {
    line_starts.push_back(0);
    for (std::size_t i = source.find('\n'); i != std::string_view::npos;
         i = source.find('\n', i + 1)) {
      line_starts.push_back(i + 1);
    }
  }
  std::string out;
  for (const Diagnostic& d : diagnostics) {
    std::string_view line;
    const auto number = static_cast<std::size_t>(std::max(d.location.line, 0));
    if (number > 0 && number <= line_starts.size()) {
      line = source_line(source.substr(line_starts[number - 1]), 1);
    }
    out += format_with_line(d, line);
  }
  return out;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

void sort_diagnostics(std::vector<Diagnostic>& diagnostics) {
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.file, a.location.line, a.location.column, a.message) <
                            std::tie(b.file, b.location.line, b.location.column, b.message);
                   });
}

}  // namespace eventgraph

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

}  // namespace

std::string format_diagnostic(const Diagnostic& d, std::string_view source) {
  std::string out = format_diagnostic_line(d) + '\n';
  if (d.location.line > 0 && !source.empty()) {
    std::string_view line = source_line(source, d.location.line);
    // Long lines (minified files, huge scalars) would flood the terminal.
    constexpr std::size_t kMaxShown = 160;
    // A line with bytes a terminal cannot show safely is left out.
    if (!line.empty() && line.size() <= kMaxShown && !detail::check_scalar(line)) {
      out += "  ";
      out += line;
      out += "\n  ";
      // Keep tabs so the caret lines up under tab-indented text.
      for (int i = 1; i < d.location.column && static_cast<std::size_t>(i) <= line.size(); ++i) {
        out += line[static_cast<std::size_t>(i - 1)] == '\t' ? '\t' : ' ';
      }
      out += "^\n";
    }
  }
  if (!d.hint.empty()) out += "  hint: " + d.hint + '\n';
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

// Problems found in input, as data: where, how bad, what, and how to fix it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace eventgraph {

enum class Severity { error, warning };

/// "error" or "warning".
std::string_view to_string(Severity severity);

/// A 1-based position in a file. Line 0 means "the whole file".
struct Location {
  int line = 0;
  int column = 0;
  friend bool operator==(const Location&, const Location&) = default;
};

/// One problem in one file.
struct Diagnostic {
  std::string file;
  Location location;
  Severity severity = Severity::error;
  std::string message;  ///< lowercase, one line, quotes the offending token
  std::string hint;     ///< how to fix it, or empty
};

/// `FILE:LINE:COLUMN: error: message`, the one-line form.
std::string format_diagnostic_line(const Diagnostic& diagnostic);

/// The one-line form, then the offending source line with a caret under the
/// column and `hint: ...` when there is a hint. `source` is the whole file
/// text; pass an empty view to get just the one-line form and hint.
std::string format_diagnostic(const Diagnostic& diagnostic, std::string_view source);

/// Every diagnostic formatted as format_diagnostic() does, indexing the
/// source's lines once (so thousands of diagnostics stay fast).
std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics, std::string_view source);

/// True when any diagnostic is an error.
bool has_errors(const std::vector<Diagnostic>& diagnostics);

/// Orders diagnostics by file, line, column, then message, so output never
/// depends on the order checks ran in.
void sort_diagnostics(std::vector<Diagnostic>& diagnostics);

}  // namespace eventgraph

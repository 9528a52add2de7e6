// Reading CSV and TSV as spreadsheets write them (RFC 4180): quoted fields
// with doubled quotes and line breaks inside, CRLF or LF line ends, a UTF-8
// byte order mark, and every field's position for error messages.
#pragma once

#include "engine/diagnostic.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph {

/// One field as read, with where it starts in the file.
struct CsvField {
  std::string text;
  Location location;  ///< 1-based line and character column of the field's first character
};

/// One record: the header, or a data row.
struct CsvRow {
  std::vector<CsvField> fields;
  int row = 0;  ///< 1-based, as a spreadsheet numbers rows (the header is row 1)
};

/// What read_csv found: every row (the first is the header), or the first
/// problem, located.
struct CsvTable {
  std::vector<CsvRow> rows;
  std::optional<Diagnostic> error;
  bool ok() const { return !error.has_value(); }
};

/// Limits that keep a hostile file from exhausting memory.
struct CsvLimits {
  std::size_t max_rows = 10'000'000;
  std::size_t max_columns = 10'000;
};

/// Splits `text` into rows of fields separated by `delimiter` (',' or '\t').
/// A field that starts with `"` is quoted: it runs to the next lone `"`, and
/// `""` inside is one quote. A quote inside an unquoted field is kept as
/// text, as spreadsheets do. Blank lines are skipped. Errors: invalid UTF-8,
/// NUL bytes, an unclosed quote (at the quote that opened it), and text
/// after a closing quote.
///
/// Example:
///   CsvTable t = read_csv("id,title\r\na,\"Hello, world\"\r\n", "x.csv");
///   // t.rows[1].fields[1].text == "Hello, world"
CsvTable read_csv(std::string_view text, const std::string& file, char delimiter = ',',
                  const CsvLimits& limits = {});

/// Spreadsheet column letters: 0 is "A", 25 "Z", 26 "AA".
std::string column_letters(std::size_t index);

}  // namespace eventgraph

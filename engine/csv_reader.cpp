#include "engine/csv_reader.h"

#include "engine/detail/text_checks.h"

#include <cstdio>

namespace eventgraph {

namespace {

class CsvScanner {
 public:
  CsvScanner(std::string_view text, const std::string& file, char delimiter,
             const CsvLimits& limits)
      : text_(text), file_(file), delimiter_(delimiter), limits_(limits) {}

  CsvTable run() {
    if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;  // a byte order mark is invisible
    if (!check_encoding()) return std::move(table_);
    int row_number = 0;
    while (pos_ < text_.size() && !table_.error) {
      if (at_line_end()) {  // a blank line
        skip_line_end();
        continue;
      }
      CsvRow row;
      row.row = ++row_number;
      if (!read_row(row)) break;
      if (table_.rows.size() >= limits_.max_rows) {
        fail(row.fields.front().location, "more than " + std::to_string(limits_.max_rows) + " rows",
             "split the file");
        break;
      }
      table_.rows.push_back(std::move(row));
    }
    return std::move(table_);
  }

 private:
  // Every byte must be UTF-8, and there may be no NUL: a file that fails
  // is in another encoding, and each field would otherwise be garbled.
  bool check_encoding() {
    int line = 1, column = 1;
    for (std::size_t i = pos_; i < text_.size();) {
      char32_t c = 0;
      const std::size_t length = detail::decode_utf8(text_, i, c);
      if (length == 0 || c == 0) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text_[i]));
        fail({line, column},
             length == 0 ? std::string("invalid utf-8: byte ") + byte : std::string("nul byte"),
             length == 0 ? "save the file as CSV UTF-8 (in a spreadsheet: Save as, CSV UTF-8)"
                         : "the file may be UTF-16; save it as CSV UTF-8");
        return false;
      }
      if (c == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
      i += length;
    }
    return true;
  }

  bool at_line_end() const { return text_[pos_] == '\n' || text_[pos_] == '\r'; }

  void skip_line_end() {
    if (text_[pos_] == '\r') advance();
    if (pos_ < text_.size() && text_[pos_] == '\n') advance();
  }

  void advance() {
    const char c = text_[pos_++];
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column_;
    }
  }

  // Reads fields up to the end of the line (or the file).
  bool read_row(CsvRow& row) {
    while (true) {
      if (row.fields.size() >= limits_.max_columns) {
        fail({line_, column_}, "more than " + std::to_string(limits_.max_columns) + " columns", "");
        return false;
      }
      CsvField field;
      field.location = {line_, column_};
      if (pos_ < text_.size() && text_[pos_] == '"') {
        if (!read_quoted(field)) return false;
      } else {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] != delimiter_ && !at_line_end()) advance();
        field.text.assign(text_.substr(start, pos_ - start));
      }
      row.fields.push_back(std::move(field));
      if (pos_ >= text_.size()) return true;
      if (text_[pos_] == delimiter_) {
        advance();
        if (pos_ >= text_.size() || at_line_end()) {  // a trailing empty field
          row.fields.push_back({std::string(), {line_, column_}});
          if (pos_ < text_.size()) skip_line_end();
          return true;
        }
        continue;
      }
      skip_line_end();
      return true;
    }
  }

  bool read_quoted(CsvField& field) {
    const Location opened{line_, column_};
    advance();  // the opening quote
    while (true) {
      if (pos_ >= text_.size()) {
        fail(opened, "unclosed quote: the quoted field starting here never ends",
             "close it with '\"', and write a quote inside it as '\"\"'");
        return false;
      }
      const char c = text_[pos_];
      if (c == '"') {
        advance();
        if (pos_ < text_.size() && text_[pos_] == '"') {
          field.text += '"';
          advance();
          continue;
        }
        break;
      }
      if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
        advance();  // CRLF inside a field is a line break, kept as LF
        continue;
      }
      field.text += c;
      advance();
    }
    if (pos_ < text_.size() && text_[pos_] != delimiter_ && !at_line_end()) {
      fail({line_, column_},
           "unexpected text after a closing quote (a quote inside a quoted field is written "
           "'\"\"')",
           "quote the whole field and double every quote inside it");
      return false;
    }
    return true;
  }

  void fail(Location at, std::string message, std::string hint) {
    table_.error = Diagnostic{file_, at, Severity::error, std::move(message), std::move(hint)};
  }

  std::string_view text_;
  const std::string& file_;
  char delimiter_;
  const CsvLimits& limits_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
  CsvTable table_;
};

}  // namespace

CsvTable read_csv(std::string_view text, const std::string& file, char delimiter,
                  const CsvLimits& limits) {
  return CsvScanner(text, file, delimiter, limits).run();
}

std::string column_letters(std::size_t index) {
  std::string letters;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters;
}

}  // namespace eventgraph

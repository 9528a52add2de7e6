#include "render/event_table.h"

#include "render/date_words.h"
#include "render/text.h"

#include <algorithm>
#include <map>
#include <vector>

namespace eventgraph {

namespace {

// A text cell that a spreadsheet would run as a formula (`=`, `+`, `-`,
// `@`, tab or CR first) gets a leading `'`, as OWASP advises: event files
// may come from anyone. Dates are ours and keep their sign.
std::string csv_field(std::string_view text, bool is_text = true) {
  std::string cell;
  if (is_text && !text.empty() &&
      std::string_view("=+-@\t\r").find(text[0]) != std::string_view::npos) {
    cell = "'";
  }
  cell += text;
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string day_or_empty(const std::optional<Day>& day) {
  return day ? format_day(*day) : std::string();
}

// "Title. Publisher, Author, 23 Jan 2024. <url>", each part only if present.
std::string source_entry(const Source& source) {
  std::string entry = markdown_cell_text(source.title.empty() ? source.id : source.title);
  std::string details;
  for (const std::string* part : {&source.publisher, &source.author}) {
    if (part->empty()) continue;
    if (!details.empty()) details += ", ";
    details += markdown_cell_text(*part);
  }
  if (source.date) {
    if (!details.empty()) details += ", ";
    details += markdown_cell_text(describe_date(*source.date));
  }
  if (!details.empty()) entry += " — " + details;
  // A URL is shown as text, not a link: the data decides no link targets
  // (markdown_cell_text also stops GFM's autolinks).
  if (!source.url.empty()) entry += " (" + markdown_cell_text(source.url) + ")";
  return entry;
}

bool ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool ends_with_word(std::string_view before, std::string_view word) {
  if (before.size() < word.size()) return false;
  const std::string_view tail = before.substr(before.size() - word.size());
  for (std::size_t i = 0; i < word.size(); ++i) {
    if ((tail[i] | 0x20) != word[i]) return false;
  }
  return before.size() == word.size() || !ascii_alpha(before[before.size() - word.size() - 1]);
}

/// Whether GitHub-Flavored Markdown's extended autolinks would make a link
/// of the text around `text[i]`: a `:` after a scheme (`https://`,
/// `ftp://`, `mailto:`, `xmpp:`) or the `.` of a word-initial `www.`.
/// Backslash-escaping that one character stops cmark-gfm from linking.
bool starts_autolink(std::string_view text, std::size_t i) {
  const std::string_view before = text.substr(0, i);
  if (text[i] == ':') {
    if (i + 1 < text.size() && text[i + 1] == '/') return i > 0 && ascii_alpha(text[i - 1]);
    return ends_with_word(before, "mailto") || ends_with_word(before, "xmpp");
  }
  return text[i] == '.' && ends_with_word(before, "www");
}

}  // namespace

std::string markdown_cell_text(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == ':' || c == '.') && starts_autolink(text, i)) {
      escaped += '\\';
      escaped += c;
      continue;
    }
    switch (c) {
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '&':
        escaped += "&amp;";
        break;
      case '\r':
      case '\n':
      case '\t':
        escaped += ' ';
        break;
      // Emphasis, links, cells and code; CommonMark lets any ASCII
      // punctuation be backslash-escaped. Without `[` no `](` link can form,
      // and a cell never starts a line, so `#`, `-` and `>` need nothing.
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '|':
      case '~':
        escaped += '\\';
        escaped += c;
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

std::string events_csv(const EventGraph& graph, std::span<const EventIndex> events) {
  std::string csv = "id,date,earliest,latest,precision,kind,title,actors,place,tags,sources\r\n";
  for (EventIndex index : events) {
    const Event& e = graph.event(index);
    const std::string fields[] = {e.id,
                                  e.date.text(),
                                  day_or_empty(e.date.earliest()),
                                  day_or_empty(e.date.latest()),
                                  std::string(to_string(e.date.precision())),
                                  e.kind,
                                  e.title,
                                  join(e.actors, ";"),
                                  e.place,
                                  join(e.tags, ";"),
                                  join(e.sources, ";")};
    for (std::size_t i = 0; i < std::size(fields); ++i) {
      if (i) csv += ',';
      csv += csv_field(fields[i], /*is_text=*/i == 0 || i > 4);
    }
    csv += "\r\n";
  }
  return csv;
}

std::string events_markdown(const EventGraph& graph, std::span<const EventIndex> events) {
  std::map<std::string_view, std::size_t> number_of_source;  // by id, from 1
  std::vector<std::string_view> cited;                       // ids in citation order
  std::string table = "| Date | Event | Sources |\n|---|---|---|\n";
  for (EventIndex index : events) {
    const Event& e = graph.event(index);
    std::vector<std::size_t> numbers;
    for (const std::string& id : e.sources) {
      auto [it, added] = number_of_source.try_emplace(id, cited.size() + 1);
      if (added) cited.push_back(id);
      numbers.push_back(it->second);
    }
    std::sort(numbers.begin(), numbers.end());
    std::string citations;
    for (std::size_t number : numbers) {
      if (!citations.empty()) citations += ", ";
      citations += std::to_string(number);
    }
    table += "| " + markdown_cell_text(describe_date(e.date)) + " | " +
             markdown_cell_text(e.title) + " | " + citations + " |\n";
  }
  if (cited.empty()) return table;
  table += "\nSources:\n\n";
  for (std::size_t i = 0; i < cited.size(); ++i) {
    const Source* source = graph.find_source(cited[i]);
    table += std::to_string(i + 1) + ". ";
    table += source ? source_entry(*source) : markdown_cell_text(cited[i]);
    table += '\n';
  }
  return table;
}

}  // namespace eventgraph

#include "engine/yaml_writer.h"

#include "engine/detail/text_checks.h"

#include <array>
#include <cstdio>
#include <unordered_map>

namespace eventgraph {

namespace {

// Code points that no plain or block scalar may hold: controls, the YAML 1.1
// line breaks (NEL, LS, PS), the byte order mark, non-characters.
bool needs_escape(char32_t c) {
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 ||
         c == 0xFEFF || c == 0xFFFE || c == 0xFFFF;
}

// Words YAML 1.1 or 1.2 reads as booleans or null.
bool is_reserved_word(std::string_view text) {
  constexpr std::array<std::string_view, 9> kWords = {"y",   "n",    "yes",   "no",  "on",
                                                      "off", "true", "false", "null"};
  if (text.size() > 5) return false;
  std::string lower;
  for (char c : text) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  for (std::string_view word : kWords) {
    if (lower == word) return true;
  }
  return false;
}

// Plain is safe for text that starts with a letter, holds only letters,
// digits, spaces and a few harmless marks, ends without a space and is no
// reserved word: no indicator, comment, number, date or flow punctuation
// can then arise, in block or in flow context.
bool plain_is_safe(std::string_view text) {
  if (text.empty() || is_reserved_word(text) || text.back() == ' ') return false;
  const auto first = static_cast<unsigned char>(text.front());
  const bool letter_first =
      (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first >= 0x80;
  if (!letter_first) return false;
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    const std::size_t length = detail::decode_utf8(text, i, c);
    if (length == 0 || needs_escape(c)) return false;
    if (c < 0x80) {
      const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == ' ' || c == '-' || c == '_' || c == '.' || c == '/' || c == '(' ||
                      c == ')' || c == '\'' || c == '&' || c == '+';
      if (!ok) return false;
    }
    i += length;
  }
  return true;
}

std::string double_quoted(std::string_view text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    std::size_t length = detail::decode_utf8(text, i, c);
    if (length == 0) {  // not UTF-8: write what the loader would show
      out += "\\uFFFD";
      i += 1;
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (needs_escape(c)) {
          char buffer[12];
          std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(c));
          out += buffer;
        } else {
          out.append(text.substr(i, length));
        }
    }
    i += length;
  }
  return out + '"';
}

// A literal block (`|-`) keeps multi-line text readable; it is used only
// when it reads back exactly: no leading space or line break (which would
// need an indentation indicator), no trailing line break or blank (which
// chomping or editors would change), nothing that needs an escape.
bool literal_block_is_safe(std::string_view text) {
  if (text.find('\n') == std::string_view::npos) return false;
  if (text.front() == ' ' || text.front() == '\n' || text.front() == '\t') return false;
  const char last = text.back();
  if (last == '\n' || last == ' ' || last == '\t') return false;
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    const std::size_t length = detail::decode_utf8(text, i, c);
    if (length == 0 || (needs_escape(c) && c != '\n' && c != '\t')) return false;
    // A blank before a line break is invisible and often stripped.
    if ((c == ' ' || c == '\t') && i + 1 < text.size() && text[i + 1] == '\n') return false;
    i += length;
  }
  return true;
}

std::string comment_text(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    std::size_t length = detail::decode_utf8(text, i, c);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      i += 1;
      continue;
    }
    if (needs_escape(c)) {
      out += ' ';
    } else {
      out.append(text.substr(i, length));
    }
    i += length;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  void comment(std::string_view indent, std::string_view text) {
    const std::string line = comment_text(text);
    out_ += indent;
    out_ += line.empty() ? "#" : "# " + line;
    out_ += '\n';
  }

  void text_field(std::string_view indent, std::string_view key, std::string_view value) {
    if (value.empty()) return;
    out_ += indent;
    out_ += key;
    if (literal_block_is_safe(value)) {
      out_ += ": |-\n";
      const std::string deeper = std::string(indent) + "  ";
      std::size_t start = 0;
      while (start <= value.size()) {
        const std::size_t end = std::min(value.find('\n', start), value.size());
        const std::string_view line = value.substr(start, end - start);
        if (!line.empty()) {
          out_ += deeper;
          out_ += line;
        }
        out_ += '\n';
        start = end + 1;
      }
      return;
    }
    out_ += ": ";
    out_ += yaml_scalar(value);
    out_ += '\n';
  }

  void quoted_field(std::string_view indent, std::string_view key, std::string_view value) {
    out_ += indent;
    out_ += key;
    out_ += ": ";
    out_ += double_quoted(value);
    out_ += '\n';
  }

  void list_field(std::string_view indent, std::string_view key,
                  const std::vector<std::string>& items) {
    if (items.empty()) return;
    out_ += indent;
    out_ += key;
    out_ += ": [";
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i) out_ += ", ";
      out_ += yaml_scalar(items[i]);
    }
    out_ += "]\n";
  }

  void relation(const Relation& r) {
    const bool short_form =
        r.sources.empty() && r.claimed_by.empty() && r.disputed_by.empty() && r.note.empty();
    if (short_form) {
      out_ += "      - " + yaml_scalar(r.to) + "\n";
      return;
    }
    out_ += "      - event: " + yaml_scalar(r.to) + "\n";
    list_field("        ", "sources", r.sources);
    list_field("        ", "claimed_by", r.claimed_by);
    list_field("        ", "disputed_by", r.disputed_by);
    text_field("        ", "note", r.note);
  }

 private:
  std::string& out_;
};

}  // namespace

std::string yaml_scalar(std::string_view text) {
  return plain_is_safe(text) ? std::string(text) : double_quoted(text);
}

std::string dataset_yaml(const Dataset& dataset, const YamlComments& comments) {
  std::string out;
  out.reserve(dataset.events.size() * 400 + 1024);
  Writer w(out);
  for (const std::string& line : comments.header) w.comment("", line);
  out += "eventgraph: 1\n";
  w.text_field("", "title", dataset.title);

  if (!dataset.actors.empty()) {
    out += "\nactors:\n";
    for (const Actor& a : dataset.actors) {
      out += "  " + yaml_scalar(a.id) + ":\n";
      w.text_field("    ", "name", a.name);
      w.text_field("    ", "role", a.role);
      w.text_field("    ", "affiliation", a.affiliation);
    }
  }
  if (!dataset.sources.empty()) {
    out += "\nsources:\n";
    for (const Source& s : dataset.sources) {
      out += "  " + yaml_scalar(s.id) + ":\n";
      w.text_field("    ", "title", s.title);
      w.text_field("    ", "publisher", s.publisher);
      w.text_field("    ", "author", s.author);
      if (s.date) w.quoted_field("    ", "date", s.date->text());
      w.text_field("    ", "url", s.url);
    }
  }

  std::unordered_map<std::string_view, std::vector<std::size_t>> listed_by;
  for (std::size_t i = 0; i < dataset.relations.size(); ++i) {
    listed_by[dataset.relations[i].from].push_back(i);
  }
  out += dataset.events.empty() ? "\nevents: []\n" : "\nevents:\n";
  for (std::size_t i = 0; i < dataset.events.size(); ++i) {
    const Event& e = dataset.events[i];
    if (i) out += '\n';
    if (i < comments.events.size()) {
      for (const std::string& line : comments.events[i]) w.comment("  ", line);
    }
    out += "  - id: " + yaml_scalar(e.id) + "\n";
    w.text_field("    ", "title", e.title);
    w.quoted_field("    ", "date", e.date.text());
    w.text_field("    ", "kind", e.kind);
    w.list_field("    ", "actors", e.actors);
    w.text_field("    ", "place", e.place);
    w.list_field("    ", "tags", e.tags);
    w.text_field("    ", "summary", e.summary);
    w.list_field("    ", "sources", e.sources);
    auto listed = listed_by.find(e.id);
    if (listed == listed_by.end()) continue;
    for (RelationKind kind : kAllRelationKinds) {
      bool opened = false;
      for (std::size_t r : listed->second) {
        const Relation& relation = dataset.relations[r];
        if (relation.kind != kind) continue;
        if (!opened) out += "    " + std::string(to_string(kind)) + ":\n";
        opened = true;
        w.relation(relation);
      }
    }
  }
  if (!comments.footer.empty()) out += '\n';
  for (const std::string& line : comments.footer) w.comment("", line);
  return out;
}

}  // namespace eventgraph

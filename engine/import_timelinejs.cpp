// TimelineJS: its JSON ({"title", "events", "eras"}) and its Google Sheets
// template saved as CSV (Year, Month, Day, ..., Headline, Text, Media, ...).
// Both become slides, and each slide an event.
#include "engine/csv_reader.h"
#include "engine/detail/import_dates.h"
#include "engine/detail/import_draft.h"
#include "engine/detail/json_input.h"
#include "engine/detail/text_checks.h"

#include <charconv>
#include <map>

namespace eventgraph::detail {

namespace {

using nlohmann::json;

struct SlideDate {
  bool present = false;
  std::string year, month, day, time, display;
  Origin origin;
};

struct Slide {
  SlideDate start, end;
  std::string headline, text, group, type, unique_id, display_date, edtf;
  std::string media_url, media_caption, media_credit;
  std::vector<std::string> extra;  ///< "key: value" of what has no place
  Origin origin;
};

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

// TimelineJS headlines and texts are HTML: tags go (paragraphs and breaks
// become line breaks), entities are decoded, blank runs collapse.
std::string html_to_text(std::string_view html) {
  static const std::map<std::string_view, std::string_view> kEntities = {
      {"amp", "&"},   {"lt", "<"},    {"gt", ">"},    {"quot", "\""},  {"apos", "'"},
      {"nbsp", " "},  {"ndash", "–"}, {"mdash", "—"}, {"hellip", "…"}, {"rsquo", "’"},
      {"lsquo", "‘"}, {"rdquo", "”"}, {"ldquo", "“"}, {"eacute", "é"}, {"copy", "©"}};
  std::string out;
  for (std::size_t i = 0; i < html.size();) {
    const char c = html[i];
    if (c == '<') {
      const std::size_t close = html.find('>', i);
      if (close == std::string_view::npos) {
        out.append(html.substr(i));
        break;
      }
      std::string tag;
      for (char t : html.substr(i + 1, close - i - 1)) {
        if (t == ' ' || (t == '/' && !tag.empty())) break;
        if (t != '/') tag += static_cast<char>(t >= 'A' && t <= 'Z' ? t - 'A' + 'a' : t);
      }
      if (tag == "br" || tag == "p" || tag == "li" || tag == "div") out += '\n';
      i = close + 1;
      continue;
    }
    if (c == '&') {
      const std::size_t semi = html.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 10) {
        const std::string_view name = html.substr(i + 1, semi - i - 1);
        if (name.starts_with('#') && name.size() > 1) {
          const bool hex = name[1] == 'x' || name[1] == 'X';
          const std::string_view digits = name.substr(hex ? 2 : 1);
          unsigned long code = 0;
          auto [end, ec] =
              std::from_chars(digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
          if (ec == std::errc() && end == digits.data() + digits.size() && code > 0 &&
              code <= 0x10FFFF && !(code >= 0xD800 && code <= 0xDFFF)) {
            append_utf8(out, static_cast<char32_t>(code));
            i = semi + 1;
            continue;
          }
        } else if (auto entity = kEntities.find(name); entity != kEntities.end()) {
          out += entity->second;
          i = semi + 1;
          continue;
        }
      }
    }
    out += c;
    ++i;
  }
  // Collapse spaces and blank lines; trim each line.
  std::string clean;
  std::size_t start = 0;
  while (start <= out.size()) {
    const std::size_t end = std::min(out.find('\n', start), out.size());
    std::string line;
    bool space = false;
    for (char ch : std::string_view(out).substr(start, end - start)) {
      if (ch == ' ' || ch == '\t' || ch == '\r') {
        space = !line.empty();
        continue;
      }
      if (space) line += ' ';
      space = false;
      line += ch;
    }
    if (!line.empty()) clean += (clean.empty() ? "" : "\n") + line;
    start = end + 1;
  }
  return clean;
}

std::optional<std::int64_t> integer(std::string_view text) {
  text = trim(text);
  if (text.starts_with('+')) text.remove_prefix(1);
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

class SlideMapper {
 public:
  SlideMapper(Draft& draft, const std::string& file) : draft_(draft), file_(file) {}

  // Returns the EDTF of one TimelineJS date object, or nullopt (with an error).
  std::optional<std::string> date_text(const SlideDate& d, DraftEvent& event) {
    const auto year = integer(d.year);
    if (!year) {
      draft_.error(d.origin,
                   d.year.empty() ? "no year" : "the year '" + quote(d.year) + "' is not a number",
                   "TimelineJS dates need a year: 2022, or -500 for 500 BCE", file_);
      return std::nullopt;
    }
    const auto astronomical = astronomical_from_timelinejs(*year);
    if (!astronomical) {
      draft_.error(d.origin, "year 0 is not a year in TimelineJS's numbering",
                   "TimelineJS counts -1 for 1 BCE and 1 for 1 CE; EDTF's 0000 is 1 BCE", file_);
      return std::nullopt;
    }
    std::optional<int> month, day;
    for (auto [text, out, name] :
         {std::tuple{&d.month, &month, "month"}, std::tuple{&d.day, &day, "day"}}) {
      if (trim(*text).empty()) continue;
      const auto value = integer(*text);
      if (!value || *value < 1 || *value > 31) {
        draft_.error(d.origin,
                     std::string("the ") + name + " '" + quote(*text) + "' is not a number from 1",
                     "", file_);
        return std::nullopt;
      }
      *out = static_cast<int>(*value);
    }
    if (day && !month) {
      draft_.error(d.origin, "a day without a month", "give the month too", file_);
      return std::nullopt;
    }
    EdtfParseResult parsed = edtf_from_parts(*astronomical, month, day);
    if (!parsed.ok()) {
      draft_.error(d.origin, parsed.error, "", file_);
      return std::nullopt;
    }
    if (!trim(d.time).empty()) event.notes.push_back("not mapped: time " + d.time);
    return parsed.date.text();
  }

  void add(Slide s, bool era) {
    DraftEvent d;
    d.origin = s.origin;
    d.id = s.unique_id;
    Event& e = d.event;
    e.title = html_to_text(s.headline);
    e.summary = html_to_text(s.text);
    if (e.title.empty()) {
      e.title = e.summary.substr(0, e.summary.find('\n'));
      if (e.title.size() > 80) e.title = e.title.substr(0, e.title.rfind(' ', 80)) + " …";
      if (e.title.empty()) {
        draft_.error(s.origin, "the slide has no headline and no text", "give it a headline",
                     file_);
        return;
      }
      draft_.warning(s.origin, "no headline: the title is the text's first words", "", file_);
    }
    if (!s.start.present) {
      draft_.error(s.origin, "no start_date", "every TimelineJS slide but the title has one",
                   file_);
      return;
    }
    auto first = date_text(s.start, d);
    if (!first) return;
    std::string text = *first;
    if (s.end.present) {
      auto last = date_text(s.end, d);
      if (!last) return;
      if (*last != *first) text += "/" + *last;
    }
    // eventgraph's own TimelineJS export also writes the EDTF date, which
    // keeps what date objects cannot (seasons, '?', '~', open ends); it
    // counts when it agrees with the date objects.
    if (!s.edtf.empty()) {
      EdtfParseResult own = parse_edtf(s.edtf);
      EdtfParseResult objects = parse_edtf(text);
      if (own.ok() && objects.ok() && own.date.known_first() == objects.date.known_first()) {
        text = s.edtf;
      } else {
        d.notes.push_back("not mapped: edtf " + s.edtf + " (differs from the date objects)");
      }
    }
    EdtfParseResult parsed = parse_edtf(text);
    if (!parsed.ok()) {
      draft_.error(s.origin, parsed.error, "the end_date must not come before the start_date",
                   file_);
      return;
    }
    e.date = parsed.date;
    if (era) e.kind = "era";
    if (!s.type.empty() && !era) d.notes.push_back("not mapped: type " + s.type);
    if (!s.group.empty()) e.tags.push_back(s.group);
    const bool media_is_url =
        s.media_url.starts_with("http://") || s.media_url.starts_with("https://");
    if (!s.media_url.empty() && !media_is_url) {
      // Embedded media (a blockquote, an iframe) has no address to cite.
      d.notes.push_back("not mapped: media " + html_to_text(s.media_url));
    } else if (!s.media_url.empty()) {
      Source media;
      media.id = "media " + (s.media_caption.empty() ? e.title : html_to_text(s.media_caption));
      media.title =
          "[media] " + (s.media_caption.empty() ? s.media_url : html_to_text(s.media_caption));
      media.author = html_to_text(s.media_credit);
      media.url = s.media_url;
      e.sources.push_back(draft_.registry.add_source(std::move(media), draft_.sources));
    }
    if (!s.display_date.empty()) d.notes.push_back("display_date: " + s.display_date);
    for (const std::string& extra : s.extra) d.notes.push_back("not mapped: " + extra);
    draft_.events.push_back(std::move(d));
  }

 private:
  Draft& draft_;
  const std::string& file_;
};

// ---- JSON ----

std::string scalar_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
  if (value.is_number()) return value.dump();
  return {};
}

SlideDate json_date(const json& object, const std::string& pointer, Slide& slide) {
  SlideDate d;
  d.origin.where = pointer;
  if (!object.is_object()) return d;
  d.present = true;
  for (const auto& [key, value] : object.items()) {
    if (key == "year")
      d.year = scalar_text(value);
    else if (key == "month")
      d.month = scalar_text(value);
    else if (key == "day")
      d.day = scalar_text(value);
    else if (key == "display_date")
      d.display = scalar_text(value);
    else if (key == "hour" || key == "minute" || key == "second" || key == "millisecond") {
      if (!scalar_text(value).empty())
        d.time += (d.time.empty() ? "" : " ") + key + " " + scalar_text(value);
    } else if (key == "format") {
    } else {
      slide.extra.push_back(pointer + "/" + key + ": " + value.dump());
    }
  }
  if (!d.display.empty()) slide.display_date = d.display;
  return d;
}

Slide json_slide(const json& value, const std::string& pointer) {
  Slide s;
  s.origin.where = pointer;
  for (const auto& [key, field] : value.items()) {
    if (key == "start_date")
      s.start = json_date(field, pointer + "/start_date", s);
    else if (key == "end_date")
      s.end = json_date(field, pointer + "/end_date", s);
    else if (key == "text" && field.is_object()) {
      s.headline = field.value("headline", "");
      s.text = field.value("text", "");
    } else if (key == "media" && field.is_object()) {
      s.media_url = field.value("url", "");
      s.media_caption = field.value("caption", "");
      s.media_credit = field.value("credit", "");
    } else if (key == "group")
      s.group = scalar_text(field);
    else if (key == "unique_id")
      s.unique_id = scalar_text(field);
    else if (key == "display_date")
      s.display_date = scalar_text(field);
    else if (key == "edtf")
      s.edtf = scalar_text(field);
    else if (key == "autolink") {
    } else
      s.extra.push_back(key + ": " + field.dump());
  }
  return s;
}

}  // namespace

Draft read_timelinejs(std::string_view text, const std::string& file) {
  Draft draft;
  JsonInput input = parse_json_input(text, file);
  if (input.error) {
    draft.diagnostics.push_back(*input.error);
    return draft;
  }
  const json& root = input.document;
  if (!root.is_object() || !root.contains("events") || !root["events"].is_array()) {
    draft.error({{}, root.is_object() ? "/events" : "at the top"},
                "a TimelineJS file is a map with an \"events\" list",
                "see TimelineJS's JSON format: {\"title\": ..., \"events\": [...]}", file);
    return draft;
  }
  SlideMapper mapper(draft, file);
  if (const auto title = root.find("title"); title != root.end() && title->is_object()) {
    const Slide s = json_slide(*title, "/title");
    draft.title = html_to_text(s.headline);
    if (!s.text.empty()) draft.header.push_back("Title slide text: " + html_to_text(s.text));
    if (!s.media_url.empty()) draft.unmapped.push_back("/title/media: " + s.media_url);
  }
  const json& events = root["events"];
  for (std::size_t i = 0; i < events.size(); ++i) {
    const std::string pointer = pointer_child("/events", i);
    if (!events[i].is_object()) {
      draft.error({{}, pointer}, "each slide must be a map", "", file);
      continue;
    }
    mapper.add(json_slide(events[i], pointer), false);
  }
  if (const auto eras = root.find("eras"); eras != root.end() && eras->is_array()) {
    for (std::size_t i = 0; i < eras->size(); ++i) {
      if ((*eras)[i].is_object())
        mapper.add(json_slide((*eras)[i], pointer_child("/eras", i)), true);
    }
  }
  for (const auto& [key, value] : root.items()) {
    if (key != "title" && key != "events" && key != "eras") {
      draft.unmapped.push_back("/" + key + ": " + value.dump().substr(0, 200));
    }
  }
  return draft;
}

Draft read_timelinejs_sheet(std::string_view text, const std::string& file) {
  Draft draft;
  CsvTable table = read_csv(text, file);
  if (!table.ok()) {
    draft.diagnostics.push_back(*table.error);
    return draft;
  }
  if (table.rows.empty()) {
    draft.diagnostics.push_back({file, {1, 1}, Severity::error, "the file is empty", ""});
    return draft;
  }
  std::map<std::string, std::size_t> column;  // lowercased header -> index
  const CsvRow& header = table.rows.front();
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    std::string name(trim(header.fields[i].text));
    for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    column.emplace(name, i);
  }
  constexpr std::string_view kKnown[] = {
      "year",      "month",   "day",          "time",          "end year",
      "end month", "end day", "end time",     "display date",  "headline",
      "text",      "media",   "media credit", "media caption", "media thumbnail",
      "type",      "group",   "background",   "unique id",     "edtf"};
  for (const auto& [name, index] : column) {
    if (std::find(std::begin(kKnown), std::end(kKnown), name) == std::end(kKnown)) {
      draft.unmapped.push_back("column " + column_letters(index) + " '" +
                               std::string(trim(header.fields[index].text)) +
                               "' (kept as comments)");
    }
  }
  SlideMapper mapper(draft, file);
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const CsvRow& row = table.rows[r];
    auto cell = [&](std::string_view name) -> std::string {
      auto found = column.find(std::string(name));
      if (found == column.end() || found->second >= row.fields.size()) return {};
      return std::string(trim(row.fields[found->second].text));
    };
    auto at = [&](std::string_view name) {
      Origin o{row.fields.front().location, "row " + std::to_string(row.row)};
      if (auto found = column.find(std::string(name)); found != column.end()) {
        o.where += ", column " + column_letters(found->second) + " '" +
                   std::string(trim(header.fields[found->second].text)) + "'";
        if (found->second < row.fields.size()) o.location = row.fields[found->second].location;
      }
      return o;
    };
    Slide s;
    s.origin = {row.fields.front().location, "row " + std::to_string(row.row)};
    s.start = {!cell("year").empty(), cell("year"), cell("month"), cell("day"),
               cell("time"),          "",           at("year")};
    s.end = {!cell("end year").empty(),
             cell("end year"),
             cell("end month"),
             cell("end day"),
             cell("end time"),
             "",
             at("end year")};
    s.display_date = cell("display date");
    s.headline = cell("headline");
    s.text = cell("text");
    s.media_url = cell("media");
    s.media_caption = cell("media caption");
    s.media_credit = cell("media credit");
    s.group = cell("group");
    s.unique_id = cell("unique id");
    s.edtf = cell("edtf");
    std::string type = cell("type");
    for (char& c : type) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (!cell("background").empty()) s.extra.push_back("background: " + cell("background"));
    for (const auto& [name, index] : column) {
      if (std::find(std::begin(kKnown), std::end(kKnown), name) == std::end(kKnown) &&
          index < row.fields.size() && !trim(row.fields[index].text).empty()) {
        s.extra.push_back(std::string(trim(header.fields[index].text)) + ": " +
                          std::string(trim(row.fields[index].text)));
      }
    }
    bool blank = true;
    for (const CsvField& f : row.fields) blank = blank && trim(f.text).empty();
    if (blank) continue;
    if (type == "title") {
      draft.title = html_to_text(s.headline);
      if (!s.text.empty()) draft.header.push_back("Title slide text: " + html_to_text(s.text));
      continue;
    }
    if (!s.start.present && type != "era") {
      s.start.origin = at("year");
    }
    s.type = type;
    mapper.add(std::move(s), type == "era");
  }
  return draft;
}

}  // namespace eventgraph::detail

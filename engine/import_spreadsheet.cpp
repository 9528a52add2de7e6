// Spreadsheets (CSV and TSV): the header row names the fields, by the
// names people use (title, headline, when, who, ...) or by --map.
#include "engine/csv_reader.h"
#include "engine/detail/import_dates.h"
#include "engine/detail/import_draft.h"
#include "engine/detail/text_checks.h"
#include "engine/suggest.h"

#include <algorithm>
#include <array>
#include <map>

namespace eventgraph::detail {

namespace {

enum class Field {
  none,
  id,
  title,
  date,
  start,
  end,
  kind,
  actors,
  place,
  tags,
  summary,
  sources,
  url,
  causes,
  references,
  contradicts,
  derived,
};

// Header names, lowercased with everything but letters and digits removed.
constexpr std::array<std::pair<std::string_view, Field>, 58> kSynonyms = {{
    {"id", Field::id},
    {"identifier", Field::id},
    {"slug", Field::id},
    {"eventid", Field::id},
    {"uniqueid", Field::id},
    {"key", Field::id},
    {"title", Field::title},
    {"headline", Field::title},
    {"event", Field::title},
    {"eventname", Field::title},
    {"name", Field::title},
    {"label", Field::title},
    {"date", Field::date},
    {"when", Field::date},
    {"eventdate", Field::date},
    {"year", Field::date},
    {"edtf", Field::date},
    {"start", Field::start},
    {"startdate", Field::start},
    {"from", Field::start},
    {"begin", Field::start},
    {"begins", Field::start},
    {"end", Field::end},
    {"enddate", Field::end},
    {"to", Field::end},
    {"until", Field::end},
    {"ends", Field::end},
    {"kind", Field::kind},
    {"type", Field::kind},
    {"category", Field::kind},
    {"eventtype", Field::kind},
    {"actors", Field::actors},
    {"actor", Field::actors},
    {"who", Field::actors},
    {"participants", Field::actors},
    {"people", Field::actors},
    {"place", Field::place},
    {"location", Field::place},
    {"where", Field::place},
    {"tags", Field::tags},
    {"tag", Field::tags},
    {"keywords", Field::tags},
    {"summary", Field::summary},
    {"description", Field::summary},
    {"text", Field::summary},
    {"details", Field::summary},
    {"sources", Field::sources},
    {"source", Field::sources},
    {"url", Field::url},
    {"link", Field::url},
    {"causes", Field::causes},
    {"leadsto", Field::causes},
    {"references", Field::references},
    {"refersto", Field::references},
    {"contradicts", Field::contradicts},
    // What `eventgraph export csv` and `list --format csv` derive from the date.
    {"earliest", Field::derived},
    {"latest", Field::derived},
    {"precision", Field::derived},
}};

constexpr std::array<std::pair<std::string_view, Field>, 15> kFieldNames = {{
    {"id", Field::id},
    {"title", Field::title},
    {"date", Field::date},
    {"start", Field::start},
    {"end", Field::end},
    {"kind", Field::kind},
    {"actors", Field::actors},
    {"place", Field::place},
    {"tags", Field::tags},
    {"summary", Field::summary},
    {"sources", Field::sources},
    {"url", Field::url},
    {"causes", Field::causes},
    {"references", Field::references},
    {"contradicts", Field::contradicts},
}};

std::string normalise(std::string_view header) {
  std::string out;
  for (char c : header) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  }
  return out;
}

Field by_synonym(std::string_view header) {
  const std::string key = normalise(header);
  for (const auto& [name, field] : kSynonyms) {
    if (name == key) return field;
  }
  return Field::none;
}

// `eventgraph export csv` writes a `'` before cells that a spreadsheet would
// run as formulas (=, +, -, @, tab, CR); reading one back drops it again.
std::string_view unneutralise(std::string_view cell) {
  const std::size_t first = cell.find_first_not_of('\'');
  if (first == 0 || first == std::string_view::npos) return cell;
  const char c = cell[first];
  if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
    cell.remove_prefix(1);
  }
  return cell;
}

struct Column {
  std::string header;
  Field field = Field::none;
  std::size_t values = 0;  ///< non-empty cells, for the unmapped summary
};

class SpreadsheetReader {
 public:
  SpreadsheetReader(const std::string& file, const ImportOptions& options)
      : file_(file), options_(options) {}

  Draft run(std::string_view text) {
    const char delimiter = options_.format == ImportFormat::tsv ? '\t' : ',';
    CsvTable table = read_csv(text, file_, delimiter);
    if (!table.ok()) {
      draft_.diagnostics.push_back(*table.error);
      return std::move(draft_);
    }
    if (table.rows.empty()) {
      draft_.diagnostics.push_back({file_,
                                    {1, 1},
                                    Severity::error,
                                    "the file is empty",
                                    "the first row names the columns: title,date,..."});
      return std::move(draft_);
    }
    if (!read_header(table.rows.front())) return std::move(draft_);
    for (std::size_t r = 1; r < table.rows.size(); ++r) read_row(table.rows[r]);
    summarise_unmapped();
    return std::move(draft_);
  }

 private:
  bool read_header(const CsvRow& header) {
    std::map<std::string, std::string> mapped;  // column -> field, from --map
    for (const auto& [column, field] : options_.column_map) mapped[column] = field;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
      Column column;
      column.header = std::string(trim(header.fields[i].text));
      auto explicit_map = mapped.find(column.header);
      if (explicit_map != mapped.end()) {
        column.field = Field::none;
        for (const auto& [name, field] : kFieldNames) {
          if (name == explicit_map->second) column.field = field;
        }
        if (column.field == Field::none && !explicit_map->second.empty()) {
          draft_.diagnostics.push_back(
              {file_,
               {},
               Severity::error,
               "--map '" + explicit_map->first + "=" + explicit_map->second + "': no field '" +
                   explicit_map->second + "'" +
                   did_you_mean(explicit_map->second, import_field_names()),
               "fields: id, title, date, start, end, kind, actors, place, tags, summary, "
               "sources, url, causes, references, contradicts"});
        }
        if (explicit_map->second.empty()) column.field = Field::derived;  // ignored on purpose
        mapped.erase(explicit_map);
      } else {
        column.field = by_synonym(column.header);
      }
      // Two columns for one field: the first wins, the second is not mapped.
      if (column.field != Field::none && column.field != Field::derived) {
        for (const Column& earlier : columns_) {
          if (earlier.field == column.field) column.field = Field::none;
        }
      }
      columns_.push_back(std::move(column));
    }
    for (const auto& [column, field] : mapped) {
      std::vector<std::string> headers;
      for (const Column& c : columns_) headers.push_back(c.header);
      draft_.diagnostics.push_back({file_,
                                    {},
                                    Severity::error,
                                    "--map '" + column + "=" + field + "': no column '" + column +
                                        "'" + did_you_mean(column, headers),
                                    "columns are named by the header row, exactly"});
    }
    const auto has = [&](Field f) {
      return std::any_of(columns_.begin(), columns_.end(),
                         [&](const Column& c) { return c.field == f; });
    };
    std::string missing;
    if (!has(Field::title)) missing = "title";
    if (!has(Field::date) && !has(Field::start)) missing += missing.empty() ? "date" : " and date";
    if (!missing.empty()) {
      draft_.diagnostics.push_back(
          {file_, header.fields.front().location, Severity::error,
           "no column for the " + missing + " (the header row is row 1)",
           "name the columns 'title' and 'date' (or 'start'/'end'), or map them: "
           "--map 'Headline=title' --map 'When=date'"});
    }
    return !has_errors(draft_.diagnostics);
  }

  Origin origin(const CsvRow& row, std::size_t column) const {
    Origin o;
    o.where = "row " + std::to_string(row.row);
    if (column < row.fields.size()) o.location = row.fields[column].location;
    if (column < columns_.size()) {
      o.where += ", column " + column_letters(column) + " '" + quote(columns_[column].header) + "'";
    }
    return o;
  }

  void read_row(const CsvRow& row) {
    const bool blank = std::all_of(row.fields.begin(), row.fields.end(),
                                   [](const CsvField& f) { return trim(f.text).empty(); });
    if (blank) return;
    DraftEvent d;
    d.origin = origin(row, columns_.size());
    d.origin.location = row.fields.front().location;
    std::string date, start, end;
    std::size_t date_column = 0, start_column = 0, end_column = 0;
    for (std::size_t i = 0; i < row.fields.size(); ++i) {
      const std::string_view cell = trim(unneutralise(row.fields[i].text));
      if (cell.empty()) continue;
      if (i >= columns_.size()) {
        draft_.error(origin(row, i), "this row has more cells than the header has columns",
                     "quote cells that contain a comma", file_);
        return;
      }
      Column& column = columns_[i];
      Event& e = d.event;
      switch (column.field) {
        case Field::none:
          ++column.values;
          d.notes.push_back("not mapped: " + column.header + ": " + std::string(cell));
          break;
        case Field::derived:
          break;
        case Field::id:
          d.id = std::string(cell);
          break;
        case Field::title:
          e.title = std::string(cell);
          break;
        case Field::date:
          date = std::string(cell), date_column = i;
          break;
        case Field::start:
          start = std::string(cell), start_column = i;
          break;
        case Field::end:
          end = std::string(cell), end_column = i;
          break;
        case Field::kind:
          e.kind = std::string(cell);
          break;
        case Field::place:
          e.place = std::string(cell);
          break;
        case Field::summary:
          e.summary = std::string(cell);
          break;
        case Field::tags:
          e.tags = split_list(cell);
          break;
        case Field::actors:
          for (const std::string& a : split_list(cell)) {
            e.actors.push_back(draft_.registry.actor(a, draft_.actors));
          }
          break;
        case Field::sources:
        case Field::url:
          for (const std::string& s : split_list(cell)) {
            const std::string id = draft_.registry.source(s, draft_.sources);
            if (std::find(e.sources.begin(), e.sources.end(), id) == e.sources.end()) {
              e.sources.push_back(id);
            }
          }
          break;
        case Field::causes:
        case Field::references:
        case Field::contradicts:
          for (const std::string& target : split_list(cell)) {
            DraftRelation r;
            r.target = target;
            r.details.kind = column.field == Field::causes       ? RelationKind::causes
                             : column.field == Field::references ? RelationKind::references
                                                                 : RelationKind::contradicts;
            r.origin = origin(row, i);
            d.relations.push_back(std::move(r));
          }
          break;
      }
    }
    if (d.event.title.empty()) {
      draft_.error(d.origin, "no title", "every row needs a title", file_);
      return;
    }
    if (!read_date(row, d, date, date_column, start, start_column, end, end_column)) return;
    draft_.events.push_back(std::move(d));
  }

  bool read_date(const CsvRow& row, DraftEvent& d, const std::string& date, std::size_t date_column,
                 const std::string& start, std::size_t start_column, const std::string& end,
                 std::size_t end_column) {
    auto convert = [&](const std::string& cell, std::size_t column) -> std::optional<std::string> {
      std::string error, dropped;
      auto edtf = spreadsheet_date(cell, &error, &dropped);
      if (!edtf) {
        draft_.error(origin(row, column), error,
                     "write EDTF dates: 2022, 2022-03, 2022-03-29, 2022-03-29?, "
                     "2022-03/2022-04, or a year such as '500 BCE'",
                     file_);
      } else if (!dropped.empty()) {
        d.notes.push_back("not mapped: " + dropped + " (dates are days)");
        ++times_dropped_;
      }
      return edtf;
    };
    // A 'date' column and a 'start' column mean the same; an 'end' beside
    // either closes the interval.
    const bool dated = !date.empty();
    if (!dated && start.empty()) {
      draft_.error(d.origin, "no date", "every row needs a date (or a start)", file_);
      return false;
    }
    auto first = dated ? convert(date, date_column) : convert(start, start_column);
    if (!first) return false;
    std::string text = *first;
    if (!end.empty()) {
      auto last = convert(end, end_column);
      if (!last) return false;
      if (text.find('/') != std::string::npos) {
        draft_.error(origin(row, end_column), "the date is already an interval ('" + text + "')",
                     "leave the end empty, or write the start alone", file_);
        return false;
      }
      text += "/" + *last;
    }
    EdtfParseResult parsed = parse_edtf(text);
    if (!parsed.ok()) {
      draft_.error(origin(row, date.empty() ? start_column : date_column), parsed.error,
                   "the start must come before the end", file_);
      return false;
    }
    d.event.date = parsed.date;
    return true;
  }

  void summarise_unmapped() {
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const Column& c = columns_[i];
      if (c.field != Field::none || c.values == 0) continue;
      draft_.unmapped.push_back("column " + column_letters(i) + " '" + c.header + "' (" +
                                std::to_string(c.values) + (c.values == 1 ? " value" : " values") +
                                ", kept as comments): map it with --map '" + c.header + "=FIELD'");
    }
    if (times_dropped_ > 0) {
      draft_.unmapped.push_back("the time of day in " + std::to_string(times_dropped_) +
                                (times_dropped_ == 1 ? " row" : " rows") +
                                " (event dates are days; kept as comments)");
    }
  }

  const std::string& file_;
  const ImportOptions& options_;
  Draft draft_;
  std::vector<Column> columns_;
  std::size_t times_dropped_ = 0;
};

}  // namespace

Draft read_spreadsheet(std::string_view text, const std::string& file,
                       const ImportOptions& options) {
  return SpreadsheetReader(file, options).run(text);
}

}  // namespace eventgraph::detail

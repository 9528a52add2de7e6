#include "cli/date_command.h"

#include "engine/edtf.h"
#include "render/json_writer.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iomanip>
#include <ostream>

namespace eventgraph::cli {

void DateCommand::add_options(CLI::App& app) {
  app.add_option("dates", options_.dates, "EDTF strings, e.g. 2022-21 or 2025-10/..")->required();
  add_format_option(app, options_.format);
  add_edtf_level_option(app, options_.edtf_level);
}

int DateCommand::run(Io& io) {
  const EdtfLevel level = parse_edtf_level(options_.edtf_level).value_or(EdtfLevel::two);
  const bool valid =
      std::all_of(options_.dates.begin(), options_.dates.end(),
                  [level](const std::string& text) { return parse_edtf(text, level).ok(); });
  if (options_.format == Format::json) {
    io.out << dates_json(options_.dates, level);
    return valid ? kExitOk : kExitInvalidData;
  }
  std::size_t width = 4;
  for (const std::string& text : options_.dates) width = std::max(width, text.size());
  for (const std::string& text : options_.dates) {
    EdtfParseResult parsed = parse_edtf(text, level);
    if (!parsed.ok()) {
      io.err << "eventgraph: " << parsed.error << '\n';
      continue;
    }
    const EdtfDate& d = parsed.date;
    auto end = [](Bound bound, Day day) {
      return bound == Bound::known ? format_day(day) : "(" + std::string(to_string(bound)) + ")";
    };
    io.out << std::left << std::setw(static_cast<int>(width)) << d.text() << "  " << std::setw(8)
           << to_string(d.precision()) << "  " << end(d.start(), d.known_first()) << " .. "
           << end(d.end(), d.known_last());
    if (d.uncertain()) io.out << "  uncertain";
    if (d.approximate()) io.out << "  approximate";
    io.out << "  level " << static_cast<int>(d.level()) << '\n';
    for (const SetMember& m : d.members()) {
      io.out << "  " << (d.kind() == EdtfKind::one_of ? "one of " : "all of ") << d.member_text(m)
             << "  " << end(m.start, m.days().first()) << " .. " << end(m.end, m.days().last())
             << '\n';
    }
  }
  return valid ? kExitOk : kExitInvalidData;
}

}  // namespace eventgraph::cli

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
}

int DateCommand::run(Io& io) {
  const bool valid = std::all_of(options_.dates.begin(), options_.dates.end(),
                                 [](const std::string& text) { return parse_edtf(text).ok(); });
  if (options_.format == Format::json) {
    io.out << dates_json(options_.dates);
    return valid ? kExitOk : kExitInvalidData;
  }
  std::size_t width = 4;
  for (const std::string& text : options_.dates) width = std::max(width, text.size());
  for (const std::string& text : options_.dates) {
    EdtfParseResult parsed = parse_edtf(text);
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
    io.out << '\n';
  }
  return valid ? kExitOk : kExitInvalidData;
}

}  // namespace eventgraph::cli

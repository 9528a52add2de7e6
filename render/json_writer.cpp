#include "render/json_writer.h"

#include <nlohmann/json.hpp>

namespace eventgraph {

namespace {

using nlohmann::ordered_json;

std::string dump(const ordered_json& document) {
  return document.dump(2, ' ', false, ordered_json::error_handler_t::replace) + '\n';
}

ordered_json day_or_null(const std::optional<Day>& day) {
  return day ? ordered_json(format_day(*day)) : ordered_json(nullptr);
}

ordered_json diagnostic_json(const Diagnostic& d) {
  return {{"file", d.file},
          {"line", d.location.line},
          {"column", d.location.column},
          {"severity", to_string(d.severity)},
          {"message", d.message},
          {"hint", d.hint}};
}

}  // namespace

std::string check_json(std::span<const FileReport> reports) {
  ordered_json files = ordered_json::array();
  bool all_valid = true;
  for (const FileReport& report : reports) {
    std::size_t errors = 0, warnings = 0;
    ordered_json diagnostics = ordered_json::array();
    for (const Diagnostic& d : report.diagnostics) {
      (d.severity == Severity::error ? errors : warnings) += 1;
      diagnostics.push_back(diagnostic_json(d));
    }
    all_valid = all_valid && errors == 0;
    files.push_back({{"file", report.file},
                     {"valid", errors == 0},
                     {"errors", errors},
                     {"warnings", warnings},
                     {"diagnostics", std::move(diagnostics)}});
  }
  return dump({{"eventgraph", 1}, {"valid", all_valid}, {"files", std::move(files)}});
}

std::string dates_json(std::span<const std::string> texts, EdtfLevel max_level) {
  ordered_json dates = ordered_json::array();
  for (const std::string& text : texts) {
    EdtfParseResult parsed = parse_edtf(text, max_level);
    const EdtfDate& d = parsed.date;
    if (!parsed.ok()) {
      dates.push_back({{"edtf", text},
                       {"valid", false},
                       {"earliest", nullptr},
                       {"latest", nullptr},
                       {"precision", nullptr},
                       {"uncertain", nullptr},
                       {"approximate", nullptr},
                       {"start", nullptr},
                       {"end", nullptr},
                       {"error", parsed.error},
                       {"kind", nullptr},
                       {"level", nullptr}});
      continue;
    }
    dates.push_back({{"edtf", d.text()},
                     {"valid", true},
                     {"earliest", day_or_null(d.earliest())},
                     {"latest", day_or_null(d.latest())},
                     {"precision", to_string(d.precision())},
                     {"uncertain", d.uncertain()},
                     {"approximate", d.approximate()},
                     {"start", to_string(d.start())},
                     {"end", to_string(d.end())},
                     {"error", nullptr},
                     {"kind", to_string(d.kind())},
                     {"level", static_cast<int>(d.level())}});
    if (d.is_set()) {
      ordered_json members = ordered_json::array();
      for (const SetMember& m : d.members()) {
        ordered_json member;
        member["edtf"] = std::string(d.member_text(m));
        member["earliest"] = m.start == Bound::known ? ordered_json(format_day(m.days().first()))
                                                     : ordered_json(nullptr);
        member["latest"] = m.end == Bound::known ? ordered_json(format_day(m.days().last()))
                                                 : ordered_json(nullptr);
        members.push_back(std::move(member));
      }
      dates.back()["members"] = std::move(members);
    }
  }
  return dump({{"eventgraph", 1}, {"dates", std::move(dates)}});
}

std::string stats_json(const std::string& file, const GraphStats& s) {
  ordered_json relations = ordered_json::object();
  for (RelationKind kind : kAllRelationKinds)
    relations[std::string(to_string(kind))] = s.relation_count(kind);
  return dump({{"eventgraph", 1},
               {"file", file},
               {"events", s.events},
               {"actors", s.actors},
               {"sources", s.sources},
               {"relations", std::move(relations)},
               {"disputed_relations", s.disputed_relations},
               {"first_day", day_or_null(s.first_day)},
               {"last_day", day_or_null(s.last_day)},
               {"events_without_sources", s.events_without_sources},
               {"components", s.components}});
}

}  // namespace eventgraph

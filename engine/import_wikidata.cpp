// Wikidata query results (SPARQL 1.1 JSON, as the query service returns
// them): one event per item, dates of exactly the precision Wikidata gives
// (wikibase:timePrecision), causes from P828/P1542, actors from P710, and
// the item's page as its source.
#include "engine/detail/import_dates.h"
#include "engine/detail/import_draft.h"
#include "engine/detail/json_input.h"
#include "engine/detail/text_checks.h"

#include <charconv>
#include <map>
#include <set>

namespace eventgraph::detail {

namespace {

using nlohmann::json;

enum class Role {
  none,
  item,
  label,
  summary,
  date,
  start,
  end,
  causes,
  caused_by,
  actors,
  actor_names,
  place,
  kind,
};

std::string normalise(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  }
  return out;
}

// The query's variable names, as people write them for these properties.
Role role_of(const std::string& key) {
  static const std::map<std::string, Role> kRoles = {
      {"item", Role::item},
      {"event", Role::item},
      {"itemlabel", Role::label},
      {"eventlabel", Role::label},
      {"itemdescription", Role::summary},
      {"eventdescription", Role::summary},
      {"p585", Role::date},
      {"pointintime", Role::date},
      {"date", Role::date},
      {"time", Role::date},
      {"p580", Role::start},
      {"starttime", Role::start},
      {"start", Role::start},
      {"p582", Role::end},
      {"endtime", Role::end},
      {"end", Role::end},
      {"p828", Role::caused_by},
      {"cause", Role::caused_by},
      {"hascause", Role::caused_by},
      {"p1542", Role::causes},
      {"effect", Role::causes},
      {"haseffect", Role::causes},
      {"p710", Role::actors},
      {"participant", Role::actors},
      {"participantlabel", Role::actor_names},
      {"p710label", Role::actor_names},
      {"locationlabel", Role::place},
      {"placelabel", Role::place},
      {"p276label", Role::place},
      {"instanceoflabel", Role::kind},
      {"typelabel", Role::kind},
      {"p31label", Role::kind},
  };
  auto found = kRoles.find(key);
  return found == kRoles.end() ? Role::none : found->second;
}

Role role_of_field(const std::string& field) {
  static const std::map<std::string, Role> kFields = {
      {"id", Role::item},         {"title", Role::label},
      {"summary", Role::summary}, {"date", Role::date},
      {"start", Role::start},     {"end", Role::end},
      {"causes", Role::causes},   {"caused_by", Role::caused_by},
      {"actors", Role::actors},   {"place", Role::place},
      {"kind", Role::kind}};
  auto found = kFields.find(field);
  return found == kFields.end() ? Role::none : found->second;
}

struct Item {
  std::string uri;
  std::map<Role, std::vector<std::string>> values;               ///< each value once, in order seen
  std::map<Role, std::string> precision;                         ///< of date, start, end
  std::vector<std::pair<std::string, std::string>> actor_pairs;  ///< uri, label
  std::size_t first_row = 0;
};

void add_unique(std::vector<std::string>& values, const std::string& value) {
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
}

std::string qid(std::string_view uri) {
  const std::size_t slash = uri.rfind('/');
  return std::string(slash == std::string_view::npos ? uri : uri.substr(slash + 1));
}

class WikidataReader {
 public:
  WikidataReader(const std::string& file, const ImportOptions& options)
      : file_(file), options_(options) {}

  Draft run(std::string_view text) {
    JsonInput input = parse_json_input(text, file_);
    if (input.error) {
      draft_.diagnostics.push_back(*input.error);
      return std::move(draft_);
    }
    const json& root = input.document;
    const json* vars = root.is_object() && root.contains("head") && root["head"].is_object()
                           ? &root["head"]["vars"]
                           : nullptr;
    const json* bindings = root.is_object() && root.contains("results") &&
                                   root["results"].is_object() &&
                                   root["results"].contains("bindings")
                               ? &root["results"]["bindings"]
                               : nullptr;
    if (!vars || !vars->is_array() || !bindings || !bindings->is_array()) {
      draft_.error({{}, !vars || !vars->is_array() ? "/head/vars" : "/results/bindings"},
                   "not SPARQL JSON results", "download the query's results as JSON", file_);
      return std::move(draft_);
    }
    if (!assign_roles(*vars)) return std::move(draft_);
    for (std::size_t i = 0; i < bindings->size(); ++i) read_binding((*bindings)[i], i);
    for (Item& item : items_) add_event(item);
    attach_causes();
    return std::move(draft_);
  }

 private:
  bool assign_roles(const json& vars) {
    std::map<std::string, std::string> mapped(options_.column_map.begin(),
                                              options_.column_map.end());
    std::map<std::string, std::string> by_normal;  // normalised name -> name
    for (const json& v : vars) {
      if (!v.is_string()) continue;
      const std::string name = v.get<std::string>();
      by_normal[normalise(name)] = name;
      Role role = role_of(normalise(name));
      if (auto m = mapped.find(name); m != mapped.end()) {
        role = role_of_field(m->second);
        if (role == Role::none && !m->second.empty()) {
          draft_.diagnostics.push_back(
              {file_,
               {},
               Severity::error,
               "--map '" + name + "=" + m->second + "': no field '" + m->second + "' for Wikidata",
               "fields: id, title, summary, date, start, end, causes, "
               "caused_by, actors, place, kind"});
        }
        mapped.erase(m);
      }
      roles_[name] = role;
    }
    for (const auto& [name, field] : mapped) {
      draft_.diagnostics.push_back({file_,
                                    {},
                                    Severity::error,
                                    "--map '" + name + "=" + field +
                                        "': the query has no "
                                        "variable '" +
                                        name + "'",
                                    ""});
    }
    // A date variable's precision is the variable of the same name with
    // "Precision" after it (?pointInTimePrecision), as people name them.
    for (const auto& [name, role] : roles_) {
      if (role != Role::date && role != Role::start && role != Role::end) continue;
      if (auto p = by_normal.find(normalise(name) + "precision"); p != by_normal.end()) {
        precision_of_[p->second] = role;
      }
    }
    for (auto& [name, role] : roles_) {
      if (precision_of_.count(name)) role = Role::none;
    }
    const bool has_item = std::any_of(roles_.begin(), roles_.end(),
                                      [](const auto& r) { return r.second == Role::item; });
    if (!has_item) {
      draft_.error({{}, "/head/vars"}, "no item variable (?item or ?event)",
                   "select ?item, or name it with --map 'VAR=id'", file_);
    }
    return !has_errors(draft_.diagnostics);
  }

  void read_binding(const json& binding, std::size_t index) {
    const std::string pointer = pointer_child("/results/bindings", index);
    if (!binding.is_object()) return;
    std::string uri;
    for (const auto& [name, role] : roles_) {
      if (role == Role::item && binding.contains(name) && binding[name].is_object()) {
        uri = binding[name].value("value", "");
      }
    }
    if (uri.empty()) {
      draft_.error({{}, pointer}, "a result without an item", "", file_);
      return;
    }
    auto [it, added] = item_index_.try_emplace(uri, items_.size());
    if (added) items_.push_back({uri, {}, {}, {}, index});
    Item& item = items_[it->second];
    std::string actor_uri, actor_label;
    for (const auto& [name, value] : binding.items()) {
      if (!value.is_object()) continue;
      const std::string text = value.value("value", "");
      if (auto p = precision_of_.find(name); p != precision_of_.end()) {
        item.precision[p->second] = text;
        continue;
      }
      auto r = roles_.find(name);
      if (r == roles_.end()) continue;
      if (r->second == Role::none) {
        unmapped_vars_.insert(name);
        continue;
      }
      if (r->second == Role::actors) actor_uri = text;
      if (r->second == Role::actor_names) actor_label = text;
      if (r->second != Role::item) add_unique(item.values[r->second], text);
    }
    if (!actor_uri.empty()) {
      const std::pair<std::string, std::string> actor{actor_uri, actor_label};
      if (std::find(item.actor_pairs.begin(), item.actor_pairs.end(), actor) ==
          item.actor_pairs.end()) {
        item.actor_pairs.push_back(actor);
      }
    }
  }

  // One Wikidata time value as EDTF of its precision; nullopt with a
  // warning when it cannot be carried.
  std::optional<std::string> time_value(const std::string& value, const std::string& precision,
                                        DraftEvent& d, std::string_view property) {
    // "+2022-02-24T00:00:00Z", "-0457-01-01T00:00:00Z" (XSD 1.1: year 0 is 1 BCE).
    std::string_view v = value;
    const bool negative = v.starts_with('-');
    if (v.starts_with('+') || negative) v.remove_prefix(1);
    const std::size_t dash = v.find('-');
    std::int64_t year = 0;
    int month = 0, day = 0;
    auto number = [](std::string_view s, auto& out) {
      auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
      return ec == std::errc() && end == s.data() + s.size();
    };
    if (dash == std::string_view::npos || v.size() < dash + 6 || !number(v.substr(0, dash), year) ||
        !number(v.substr(dash + 1, 2), month) || !number(v.substr(dash + 4, 2), day)) {
      draft_.warning(d.origin, std::string(property) + " '" + quote(value) + "' is not a date", "",
                     file_);
      return std::nullopt;
    }
    if (negative) year = -year;
    int p = -1;
    if (!precision.empty() && !number(std::string_view(precision), p)) p = -1;
    if (p < 0) {
      // No precision: the coarsest date the value can mean, never a day
      // it may not mean.
      p = (month == 1 && day == 1) ? 9 : (day == 1 ? 10 : 11);
      draft_.warning(d.origin,
                     "no precision for " + std::string(property) + " " + value +
                         ": written as the coarsest date it can mean",
                     "select wikibase:timePrecision too (p:P585/psv:P585 [wikibase:timeValue "
                     "?date; wikibase:timePrecision ?datePrecision])",
                     file_);
    }
    std::string text;
    if (p >= 11) {
      text = edtf_from_parts(year, month, day).date.text();
      if (p > 11) d.notes.push_back("not mapped: the time of day of " + value);
    } else if (p == 10) {
      text = edtf_from_parts(year, month, std::nullopt).date.text();
    } else if (p == 9) {
      text = edtf_year(year);
    } else if (p == 8) {  // decade: 1990s is 1990..1999, EDTF 199X
      const std::int64_t decade = year - ((year % 10) + 10) % 10;
      text = edtf_year(decade);
      text.back() = 'X';
    } else if (p >= 6) {
      // Wikidata's centuries and millennia are ordinal (the 20th century is
      // 1901-2000), which EDTF's 19XX (1900-1999) is not: an interval.
      const std::int64_t span = p == 7 ? 100 : 1000;
      const std::int64_t ordinal =
          year > 0 ? (year - 1) / span + 1 : -((-year) / span + 1);  // ..., -1, 1, 2, ...
      const std::int64_t first = ordinal > 0 ? (ordinal - 1) * span + 1 : ordinal * span + 1;
      text = edtf_year(first) + "/" + edtf_year(first + span - 1);
    } else {
      draft_.warning(d.origin,
                     std::string(property) + " " + value +
                         " has a precision coarser than a "
                         "millennium (" +
                         std::to_string(p) + "), which EDTF dates here cannot carry",
                     "", file_);
      return std::nullopt;
    }
    if (!parse_edtf(text).ok()) {
      draft_.warning(d.origin, std::string(property) + " " + value + ": " + parse_edtf(text).error,
                     "", file_);
      return std::nullopt;
    }
    return text;
  }

  std::optional<std::string> first_date(Item& item, Role role, DraftEvent& d,
                                        std::string_view property) {
    auto values = item.values.find(role);
    if (values == item.values.end() || values->second.empty()) return std::nullopt;
    if (values->second.size() > 1) {
      d.notes.push_back("not mapped: other " + std::string(property) + " values:");
      for (std::size_t i = 1; i < values->second.size(); ++i) {
        d.notes.back() += " " + values->second[i];
      }
      draft_.warning(d.origin, "several " + std::string(property) + " values: the first is kept",
                     "", file_);
    }
    return time_value(values->second.front(), item.precision[role], d, property);
  }

  void add_event(Item& item) {
    DraftEvent d;
    const std::string id = qid(item.uri);
    d.origin.where = "/results/bindings/" + std::to_string(item.first_row) + " (" + id + ")";
    d.keys.push_back(item.uri);
    auto value = [&](Role role) {
      auto found = item.values.find(role);
      return found == item.values.end() || found->second.empty() ? std::string()
                                                                 : found->second.front();
    };
    d.event.title = value(Role::label).empty() ? id : value(Role::label);
    d.event.summary = value(Role::summary);
    d.event.place = value(Role::place);
    d.event.kind = value(Role::kind);
    std::string date;
    if (auto point = first_date(item, Role::date, d, "P585 (point in time)")) {
      date = *point;
    } else {
      auto start = first_date(item, Role::start, d, "P580 (start time)");
      auto end = first_date(item, Role::end, d, "P582 (end time)");
      if (start && end)
        date = *start + "/" + *end;
      else if (start)
        date = *start + "/";
      else if (end)
        date = "/" + *end;
    }
    if (date.empty() || !parse_edtf(date).ok()) {
      draft_.warning(d.origin, "'" + quote(d.event.title) + "' has no usable date: left out",
                     "select P585, or P580 and P582, with their precision", file_);
      draft_.unmapped.push_back(id + " '" + d.event.title + "': no usable date");
      return;
    }
    d.event.date = parse_edtf(date).date;
    for (const auto& [uri, label] : item.actor_pairs) {
      d.event.actors.push_back(
          draft_.registry.actor(label.empty() ? qid(uri) : label, draft_.actors));
    }
    Source page;
    page.id = "wikidata " + id;
    page.title = "[Wikidata " + id + ": " + d.event.title + "]";
    page.publisher = "Wikidata";
    page.url = "https://www.wikidata.org/wiki/" + id;
    d.event.sources.push_back(draft_.registry.add_source(std::move(page), draft_.sources));
    for (Role role : {Role::causes, Role::caused_by}) {
      for (const std::string& other : item.values[role]) {
        DraftRelation r;
        r.details.kind = RelationKind::causes;
        r.origin = d.origin;
        r.missing_is_error = false;
        if (role == Role::causes) {
          r.target = other;
          d.relations.push_back(std::move(r));
        } else {
          // "has cause": the cause lists the relation, if it is imported.
          r.target = item.uri;
          pending_causes_.push_back({other, std::move(r)});
        }
      }
    }
    draft_.events.push_back(std::move(d));
  }

  // P828 relations belong to the cause's event, when the query returned it.
  void attach_causes() {
    std::map<std::string, std::size_t> event_of;
    for (std::size_t i = 0; i < draft_.events.size(); ++i) {
      event_of.emplace(draft_.events[i].keys.front(), i);
    }
    for (auto& [cause, relation] : pending_causes_) {
      auto owner = event_of.find(cause);
      if (owner == event_of.end()) {
        draft_.unmapped.push_back(qid(cause) + " causes " + qid(relation.target) +
                                  ": the cause is not among the results");
        continue;
      }
      std::vector<DraftRelation>& listed = draft_.events[owner->second].relations;
      const std::string& target = relation.target;  // clang 14 cannot capture a structured binding
      const bool known = std::any_of(listed.begin(), listed.end(),
                                     [&](const DraftRelation& r) { return r.target == target; });
      if (!known) listed.push_back(std::move(relation));
    }
    for (const std::string& name : unmapped_vars_) {
      draft_.unmapped.push_back("variable ?" + name + ": not mapped (use --map '" + name +
                                "=FIELD')");
    }
  }

  const std::string& file_;
  const ImportOptions& options_;
  Draft draft_;
  std::map<std::string, Role> roles_;
  std::map<std::string, Role> precision_of_;  ///< precision variable -> the date it qualifies
  std::vector<Item> items_;
  std::map<std::string, std::size_t> item_index_;
  std::set<std::string> unmapped_vars_;
  std::vector<std::pair<std::string, DraftRelation>> pending_causes_;
};

}  // namespace

Draft read_wikidata(std::string_view text, const std::string& file, const ImportOptions& options) {
  return WikidataReader(file, options).run(text);
}

}  // namespace eventgraph::detail

#include "engine/validate.h"

#include "engine/consistency.h"
#include "engine/detail/reference_sites.h"
#include "engine/detail/text_checks.h"
#include "engine/suggest.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace eventgraph {

bool is_slug(std::string_view id) {
  if (id.empty()) return false;
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!alnum(id.front())) return false;
  return std::all_of(id.begin(), id.end(), [&](char c) { return alnum(c) || c == '-'; });
}

namespace {

// Unknown ids that get a "did you mean"; the rest are reported without one.
constexpr std::size_t kMaxSuggestions = 100;

std::string slug_hint(std::string_view id) {
  std::string fixed;
  for (char c : id) {
    if (c >= 'A' && c <= 'Z') {
      fixed += static_cast<char>(c - 'A' + 'a');
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      fixed += c;
    } else if (!fixed.empty() && fixed.back() != '-') {
      fixed += '-';
    }
  }
  while (!fixed.empty() && fixed.back() == '-') fixed.pop_back();
  std::string hint = "ids use lowercase letters, digits and '-', starting with a letter or digit";
  if (is_slug(fixed)) hint += ": try '" + fixed + "'";
  return hint;
}

template <typename T>
std::vector<std::string> sorted_ids(const std::vector<T>& items) {
  std::vector<std::string> ids;
  ids.reserve(items.size());
  for (const T& item : items) ids.push_back(item.id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

class ReferenceChecker {
 public:
  explicit ReferenceChecker(const Dataset& dataset) : data_(dataset) {}

  std::vector<Diagnostic> run(const detail::ReferenceSites* sites) {
    check_ids(data_.actors, "actor");
    check_ids(data_.sources, "source");
    check_ids(data_.events, "event");
    actor_ids_ = sorted_ids(data_.actors);
    source_ids_ = sorted_ids(data_.sources);
    event_ids_ = sorted_ids(data_.events);
    if (sites) {
      for (const detail::ReferenceSite& site : *sites) check_site(site);
    } else {
      check_all_sites();
    }
    check_relations();
    for (const Event& e : data_.events) {
      // An event without an id is already an error; a warning naming '' helps no one.
      if (e.sources.empty() && !e.id.empty()) {
        add(e.location, Severity::warning, "event '" + detail::quote(e.id) + "' has no sources",
            "add 'sources: [id]' naming where it comes from");
      }
    }
    return std::move(out_);
  }

 private:
  void add(Location at, Severity severity, std::string message, std::string hint = "") {
    out_.push_back({data_.file, at, severity, std::move(message), std::move(hint)});
  }

  template <typename T>
  void check_ids(const std::vector<T>& items, std::string_view what) {
    std::unordered_map<std::string_view, const T*> seen;
    seen.reserve(items.size());
    for (const T& item : items) {
      if (item.id.empty()) continue;  // reported as a missing id while reading
      if (!is_slug(item.id)) {
        add(item.location, Severity::error,
            "invalid " + std::string(what) + " id '" + detail::quote(item.id) + "'",
            slug_hint(item.id));
      }
      auto [it, inserted] = seen.emplace(item.id, &item);
      if (!inserted) {
        add(item.location, Severity::error,
            "duplicate " + std::string(what) + " id '" + detail::quote(item.id) + "'",
            "'" + detail::quote(item.id) + "' is first defined at line " +
                std::to_string(it->second->location.line) + "; give each " + std::string(what) +
                " its own id");
      }
    }
  }

  // "Did you mean" compares an unknown id with every known one: for the
  // first kMaxSuggestions unknown ids only, so a file full of broken
  // references is checked in linear time (attack report M6).
  std::string suggestion(std::string_view id, const std::vector<std::string>& known) {
    if (suggestions_left_ == 0) return {};
    --suggestions_left_;
    return did_you_mean(id, known);
  }

  void check_reference(const std::string& id, const std::vector<std::string>& known,
                       std::string_view what, Location at) {
    if (std::binary_search(known.begin(), known.end(), id)) return;
    add(at, Severity::error,
        "unknown " + std::string(what) + " '" + detail::quote(id) + "'" + suggestion(id, known),
        "declare it under '" + std::string(what) + "s:' at the top of the file");
  }

  void check_site(const detail::ReferenceSite& site) {
    using F = detail::ReferenceField;
    switch (site.field) {
      case F::event_actor:
        check_reference(data_.events[site.owner].actors[site.item], actor_ids_, "actor",
                        site.location);
        break;
      case F::event_source:
        check_reference(data_.events[site.owner].sources[site.item], source_ids_, "source",
                        site.location);
        break;
      case F::relation_source:
        check_reference(data_.relations[site.owner].sources[site.item], source_ids_, "source",
                        site.location);
        break;
      case F::relation_claimed_by:
        check_reference(data_.relations[site.owner].claimed_by[site.item], actor_ids_, "actor",
                        site.location);
        break;
      case F::relation_disputed_by:
        check_reference(data_.relations[site.owner].disputed_by[site.item], actor_ids_, "actor",
                        site.location);
        break;
      case F::none:
        break;
    }
  }

  void check_all_sites() {
    for (const Event& e : data_.events) {
      for (const std::string& id : e.actors) check_reference(id, actor_ids_, "actor", e.location);
      for (const std::string& id : e.sources)
        check_reference(id, source_ids_, "source", e.location);
    }
    for (const Relation& r : data_.relations) {
      for (const std::string& id : r.sources)
        check_reference(id, source_ids_, "source", r.location);
      for (const std::string& id : r.claimed_by)
        check_reference(id, actor_ids_, "actor", r.location);
      for (const std::string& id : r.disputed_by)
        check_reference(id, actor_ids_, "actor", r.location);
    }
  }

  void check_relations() {
    std::map<std::tuple<std::string_view, std::string_view, RelationKind>, Location> seen;
    for (const Relation& r : data_.relations) {
      const std::string kind(to_string(r.kind));
      if (!std::binary_search(event_ids_.begin(), event_ids_.end(), r.to)) {
        add(r.location, Severity::error,
            "unknown event '" + detail::quote(r.to) + "' in '" + kind + "'" +
                suggestion(r.to, event_ids_),
            "every relation must name the id of an event in this file");
        continue;
      }
      if (r.from == r.to) {
        add(r.location, Severity::error,
            "event '" + detail::quote(r.from) + "' " + kind + " itself",
            "remove '" + detail::quote(r.to) + "' from its own '" + kind + "' list");
        continue;
      }
      // contradicts is symmetric, so B contradicts A repeats A contradicts B.
      const bool symmetric = r.kind == RelationKind::contradicts;
      std::string_view a = r.from, b = r.to;
      if (symmetric && b < a) std::swap(a, b);
      // Both places are named: the graph keeps one relation with the
      // attributions of both, and the reader should remove one of them.
      const auto [first, fresh] = seen.emplace(std::tuple(a, b, r.kind), r.location);
      if (!fresh) {
        const Location& at = first->second;
        add(r.location, Severity::warning,
            "relation '" + detail::quote(r.from) + "' " + kind + " '" + detail::quote(r.to) +
                "' is listed twice (also at " + data_.file + ":" + std::to_string(at.line) + ":" +
                std::to_string(at.column) + ")",
            symmetric ? "'contradicts' works both ways and is read as one contradiction: list it "
                        "on one of the two events only"
                      : "it is read as one relation; remove the repeated item");
      }
    }
  }

  const Dataset& data_;
  std::vector<std::string> actor_ids_, source_ids_, event_ids_;
  std::size_t suggestions_left_ = kMaxSuggestions;
  std::vector<Diagnostic> out_;
};

std::string describe_event(const Event& e) {
  return "'" + detail::quote(e.id) + "' (" + detail::quote(e.date.text()) + ")";
}

}  // namespace

namespace detail {
std::vector<Diagnostic> validate_references(const Dataset& dataset, const ReferenceSites* sites) {
  return ReferenceChecker(dataset).run(sites);
}
}  // namespace detail

std::vector<Diagnostic> validate_references(const Dataset& dataset) {
  return detail::validate_references(dataset, nullptr);
}

std::vector<Diagnostic> validate_graph(const EventGraph& graph) {
  std::vector<Diagnostic> out;
  for (const std::vector<EventIndex>& cycle : cause_cycles(graph)) {
    std::string names;
    for (EventIndex e : cycle) names += "'" + detail::quote(graph.event(e).id) + "' -> ";
    names += "'" + detail::quote(graph.event(cycle.front()).id) + "'";
    // Point at the relation that closes the cycle back to its first event.
    Location at = graph.event(cycle.back()).location;
    for (const Step& step : graph.outgoing(cycle.back(), RelationKinds(RelationKind::causes))) {
      if (step.event == cycle.front()) at = graph.relation(step.relation).location;
    }
    out.push_back({graph.file(), at, Severity::error, "causes form a cycle: " + names,
                   "an event cannot lead back to itself; remove one of these links"});
  }
  for (const TemporalConflict& conflict : temporal_conflicts(graph)) {
    const Relation& r = graph.relation(conflict.relation);
    const Endpoints ends = graph.endpoints(conflict.relation);
    const std::string cause = describe_event(graph.event(ends.from));
    const std::string effect = describe_event(graph.event(ends.to));
    if (conflict.certain) {
      out.push_back({graph.file(), r.location, Severity::error,
                     "cause " + cause + " comes after its effect " + effect,
                     "check both dates, or the direction of the link"});
    } else {
      out.push_back({graph.file(), r.location, Severity::warning,
                     "cause " + cause + " may come after its effect " + effect,
                     "the dates overlap; give them more precision if you know it"});
    }
  }
  return out;
}

}  // namespace eventgraph

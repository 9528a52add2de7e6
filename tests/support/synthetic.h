// Deterministic synthetic event files, for tests and benchmarks at any size.
//
// The same options give the same bytes on every platform and standard
// library: the only randomness is std::mt19937_64 (whose output the C++
// standard fixes), mapped to ranges by our own integer code rather than by
// std:: distributions, whose results differ between library versions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace eventgraph::synthetic {

/// What to generate. Actor and source counts are upper bounds: a small file
/// gets at most events/2 of each (at least one), so ten events name five
/// actors, not two hundred.
struct SyntheticOptions {
  std::size_t events = 1000;
  std::uint64_t seed = 1;
  std::size_t actors = 200;
  std::size_t sources = 500;
};

/// A valid event file (format version 1) with a realistic mix:
/// - dates of every EDTF precision from 1990 to 2026: days, months, years,
///   seasons, decades (`199X`), uncertain `?`, approximate `~`, closed
///   intervals and a few open-ended ones (`2025-10/..`);
/// - about three relations per event: `causes` always forward in time (the
///   cause's latest day is on or before the effect's earliest day, so there
///   are no cycles and no temporal warnings), `references` backward in
///   time, some `contradicts`, and about one relation in ten written as a
///   map with `sources`, `claimed_by` and sometimes `disputed_by`;
/// - titles of 3 to 12 words, summaries, kinds, tags and places, with
///   non-ASCII letters and the odd `"` and `\` (every string is quoted).
///
/// Event ids are synthetic_event_id(0..events-1) in chronological order:
/// the first is the earliest event and the last the latest, and a chain of
/// `causes` always leads from the first to the last (see path_endpoints).
/// When `chain` is given it receives that chain's ids, first to last (about
/// a hundred events; every event when there are fewer), so that callers can
/// pick pairs a causes path is known to join.
/// `eventgraph check` finds no errors and no warnings in the result.
///
/// Example:
///   std::string yaml = generate_event_yaml({.events = 100, .seed = 7});
///   auto loaded = load_string(yaml, "synthetic.yaml");  // loaded.ok()
std::string generate_event_yaml(const SyntheticOptions& options,
                                std::vector<std::string>* chain = nullptr);

/// The id of the event at chronological position `index`: "e000042".
/// Six digits up to 999,999 events, more beyond.
std::string synthetic_event_id(std::size_t index);

/// The two events a guaranteed `causes` path joins, for path queries that
/// must find something: the earliest and the latest event.
struct PathEndpoints {
  std::string from;
  std::string to;
};

/// The endpoints for a file of `events` events (events >= 2).
PathEndpoints path_endpoints(std::size_t events);

}  // namespace eventgraph::synthetic

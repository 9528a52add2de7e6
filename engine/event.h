// The data model: events, the actors and sources they name, and a dataset.
#pragma once

#include "engine/diagnostic.h"
#include "engine/edtf.h"
#include "engine/relation.h"

#include <optional>
#include <string>
#include <vector>

namespace eventgraph {

/// A person, government, delegation or outlet that events name.
struct Actor {
  std::string id;
  std::string name;
  std::string role;
  std::string affiliation;
  Location location;
};

/// A document events are drawn from.
struct Source {
  std::string id;
  std::string title;
  std::string publisher;
  std::string author;
  std::optional<EdtfDate> date;
  std::string url;
  Location location;
};

/// One event on the timeline.
struct Event {
  std::string id;  ///< slug: [a-z0-9][a-z0-9-]*
  std::string title;
  EdtfDate date;
  std::string kind;                 ///< free text: statement, meeting, proposal, ...
  std::vector<std::string> actors;  ///< actor ids
  std::string place;
  std::vector<std::string> tags;
  std::string summary;
  std::vector<std::string> sources;  ///< source ids
  Location location;                 ///< where the event's `id` is written
};

/// Orders events chronologically: by date (earliest day, then latest day),
/// then by id.
bool chronological_less(const Event& a, const Event& b);

/// A whole event file, as written (file order), before or after validation.
struct Dataset {
  int version = 0;
  std::string file;  ///< the name diagnostics use
  std::string title;
  std::vector<Actor> actors;
  std::vector<Source> sources;
  std::vector<Event> events;
  std::vector<Relation> relations;  ///< in the order they are written
};

}  // namespace eventgraph

// Where each id reference in a dataset is written, so that an unknown actor
// or source is reported at the id itself rather than at its event.
#pragma once

#include "engine/diagnostic.h"
#include "engine/event.h"

#include <cstdint>
#include <vector>

namespace eventgraph::detail {

enum class ReferenceField : std::uint8_t {
  none,
  event_actor,           ///< owner: event index; item: position in Event::actors
  event_source,          ///< owner: event index; item: position in Event::sources
  relation_source,       ///< owner: relation index; item: position in Relation::sources
  relation_claimed_by,   ///< owner: relation index; item: in Relation::claimed_by
  relation_disputed_by,  ///< owner: relation index; item: in Relation::disputed_by
};

struct ReferenceSite {
  ReferenceField field = ReferenceField::none;
  std::uint32_t owner = 0;
  std::uint32_t item = 0;
  Location location;
};

using ReferenceSites = std::vector<ReferenceSite>;

/// validate_references with the positions of every id reference; without
/// `sites` each reference is reported at its event or relation.
std::vector<Diagnostic> validate_references(const Dataset& dataset, const ReferenceSites* sites);

}  // namespace eventgraph::detail

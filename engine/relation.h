// Relations between events: what kind, between which events, and who says so.
#pragma once

#include "engine/diagnostic.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eventgraph {

/// The three kinds of edge in an event graph.
enum class RelationKind : std::uint8_t {
  causes,       ///< the source event brought the target about
  references,   ///< the source (a statement, a report) refers to the target
  contradicts,  ///< the source claim contradicts the target claim; symmetric
};

inline constexpr RelationKind kAllRelationKinds[] = {RelationKind::causes, RelationKind::references,
                                                     RelationKind::contradicts};

/// "causes", "references" or "contradicts".
std::string_view to_string(RelationKind kind);
/// The kind named by `name`, or nullopt.
std::optional<RelationKind> parse_relation_kind(std::string_view name);

/// A set of relation kinds, such as a query's `--via causes,references`.
class RelationKinds {
 public:
  constexpr RelationKinds() = default;
  constexpr explicit RelationKinds(RelationKind kind) { insert(kind); }
  static constexpr RelationKinds all() {
    RelationKinds kinds;
    for (RelationKind kind : kAllRelationKinds) kinds.insert(kind);
    return kinds;
  }
  constexpr void insert(RelationKind kind) { bits_ |= bit(kind); }
  constexpr bool contains(RelationKind kind) const { return (bits_ & bit(kind)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }
  friend constexpr bool operator==(RelationKinds, RelationKinds) = default;

 private:
  static constexpr std::uint8_t bit(RelationKind kind) {
    return static_cast<std::uint8_t>(1u << static_cast<unsigned>(kind));
  }
  std::uint8_t bits_ = 0;
};

/// Parses a comma list such as "causes,references"; on failure returns
/// nullopt and sets `error` to a message naming the bad item.
std::optional<RelationKinds> parse_relation_kinds(std::string_view list, std::string* error);

/// Names the kinds in a set, in enum order: {"causes", "references"}.
std::vector<std::string> relation_kind_names(RelationKinds kinds);

/// One relation as the data states it. `contradicts` is stored once, from
/// the event that lists it, and read both ways by queries.
struct Relation {
  std::string from;  ///< the id of the event that lists the relation
  std::string to;    ///< the id of the event it points at
  RelationKind kind = RelationKind::causes;
  std::vector<std::string> sources;      ///< source ids backing the link
  std::vector<std::string> claimed_by;   ///< actor ids asserting the link
  std::vector<std::string> disputed_by;  ///< actor ids disputing the link
  std::string note;
  Location location;  ///< where the relation item is written

  bool disputed() const { return !disputed_by.empty(); }
};

}  // namespace eventgraph

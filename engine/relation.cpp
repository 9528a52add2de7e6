#include "engine/relation.h"

namespace eventgraph {

std::string_view to_string(RelationKind kind) {
  switch (kind) {
    case RelationKind::causes:
      return "causes";
    case RelationKind::references:
      return "references";
    case RelationKind::contradicts:
      return "contradicts";
  }
  return "causes";
}

std::optional<RelationKind> parse_relation_kind(std::string_view name) {
  for (RelationKind kind : kAllRelationKinds) {
    if (to_string(kind) == name) return kind;
  }
  return std::nullopt;
}

std::optional<RelationKinds> parse_relation_kinds(std::string_view list, std::string* error) {
  RelationKinds kinds;
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t comma = list.find(',', start);
    std::string_view item = list.substr(
        start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    auto kind = parse_relation_kind(item);
    if (!kind) {
      if (error) {
        *error = "unknown relation kind '" + std::string(item) +
                 "' (expected causes, references or contradicts)";
      }
      return std::nullopt;
    }
    kinds.insert(*kind);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return kinds;
}

std::vector<std::string> relation_kind_names(RelationKinds kinds) {
  std::vector<std::string> names;
  for (RelationKind kind : kAllRelationKinds) {
    if (kinds.contains(kind)) names.emplace_back(to_string(kind));
  }
  return names;
}

}  // namespace eventgraph

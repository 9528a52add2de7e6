#include "engine/relation.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using eventgraph::parse_relation_kind;
using eventgraph::parse_relation_kinds;
using eventgraph::Relation;
using eventgraph::relation_kind_names;
using eventgraph::RelationKind;
using eventgraph::RelationKinds;

}  // namespace

TEST_CASE("relation kinds have lowercase names that parse back", "[relation]") {
  CHECK(to_string(RelationKind::causes) == "causes");
  CHECK(to_string(RelationKind::references) == "references");
  CHECK(to_string(RelationKind::contradicts) == "contradicts");
  for (RelationKind kind : eventgraph::kAllRelationKinds) {
    CHECK(parse_relation_kind(to_string(kind)) == kind);
  }
  CHECK_FALSE(parse_relation_kind("cause").has_value());
  CHECK_FALSE(parse_relation_kind("Causes").has_value());
  CHECK_FALSE(parse_relation_kind("").has_value());
}

TEST_CASE("a set of relation kinds", "[relation]") {
  RelationKinds none;
  CHECK(none.empty());
  RelationKinds causes(RelationKind::causes);
  CHECK(causes.contains(RelationKind::causes));
  CHECK_FALSE(causes.contains(RelationKind::contradicts));
  causes.insert(RelationKind::contradicts);
  CHECK(causes.contains(RelationKind::contradicts));
  CHECK_FALSE(causes.contains(RelationKind::references));
  const RelationKinds all = RelationKinds::all();
  for (RelationKind kind : eventgraph::kAllRelationKinds) CHECK(all.contains(kind));
  CHECK(relation_kind_names(all) ==
        std::vector<std::string>{"causes", "references", "contradicts"});
  CHECK(relation_kind_names(causes) == std::vector<std::string>{"causes", "contradicts"});
  CHECK(relation_kind_names(none).empty());
}

TEST_CASE("parsing a comma list of kinds", "[relation]") {
  std::string error;
  auto kinds = parse_relation_kinds("references,causes", &error);
  REQUIRE(kinds.has_value());
  CHECK(error.empty());
  CHECK(relation_kind_names(*kinds) == std::vector<std::string>{"causes", "references"});
  CHECK(parse_relation_kinds("contradicts", &error) == RelationKinds(RelationKind::contradicts));
  // Repeats are harmless.
  CHECK(parse_relation_kinds("causes,causes", &error) == RelationKinds(RelationKind::causes));

  CHECK_FALSE(parse_relation_kinds("causes,caused", &error).has_value());
  CHECK(error == "unknown relation kind 'caused' (expected causes, references or contradicts)");
  CHECK_FALSE(parse_relation_kinds("", &error).has_value());
  CHECK(error == "unknown relation kind '' (expected causes, references or contradicts)");
  CHECK_FALSE(parse_relation_kinds("causes,", &error).has_value());
  CHECK(error == "unknown relation kind '' (expected causes, references or contradicts)");
  CHECK_FALSE(parse_relation_kinds("causes, references", &error).has_value());
  CHECK(error ==
        "unknown relation kind ' references' (expected causes, references or contradicts)");
  // The error string is optional.
  CHECK_FALSE(parse_relation_kinds("x", nullptr).has_value());
}

TEST_CASE("a relation is disputed when an actor disputes it", "[relation]") {
  Relation relation;
  CHECK_FALSE(relation.disputed());
  relation.claimed_by = {"lavrov"};
  CHECK_FALSE(relation.disputed());
  relation.disputed_by = {"zelenskyy"};
  CHECK(relation.disputed());
}

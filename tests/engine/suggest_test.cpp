#include "engine/suggest.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

using eventgraph::did_you_mean;
using eventgraph::edit_distance;
using eventgraph::nearest;

}  // namespace

TEST_CASE("edit distance counts insertions, deletions, substitutions, transpositions",
          "[suggest]") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("date", "date") == 0);
  CHECK(edit_distance("", "date") == 4);
  CHECK(edit_distance("date", "") == 4);
  CHECK(edit_distance("dat", "date") == 1);       // insertion
  CHECK(edit_distance("datte", "date") == 1);     // deletion
  CHECK(edit_distance("lavrof", "lavrov") == 1);  // substitution
  CHECK(edit_distance("tilte", "title") == 1);    // adjacent transposition
  CHECK(edit_distance("kitten", "sitting") == 3);
  // Optimal string alignment: a transposed pair cannot be edited again.
  CHECK(edit_distance("ca", "abc") == 3);
  CHECK(edit_distance("abc", "ca") == 3);
}

TEST_CASE("nearest suggests only plausible typos", "[suggest]") {
  const std::vector<std::string> keys = {"actors", "causes", "date", "id", "sources", "title"};
  CHECK(nearest("dat", keys) == "date");
  CHECK(nearest("titel", keys) == "title");
  CHECK(nearest("sorces", keys) == "sources");
  // An exact match is not a typo.
  CHECK_FALSE(nearest("date", keys).has_value());
  // Too far: 'summary' shares nothing with the keys.
  CHECK_FALSE(nearest("summary", keys).has_value());
  // Short words allow one edit at least: 'ib' -> 'id'.
  CHECK(nearest("ib", keys) == "id");
  // The limit is a third of the word, at most 3: 'xxxx' is 4 edits from 'date'.
  CHECK_FALSE(nearest("xxxx", keys).has_value());
  CHECK_FALSE(nearest("", keys).has_value());
  CHECK_FALSE(nearest("date", std::vector<std::string>{}).has_value());
}

TEST_CASE("nearest caps the distance at three edits", "[suggest]") {
  const std::vector<std::string> ids = {"istanbul-talks-collapse"};
  // 23 characters allow 3 edits, not 7.
  CHECK(nearest("istanbul-talks-collapsd", ids) == "istanbul-talks-collapse");
  CHECK(nearest("istanbul-talks-colXXXse", ids) == "istanbul-talks-collapse");
  CHECK_FALSE(nearest("istanbul-talks-cXXXXse", ids).has_value());
}

TEST_CASE("ties go to the candidate that sorts first", "[suggest]") {
  const std::vector<std::string> forward = {"bat", "cat"};
  const std::vector<std::string> backward = {"cat", "bat"};
  CHECK(nearest("aat", forward) == "bat");
  CHECK(nearest("aat", backward) == "bat");
}

TEST_CASE("did_you_mean formats the suggestion", "[suggest]") {
  const std::vector<std::string> actors = {"lavrov", "putin"};
  CHECK(did_you_mean("lavrof", actors) == " (did you mean 'lavrov'?)");
  CHECK(did_you_mean("zelenskyy", actors).empty());
}

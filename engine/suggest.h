// "Did you mean ...?" for misspelt keys and ids.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace eventgraph {

/// Optimal-string-alignment edit distance (insertions, deletions,
/// substitutions and adjacent transpositions), in bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate nearest to `word`, if it is near enough to be a plausible
/// typo (distance at most a third of the word's length, at least 1 and at
/// most 3); ties go to the candidate that sorts first.
std::optional<std::string> nearest(std::string_view word, std::span<const std::string> candidates);

/// `(did you mean 'x'?)` with a leading space, or empty when nothing is near.
std::string did_you_mean(std::string_view word, std::span<const std::string> candidates);

}  // namespace eventgraph

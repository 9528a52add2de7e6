// Ids made from text: titles and names become slugs (`[a-z0-9][a-z0-9-]*`),
// unique within their kind and the same for the same input.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace eventgraph {

/// The slug of `text`: Latin letters lowercased with their accents dropped
/// (é → e, ß → ss), Greek and Cyrillic letters transliterated (Київ → kyiv),
/// every other run of characters one `-`, at most `max_length` bytes cut at
/// a `-` where one is near. Empty when nothing is left (a title of only
/// Chinese characters or punctuation); the caller picks a fallback.
///
/// Example:
///   slugify("Talks in İstanbul, 29 March") == "talks-in-istanbul-29-march"
std::string slugify(std::string_view text, std::size_t max_length = 60);

/// Hands out unique slugs: the first `base` as is, then `base-2`, `base-3`,
/// ... in the order asked, so the same input order gives the same ids.
class SlugAllocator {
 public:
  /// Reserves `id` (an id the input fixed) so no later slug takes it.
  /// Returns false when it was already taken.
  bool reserve(const std::string& id);
  /// A unique slug for `text`, `fallback` when the text has no letters.
  std::string allocate(std::string_view text, std::string_view fallback);

 private:
  std::unordered_set<std::string> taken_;
  std::unordered_map<std::string, std::size_t> next_suffix_;
};

}  // namespace eventgraph

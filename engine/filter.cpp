#include "engine/filter.h"

#include "engine/date_window.h"
#include "engine/suggest.h"

#include <algorithm>

namespace eventgraph {

namespace {

// Decodes the UTF-8 sequence at text[i]; returns its length (at least 1)
// and sets `out` to U+FFFD when the sequence is malformed.
std::size_t decode(std::string_view text, std::size_t i, char32_t& out) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) {
    out = lead;
    return 1;
  }
  std::size_t length = 0;
  char32_t min = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, min = 0x80, out = lead & 0x1Fu;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, min = 0x800, out = lead & 0x0Fu;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, min = 0x10000, out = lead & 0x07u;
  } else {
    out = 0xFFFD;
    return 1;
  }
  if (i + length > text.size()) {
    out = 0xFFFD;
    return 1;
  }
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      out = 0xFFFD;
      return 1;
    }
    out = (out << 6) | (byte(i + k) & 0x3Fu);
  }
  if (out < min || out > 0x10FFFF || (out >= 0xD800 && out <= 0xDFFF)) out = 0xFFFD;
  return length;
}

// Simple (one-to-one) lower-case mapping for the scripts event files use
// most; other characters compare as written.
char32_t fold(char32_t c) {
  if (c < 0x80) return (c >= U'A' && c <= U'Z') ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;  // Latin-1: À..Þ, not ×
  if (c >= 0x100 && c <= 0x17F) {                          // Latin Extended-A
    if (c == 0x130) return U'i';                           // İ
    if (c == 0x178) return 0xFF;                           // Ÿ
    const bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F) return c;
    if (odd_upper) return (c % 2 == 1) ? c + 1 : c;
    return (c % 2 == 0) ? c + 1 : c;
  }
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;  // Greek capitals
  if (c == 0x3C2) return 0x3C3;                               // final sigma
  if (c == 0x386) return 0x3AC;
  if (c >= 0x388 && c <= 0x38A) return c + 37;
  if (c == 0x38C) return 0x3CC;
  if (c == 0x38E || c == 0x38F) return c + 63;
  if (c >= 0x410 && c <= 0x42F) return c + 32;  // Cyrillic А..Я
  if (c >= 0x400 && c <= 0x40F) return c + 80;  // Ѐ..Џ
  if (c >= 0x460 && c <= 0x4BF && c % 2 == 0 && (c <= 0x481 || c >= 0x48A)) return c + 1;
  return c;
}

bool equals_ascii_caseless(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char ch) { return (ch >= 'A' && ch <= 'Z') ? char(ch + 32) : ch; };
           return lower(x) == lower(y);
         });
}

bool contains(const std::vector<std::string>& items, std::string_view item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// Knuth-Morris-Pratt: linear in text and needle whatever they hold, where
// a naive search of 'aaa...ab' in 'aaaa...' is quadratic (attack report L7:
// 85 s for a 2 MB summary) and libstdc++'s Boyer-Moore table is quadratic
// to build for such a needle (2.8 s for 100,000 characters).
class NeedleSearch {
 public:
  explicit NeedleSearch(std::u32string needle)
      : needle_(std::move(needle)), border_(needle_.size()) {
    for (std::size_t i = 1, k = 0; i < needle_.size(); ++i) {
      while (k > 0 && needle_[i] != needle_[k]) k = border_[k - 1];
      if (needle_[i] == needle_[k]) ++k;
      border_[i] = k;
    }
  }

  bool empty() const { return needle_.empty(); }

  bool found_in(const std::u32string& text) const {
    for (std::size_t i = 0, k = 0; i < text.size(); ++i) {
      while (k > 0 && text[i] != needle_[k]) k = border_[k - 1];
      if (text[i] == needle_[k] && ++k == needle_.size()) return true;
    }
    return false;
  }

 private:
  std::u32string needle_;
  std::vector<std::size_t> border_;  // longest proper border of each prefix
};

// The filter with its text match folded once, for a whole selection.
struct PreparedFilter {
  const EventFilter& filter;
  NeedleSearch needle;
  explicit PreparedFilter(const EventFilter& f) : filter(f), needle(fold_case(f.match)) {}

  bool contains_needle(const std::string& text) const { return needle.found_in(fold_case(text)); }

  bool operator()(const EventGraph& graph, const Event& event) const {
    if ((filter.from || filter.to) &&
        !in_window(event.date, DateWindow{filter.from, filter.to, filter.within}))
      return false;
    if (!filter.actors.empty() &&
        std::none_of(event.actors.begin(), event.actors.end(),
                     [&](const std::string& actor) { return contains(filter.actors, actor); })) {
      return false;
    }
    if (!filter.affiliation.empty() &&
        std::none_of(event.actors.begin(), event.actors.end(), [&](const std::string& id) {
          const Actor* actor = graph.find_actor(id);
          return actor && equals_ascii_caseless(actor->affiliation, filter.affiliation);
        })) {
      return false;
    }
    if (!filter.kind.empty() && !equals_ascii_caseless(event.kind, filter.kind)) return false;
    if (!filter.tag.empty() && !contains(event.tags, filter.tag)) return false;
    if (!needle.empty() && !contains_needle(event.title) && !contains_needle(event.summary)) {
      return false;
    }
    return true;
  }
};

}  // namespace

bool EventFilter::empty() const {
  return !from && !to && actors.empty() && affiliation.empty() && kind.empty() && tag.empty() &&
         match.empty();
}

std::u32string fold_case(std::string_view text) {
  std::u32string folded;
  folded.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    i += decode(text, i, c);
    folded.push_back(fold(c));
  }
  return folded;
}

bool matches(const EventGraph& graph, const Event& event, const EventFilter& filter) {
  return PreparedFilter(filter)(graph, event);
}

std::vector<EventIndex> select(const EventGraph& graph, const EventFilter& filter) {
  std::vector<EventIndex> kept;
  const PreparedFilter keep(filter);
  const auto events = graph.events();
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (keep(graph, events[i])) kept.push_back(static_cast<EventIndex>(i));
  }
  return kept;
}

std::vector<EventIndex> select(const EventGraph& graph, std::span<const EventIndex> events,
                               const EventFilter& filter) {
  std::vector<EventIndex> kept;
  const PreparedFilter keep(filter);
  for (EventIndex index : events) {
    if (keep(graph, graph.event(index))) kept.push_back(index);
  }
  return kept;
}

std::optional<std::string> unknown_actor(const EventGraph& graph, const EventFilter& filter) {
  for (const std::string& id : filter.actors) {
    if (graph.find_actor(id)) continue;
    std::vector<std::string> ids;
    for (const Actor& actor : graph.actors()) ids.push_back(actor.id);
    return "unknown actor '" + id + "'" + did_you_mean(id, ids);
  }
  return std::nullopt;
}

}  // namespace eventgraph

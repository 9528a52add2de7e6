#include "tests/support/synthetic.h"

#include "engine/edtf.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <limits>
#include <random>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace eventgraph::synthetic {

namespace {

using date::sys_days;
using Words = std::vector<std::string_view>;

// std::mt19937_64's output is fixed by the standard; std::uniform_int_
// distribution's is not, so ranges are mapped here, by rejection.
class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}

  /// Uniform in [0, n); n > 0.
  std::size_t below(std::size_t n) {
    const std::uint64_t range = n;
    const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
    const std::uint64_t limit = max - max % range;
    std::uint64_t x = engine_();
    while (x >= limit) x = engine_();
    return static_cast<std::size_t>(x % range);
  }
  /// Uniform in [low, high].
  int between(int low, int high) {
    return low + static_cast<int>(below(static_cast<std::size_t>(high - low + 1)));
  }
  /// True with probability per_mille / 1000.
  bool chance(unsigned per_mille) { return below(1000) < per_mille; }
  std::string_view pick(const Words& words) { return words[below(words.size())]; }

 private:
  std::mt19937_64 engine_;
};

// Vocabulary. A few words carry non-ASCII letters, a `"` or a `\` so that
// readers and writers meet them at every size.
const Words kSubjects = {"Foreign minister",
                         "The delegation",
                         "Parliament",
                         "The defence ministry",
                         "The envoy",
                         "The president",
                         "The government",
                         "The central bank",
                         "The security council",
                         "The opposition leader",
                         "The chief negotiator",
                         "The prime minister",
                         "The Kremlin",
                         "Kyiv",
                         "Washington",
                         "Brussels",
                         "Ankara",
                         "The mediator",
                         "The observer mission",
                         "The energy regulator",
                         "A Zürich bank",
                         "The Bundestag",
                         "Türkiye's envoy",
                         "The spokesman",
                         "A senior lawmaker"};
const Words kVerbs = {"rejects",   "proposes", "signs",     "announces", "criticises", "suspends",
                      "resumes",   "denies",   "confirms",  "warns of",  "calls for",  "hosts",
                      "postpones", "backs",    "questions", "welcomes",  "drafts",     "leaks",
                      "ratifies",  "condemns", "renews",    "blocks",    "revises",    "outlines"};
const Words kObjects = {
    "ceasefire plan",        "grain deal",   "sanctions package",    "prisoner exchange",
    "security guarantees",   "peace talks",  "energy agreement",     "trade embargo",
    "arms deliveries",       "border talks", "gas transit contract", "loan guarantees",
    "humanitarian corridor", "draft treaty", "troop withdrawal",     "nuclear safety protocol",
    "reconstruction fund",   "visa regime",  "export controls",      "monitoring mission"};
const Words kPrepositions = {"in", "after", "before", "over", "amid", "despite", "ahead of"};
const Words kTails = {"new offensive",       "weeks of talks",   "a summit",
                      "the election",        "the winter",       "mounting pressure",
                      "a leaked memo",       "renewed shelling", "the harvest",
                      "a cabinet reshuffle", "the Genève round", "\"historic\" breakthrough",
                      "allied objections",   "a budget vote",    "public protests"};
const Words kPlaces = {"Kyiv",      "Moscow",   "Washington", "Brussels", "Genève",  "İstanbul",
                       "Ankara",    "Minsk",    "Warsaw",     "Berlin",   "Paris",   "London",
                       "Vienna",    "Helsinki", "Riyadh",     "Doha",     "Beijing", "New York",
                       "Zürich",    "Odesa",    "Kharkiv",    "Lviv",     "Tbilisi", "Bucharest",
                       "São Paulo", "Jeddah",   "Abu Dhabi",  "Rome",     "Oslo",    "Budapest"};
const Words kKinds = {"statement", "meeting",   "proposal", "summit", "report",   "interview",
                      "sanction",  "agreement", "talks",    "vote",   "election", "visit",
                      "speech",    "treaty",    "decree",   "leak"};
const Words kTags = {
    "nato",         "sanctions",    "energy",         "grain",      "ceasefire", "prisoners",
    "un",           "eu",           "security",       "nuclear",    "trade",     "refugees",
    "media",        "elections",    "finance",        "arms",       "borders",   "mediation",
    "humanitarian", "courts",       "cyber",          "shipping",   "gas",       "oil",
    "diplomacy",    "intelligence", "reconstruction", "minorities", "aid",       "treaties"};
const Words kSummaryWords = {
    "officials",  "said",      "the",        "talks",    "would",      "resume",      "after",
    "a",          "pause",     "of",         "several",  "weeks",      "while",       "both",
    "sides",      "accused",   "each",       "other",    "delaying",   "progress",    "on",
    "key",        "issues",    "including",  "security", "guarantees", "and",         "prisoner",
    "exchanges",  "reports",   "suggest",    "that",     "draft",      "text",        "was",
    "revised",    "twice",     "before",     "being",    "sent",       "to",          "capitals",
    "for",        "approval",  "critics",    "argued",   "deal",       "left",        "open",
    "questions",  "about",     "monitoring", "its",      "timetable",  "an",          "adviser",
    "described",  "mood",      "as",         "cautious", "but",        "not",         "hopeless",
    "analysts",   "noted",     "shift",      "in",       "tone",       "since",       "spring",
    "délégation", "Ukraine's", "Zelenskyy",  "Lavrov",   "Genève",     "memo",        "confirmed",
    "denied",     "publicly",  "privately",  "sources",  "close",      "negotiations"};
const Words kFirstNames = {"Anna",  "Boris",  "Olena",  "John",  "Maria", "Zoë",   "Łukasz",
                           "José",  "Mehmet", "Ingrid", "Yusuf", "Chen",  "Amara", "Dmytro",
                           "Sofia", "Pierre", "Aylin",  "Karl",  "Nadia", "Søren"};
const Words kLastNames = {"Ivanova", "Kovalenko", "Smith",   "Müller",   "García", "Nowak",
                          "Yılmaz",  "Lindqvist", "Okafor",  "Petrenko", "Dubois", "Rossi",
                          "Haddad",  "Tanaka",    "O'Brien", "Novak",    "Schulz", "Hansen"};
const Words kRoles = {"foreign minister", "envoy",     "spokesperson",   "negotiator", "analyst",
                      "ambassador",       "president", "prime minister", "journalist", "general"};
const Words kAffiliations = {"ukraine", "russia",     "united-states",  "european-union",
                             "turkiye", "china",      "united-nations", "nato",
                             "media",   "independent"};
const Words kPublishers = {"Reuters",  "AP",          "BBC",        "TASS", "Kyiv Independent",
                           "Le Monde", "Der Spiegel", "Al Jazeera", "RT",   "The Guardian",
                           "NHK",      "Hürriyet"};
const Words kNotes = {"reported by two outlets",
                      "the date of the claim is inferred",
                      "one source calls the link \"obvious\"",
                      "archive ref. 17\\2022",
                      "the ministry later withdrew the statement",
                      "contested by observers"};

constexpr sys_days kFirstDay = sys_days{date::year{1990} / 1 / 1};
constexpr sys_days kLastDay = sys_days{date::year{2026} / 12 / 31};

std::string digits(long value, int width) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%0*ld", width, value);
  return buffer;
}
// An id such as "e000042". Formatted whole: GCC 12 at -O3 warns falsely
// (-Wrestrict) about "e" + std::string.
std::string id(char prefix, std::size_t value, int width) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%c%0*zu", prefix, width, value);
  return buffer;
}
std::string format_year(date::year y) { return digits(static_cast<int>(y), 4); }
std::string format_month(date::year_month ym) {
  return format_year(ym.year()) + "-" + digits(static_cast<unsigned>(ym.month()), 2);
}
std::string day_text(sys_days day) { return format_day(day); }
date::year_month month_of(sys_days day) {
  const date::year_month_day ymd{day};
  return ymd.year() / ymd.month();
}

// An EDTF text for an event around `anchor`, of a precision drawn from a
// realistic mix. Every date stays within kFirstDay..kLastDay except decades
// and winters at the edges, which only end late.
std::string random_date(Random& random, sys_days anchor) {
  const date::year_month_day ymd{anchor};
  const date::year_month ym = ymd.year() / ymd.month();
  const unsigned month = static_cast<unsigned>(ymd.month());
  const std::size_t roll = random.below(1000);
  if (roll < 470) return day_text(anchor);
  if (roll < 650) return format_month(ym);
  if (roll < 730) return format_year(ymd.year());
  if (roll < 780) {  // the meteorological season holding the anchor
    if (month <= 2 && ymd.year() == date::year{1990}) return format_month(ym);
    const int season = month <= 2 || month == 12 ? 24 : 20 + static_cast<int>(month / 3);
    const date::year year = month <= 2 ? ymd.year() - date::years{1} : ymd.year();
    return format_year(year) + "-" + std::to_string(season);
  }
  if (roll < 795) return digits(static_cast<int>(ymd.year()) / 10, 3) + "X";
  if (roll < 910) {  // qualified: uncertain, approximate, or both
    const std::size_t base = random.below(100);
    std::string text = base < 50   ? day_text(anchor)
                       : base < 85 ? format_month(ym)
                                   : format_year(ymd.year());
    const std::size_t q = random.below(100);
    return text + (q < 52 ? "?" : q < 95 ? "~" : "%");
  }
  if (roll < 990) {  // a closed interval of days, months or years
    const std::size_t shape = random.below(100);
    if (shape < 35) {
      const date::days length{random.between(1, 21)};
      sys_days first = anchor, last = anchor + length;
      if (last >= kLastDay) first = anchor - length, last = anchor;
      return day_text(first) + "/" + day_text(last) + (random.chance(100) ? "?" : "");
    }
    if (shape < 85) {
      const date::months length{random.between(1, 5)};
      date::year_month first = ym, last = ym + length;
      if (last > date::year{2026} / 11) first = ym - length, last = ym;
      return format_month(first) + (random.chance(100) ? "~" : "") + "/" + format_month(last);
    }
    const date::years length{random.between(1, 3)};
    date::year first = ymd.year(), last = first + length;
    if (last >= date::year{2026}) first = first - length, last = ymd.year();
    if (first < date::year{1990}) return format_year(ymd.year());
    return format_year(first) + "/" + format_year(last);
  }
  return (random.chance(500) ? day_text(anchor) : format_month(ym)) + "/..";
}

// A day between the first and the last, exclusive, more of them recent, as
// in real chronologies: a third uniform, the rest the later of two draws.
sys_days random_anchor(Random& random) {
  const auto span = static_cast<std::size_t>((kLastDay - kFirstDay).count() - 1);
  std::size_t offset = random.below(span);
  if (random.below(3) != 0) offset = std::max(offset, random.below(span));
  return kFirstDay + date::days{static_cast<int>(offset) + 1};
}

void capitalise(std::string& text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
}

// Subject, verb and object, then "preposition tail" phrases while they fit
// in 3 to 12 words; a short target cuts the object.
std::string random_title(Random& random) {
  const std::size_t target = static_cast<std::size_t>(random.between(3, 12));
  std::vector<std::string_view> words;
  auto add = [&](std::vector<std::string_view>& to, std::string_view phrase) {
    for (std::size_t start = 0; start <= phrase.size();) {
      std::size_t end = phrase.find(' ', start);
      if (end == std::string_view::npos) end = phrase.size();
      to.push_back(phrase.substr(start, end - start));
      start = end + 1;
    }
  };
  add(words, random.pick(kSubjects));
  add(words, random.pick(kVerbs));
  const std::size_t subject_and_verb = words.size();
  add(words, random.pick(kObjects));
  // A short title keeps its verb and a word of its object.
  if (words.size() > target) words.resize(std::max(target, subject_and_verb + 1));
  for (;;) {
    std::vector<std::string_view> phrase;
    add(phrase, random.pick(kPrepositions));
    add(phrase, random.chance(300) ? random.pick(kPlaces) : random.pick(kTails));
    if (words.size() + phrase.size() > target) break;
    words.insert(words.end(), phrase.begin(), phrase.end());
  }
  std::string title;
  for (std::string_view word : words) title.append(title.empty() ? "" : " ").append(word);
  capitalise(title);
  return title;
}

std::string random_summary(Random& random) {
  std::string summary;
  const int sentences = random.between(1, 2);
  for (int s = 0; s < sentences; ++s) {
    const int count = random.between(5, 14);
    std::string sentence;
    for (int w = 0; w < count; ++w) {
      sentence.append(sentence.empty() ? "" : " ").append(random.pick(kSummaryWords));
    }
    capitalise(sentence);
    summary.append(summary.empty() ? "" : " ").append(sentence).append(".");
  }
  return summary;
}

// Appends `text` as a double-quoted YAML scalar.
void quoted(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

// Appends `["a", "b"]`.
void flow_list(std::string& out, const std::vector<std::string>& items) {
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    quoted(out, items[i]);
  }
  out += ']';
}

// Up to `most` distinct ids out of `pool`, at least `least`, in ascending order.
std::vector<std::string> random_ids(Random& random, const std::vector<std::string>& pool, int least,
                                    int most) {
  const int count = std::min(random.between(least, most), static_cast<int>(pool.size()));
  std::vector<std::size_t> picked;
  while (static_cast<int>(picked.size()) < count) {
    const std::size_t index = random.below(pool.size());
    if (std::find(picked.begin(), picked.end(), index) == picked.end()) picked.push_back(index);
  }
  std::sort(picked.begin(), picked.end());
  std::vector<std::string> ids;
  for (std::size_t index : picked) ids.push_back(pool[index]);
  return ids;
}

enum Kind : unsigned { kCauses = 0, kReferences = 1, kContradicts = 2 };
constexpr std::array<std::string_view, 3> kKindNames = {"causes", "references", "contradicts"};

struct Link {
  std::size_t to = 0;
  Kind kind = kCauses;
};

struct Dated {
  EdtfDate date;
  std::size_t draw = 0;  // generation order, the last tie-breaker
};

// The events' dates, in chronological order (the engine's compare_bounds):
// the first is 1990-01-01 and the last 2026-12-31, each alone on its day.
std::vector<EdtfDate> chronological_dates(Random& random, std::size_t events) {
  std::vector<Dated> dated;
  dated.reserve(events);
  for (std::size_t i = 0; i < events; ++i) {
    const bool edge = i == 0 || i + 1 == events;
    std::string text = i == 0 ? day_text(kFirstDay)
                       : edge ? day_text(kLastDay)
                              : random_date(random, random_anchor(random));
    EdtfParseResult parsed = parse_edtf(text);
    dated.push_back({parsed.ok() ? parsed.date : parse_edtf(day_text(kFirstDay)).date, i});
  }
  std::sort(dated.begin(), dated.end(), [](const Dated& a, const Dated& b) {
    const auto order = compare_bounds(a.date, b.date);
    return order != 0 ? order < 0 : a.draw < b.draw;
  });
  std::vector<EdtfDate> dates;
  dates.reserve(events);
  for (Dated& d : dated) dates.push_back(std::move(d.date));
  return dates;
}

// The relations each event lists, by event. `causes` go from i to events
// whose earliest day is on or after i's latest day, and a chain of them
// joins the first event to the last; `chain` receives its events.
std::vector<std::vector<Link>> random_links(Random& random, const std::vector<EdtfDate>& dates,
                                            std::vector<std::size_t>& chain) {
  const std::size_t n = dates.size();
  std::vector<std::vector<Link>> links(n);
  if (n > 0) chain.push_back(0);
  if (n < 2) return links;
  std::vector<Day> firsts(n);
  for (std::size_t i = 0; i < n; ++i) firsts[i] = dates[i].known_first();
  // The first event that i may cause: its earliest day is not before i's latest.
  auto first_effect = [&](std::size_t i) {
    const Day last = dates[i].latest().value_or(dates[i].known_last());
    const auto at = std::lower_bound(firsts.begin(), firsts.end(), last) - firsts.begin();
    return std::max(static_cast<std::size_t>(at), i + 1);
  };
  std::unordered_set<std::uint64_t> seen;
  auto link = [&](std::size_t from, std::size_t to, Kind kind) {
    if (from == to || to >= n) return;
    std::size_t a = from, b = to;
    if (kind == kContradicts && b < a) std::swap(a, b);
    if (seen.insert((static_cast<std::uint64_t>(a) * n + b) * 3 + kind).second) {
      links[from].push_back({to, kind});
    }
  };

  // The guaranteed chain, in steps of about n/100 events: about 100 events long.
  const std::size_t stride = std::max<std::size_t>(1, n / 100);
  for (std::size_t at = 0; at + 1 < n;) {
    std::size_t next = first_effect(at) + random.below(stride);
    // Only events known to the month or better, so that the chain is long.
    while (next < n - 1 && (dates[next].known_last() > firsts[n - 1] ||
                            dates[next].known_last() - firsts[next] > date::days{31})) {
      ++next;
    }
    next = std::min(next, n - 1);
    link(at, next, kCauses);
    chain.push_back(next);
    at = next;
  }

  // Local links reach a window of events around i; one in six goes anywhere.
  const std::size_t window = std::max<std::size_t>(8, n / 500);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t count = random.below(7);
    for (std::size_t r = 0; r < count; ++r) {
      const std::size_t roll = random.below(100);
      const bool far = random.below(6) == 0;
      if (roll < 50) {
        const std::size_t low = first_effect(i);
        if (low >= n) continue;
        const std::size_t reach = far ? n - low : std::min(window, n - low);
        link(i, low + random.below(reach), kCauses);
      } else if (roll < 88) {
        if (i == 0) continue;
        link(i, i - 1 - random.below(far ? i : std::min(window, i)), kReferences);
      } else {
        const std::size_t low = i > window ? i - window : 0;
        link(i, low + random.below(std::min(n, i + window + 1) - low), kContradicts);
      }
    }
  }
  for (auto& list : links) {
    std::sort(list.begin(), list.end(), [](const Link& a, const Link& b) {
      return a.kind != b.kind ? a.kind < b.kind : a.to < b.to;
    });
  }
  return links;
}

}  // namespace

std::string synthetic_event_id(std::size_t index) { return id('e', index, 6); }

PathEndpoints path_endpoints(std::size_t events) {
  return {synthetic_event_id(0), synthetic_event_id(events > 0 ? events - 1 : 0)};
}

std::string generate_event_yaml(const SyntheticOptions& options, std::vector<std::string>* chain) {
  Random random(options.seed);
  const std::size_t n = options.events;
  const std::size_t cap = std::max<std::size_t>(1, n / 2);
  std::vector<std::string> actors, sources;
  for (std::size_t i = 0; i < std::min(options.actors, cap); ++i) actors.push_back(id('a', i, 3));
  for (std::size_t i = 0; i < std::min(options.sources, cap); ++i) sources.push_back(id('s', i, 4));

  std::string out;
  out.reserve(n * 460 + 4096);
  out += "# Synthetic event graph generated by eventgraph-generate; do not edit.\n";
  out += "eventgraph: 1\ntitle: ";
  quoted(out, "Synthetic event graph: " + std::to_string(n) + " events, seed " +
                  std::to_string(options.seed));
  out += "\n\nactors:\n";
  for (const std::string& id : actors) {
    out += "  ";
    quoted(out, id);
    out += ": {name: ";
    quoted(out, std::string(random.pick(kFirstNames)) + " " + std::string(random.pick(kLastNames)));
    out += ", role: ";
    quoted(out, random.pick(kRoles));
    out += ", affiliation: ";
    quoted(out, random.pick(kAffiliations));
    out += "}\n";
  }
  out += "\nsources:\n";
  for (const std::string& id : sources) {
    out += "  ";
    quoted(out, id);
    out += ":\n    title: ";
    quoted(out, random_title(random));
    out += "\n    publisher: ";
    quoted(out, random.pick(kPublishers));
    if (random.chance(500)) {
      out += "\n    author: ";
      quoted(out,
             std::string(random.pick(kFirstNames)) + " " + std::string(random.pick(kLastNames)));
    }
    const sys_days day = random_anchor(random);
    if (random.chance(800)) {
      out += "\n    date: ";
      quoted(out, random.chance(700) ? day_text(day) : format_month(month_of(day)));
    }
    out += "\n    url: ";
    quoted(out, "https://news.example/" + format_year(date::year_month_day{day}.year()) + "/" + id);
    out += '\n';
  }

  const std::vector<EdtfDate> dates = chronological_dates(random, n);
  std::vector<std::size_t> chain_events;
  const std::vector<std::vector<Link>> links = random_links(random, dates, chain_events);
  if (chain) {
    chain->clear();
    for (std::size_t event : chain_events) chain->push_back(synthetic_event_id(event));
  }
  out += n == 0 ? "\nevents: []\n" : "\nevents:\n";
  for (std::size_t i = 0; i < n; ++i) {
    out += "  - id: ";
    quoted(out, synthetic_event_id(i));
    out += "\n    title: ";
    quoted(out, random_title(random));
    out += "\n    date: ";
    quoted(out, dates[i].text());
    out += "\n    kind: ";
    quoted(out, random.pick(kKinds));
    if (random.chance(900)) {
      out += "\n    actors: ";
      flow_list(out, random_ids(random, actors, 1, 3));
    }
    if (random.chance(750)) {
      out += "\n    place: ";
      quoted(out, random.pick(kPlaces));
    }
    std::vector<std::string> tags;
    for (int t = random.between(0, 3); t > 0; --t) {
      std::string tag(random.pick(kTags));
      if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(std::move(tag));
    }
    if (!tags.empty()) {
      out += "\n    tags: ";
      flow_list(out, tags);
    }
    out += "\n    summary: ";
    quoted(out, random_summary(random));
    out += "\n    sources: ";
    flow_list(out, random_ids(random, sources, 1, 3));
    out += '\n';
    for (std::size_t k = 0, at = 0; k < kKindNames.size(); ++k) {
      const std::size_t begin = at;
      while (at < links[i].size() && links[i][at].kind == k) ++at;
      if (at == begin) continue;
      out.append("    ").append(kKindNames[k]).append(":\n");
      for (std::size_t r = begin; r < at; ++r) {
        out += "      - ";
        if (!random.chance(100)) {
          quoted(out, synthetic_event_id(links[i][r].to));
          out += '\n';
          continue;
        }
        out += "event: ";
        quoted(out, synthetic_event_id(links[i][r].to));
        out += "\n        sources: ";
        flow_list(out, random_ids(random, sources, 1, 2));
        const std::vector<std::string> claimed = random_ids(random, actors, 1, 2);
        out += "\n        claimed_by: ";
        flow_list(out, claimed);
        if (random.chance(300)) {
          std::vector<std::string> disputed = random_ids(random, actors, 1, 1);
          if (disputed != claimed) {
            out += "\n        disputed_by: ";
            flow_list(out, disputed);
          }
        }
        if (random.chance(500)) {
          out += "\n        note: ";
          quoted(out, random.pick(kNotes));
        }
        out += '\n';
      }
    }
  }
  return out;
}

}  // namespace eventgraph::synthetic

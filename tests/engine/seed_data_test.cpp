// The seed dataset, data/events.yaml, checked for the facts that matter to
// its readers: it is valid, the key events carry the dates the sources
// support, the causal links are the ones the articles state or an actor in
// them claims (and no others), contested claims are attributed, and the
// references and contradictions the articles draw are there.
#include "engine/loader.h"
#include "engine/stats.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <deque>
#include <set>

using namespace eventgraph;

namespace {

const EventGraph& seed() {
  static const LoadResult result = load_file(EVENTGRAPH_SOURCE_DIR "/data/events.yaml");
  return *result.graph;
}

date::sys_days day(int y, unsigned m, unsigned d) {
  return date::sys_days{date::year{y} / date::month{m} / date::day{d}};
}

const Event& event(std::string_view id) {
  auto index = seed().find_event(id);
  INFO("event id: " << id);
  REQUIRE(index);
  return seed().event(*index);
}

bool related(std::string_view from, std::string_view to, RelationKind kind) {
  const EventIndex a = *seed().find_event(from);
  const EventIndex b = *seed().find_event(to);
  for (const Step& step : seed().outgoing(a, RelationKinds(kind))) {
    if (step.event == b) return true;
  }
  return false;
}

// Breadth-first search along `causes`, written out here so the test does
// not lean on the query layer it also helps to check.
bool causes_path(std::string_view from, std::string_view to) {
  const EventIndex target = *seed().find_event(to);
  std::set<EventIndex> seen{*seed().find_event(from)};
  std::deque<EventIndex> queue(seen.begin(), seen.end());
  while (!queue.empty()) {
    const EventIndex at = queue.front();
    queue.pop_front();
    if (at == target) return true;
    for (const Step& step : seed().outgoing(at, RelationKinds(RelationKind::causes))) {
      if (seen.insert(step.event).second) queue.push_back(step.event);
    }
  }
  return false;
}

bool has_actor(const Event& e, std::string_view actor) {
  return std::find(e.actors.begin(), e.actors.end(), actor) != e.actors.end();
}

// The relation `from` `kind` `to`, which must exist.
const Relation& relation(std::string_view from, std::string_view to, RelationKind kind) {
  const EventIndex a = *seed().find_event(from);
  const EventIndex b = *seed().find_event(to);
  for (const Step& step : seed().outgoing(a, RelationKinds(kind))) {
    if (step.event == b) return seed().relation(step.relation);
  }
  FAIL("no relation " << from << " -> " << to);
  throw;  // not reached: FAIL throws
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("the seed dataset is valid with no warnings", "[seed]") {
  const LoadResult result = load_file(EVENTGRAPH_SOURCE_DIR "/data/events.yaml");
  // INFO in a loop body is gone before the REQUIRE below: say them all at once.
  std::string said;
  for (const Diagnostic& d : result.diagnostics) said += format_diagnostic_line(d) + "\n";
  INFO(said);
  REQUIRE(result.ok());
  CHECK(result.diagnostics.empty());
}

TEST_CASE("the seed dataset reaches the numbers the issue sets", "[seed]") {
  const GraphStats stats = compute_stats(seed());
  CHECK(stats.events >= 35);
  CHECK(stats.actors >= 15);
  CHECK(stats.sources == 5);
  CHECK(stats.relation_count(RelationKind::causes) >= 15);
  CHECK(stats.relation_count(RelationKind::references) >= 15);
  CHECK(stats.relation_count(RelationKind::contradicts) >= 5);
  CHECK(stats.events_without_sources == 0);
}

TEST_CASE("every statement in the seed dataset names who made it", "[seed]") {
  const std::set<std::string> statement_kinds{"statement", "interview", "report", "claim"};
  for (const Event& e : seed().events()) {
    if (!statement_kinds.count(e.kind)) continue;
    INFO(e.id);
    CHECK_FALSE(e.actors.empty());
  }
}

TEST_CASE("every causal link names the source that states or reports it", "[seed]") {
  for (const Relation& r : seed().relations()) {
    if (r.kind != RelationKind::causes) continue;
    INFO(r.from << " causes " << r.to);
    CHECK_FALSE(r.sources.empty());
  }
}

TEST_CASE("the named events exist with the dates their sources support", "[seed]") {
  SECTION("the 2008 Bucharest summit declaration, on 3 April 2008") {
    const Event& e = event("bucharest-summit-declaration");
    CHECK(e.date.earliest() == day(2008, 4, 3));
    CHECK(e.date.latest() == day(2008, 4, 3));
  }
  SECTION("the December 2021 draft treaties, within December 2021") {
    const Event& e = event("december-2021-draft-treaties");
    CHECK(*e.date.earliest() >= day(2021, 12, 1));
    CHECK(*e.date.latest() <= day(2021, 12, 31));
    CHECK(e.date.precision() != Precision::year);
  }
  SECTION("their rejection comes before the invasion") {
    CHECK(*event("draft-treaties-rejected").date.latest() <
          *event("full-scale-invasion").date.earliest());
  }
  SECTION("the full-scale invasion, on 24 February 2022") {
    CHECK(event("full-scale-invasion").date.earliest() == day(2022, 2, 24));
  }
  SECTION("the Istanbul round on 29 March 2022, its draft from then to the end of April") {
    const Event& talks = event("istanbul-talks");
    CHECK(talks.date.earliest() == day(2022, 3, 29));
    CHECK(talks.date.latest() == day(2022, 3, 29));
    const Event& draft = event("istanbul-draft-agreement");
    CHECK(draft.date.earliest() == day(2022, 3, 29));
    CHECK(draft.date.latest() == day(2022, 4, 30));
  }
  SECTION("the talks' collapse comes after them, uncertain") {
    const Event& e = event("istanbul-talks-collapse");
    CHECK(*e.date.earliest() > *event("istanbul-talks").date.earliest());
    CHECK(e.date.uncertain());
  }
  SECTION("Bucha, Johnson's alleged intervention, the annexations and the decree in 2022") {
    for (auto id : {"bucha-killings-revealed", "johnson-intervention", "annexations-2022",
                    "zelenskyy-decree-no-talks"}) {
      INFO(id);
      CHECK(*event(id).date.earliest() >= day(2022, 3, 1));
      CHECK(*event(id).date.latest() <= day(2022, 12, 31));
    }
  }
  SECTION("Lavrov's CBS interview: CBS dates it 22 January 2024, RT 'Tuesday' the 23rd") {
    const Event& e = event("lavrov-cbs-interview");
    CHECK(e.date.earliest() == day(2024, 1, 22));
    CHECK(e.date.latest() == day(2024, 1, 23));
    CHECK(has_actor(e, "lavrov"));
  }
  SECTION("Zelenskyy's undated denial: after Johnson's visit, before article 004 was written") {
    const Event& e = event("zelenskyy-rejects-johnson-claim");
    CHECK(e.date.earliest() == event("johnson-intervention").date.earliest());
    CHECK(e.date.latest() == day(2026, 2, 4));
  }
  SECTION("the US-Ukraine security agreement was public from December 2025") {
    const Event& e = event("us-ukraine-security-agreement-mooted");
    CHECK(e.date.earliest() == day(2025, 12, 1));
    CHECK(e.date.latest() == day(2026, 1, 31));
  }
  SECTION("the Budapest summit cancelled in October 2025, sanctions days later") {
    const Event& cancelled = event("budapest-summit-cancelled");
    CHECK(*cancelled.date.earliest() >= day(2025, 10, 1));
    CHECK(*cancelled.date.latest() <= day(2025, 10, 31));
    CHECK(cancelled.place.empty());  // announced in Washington, not in Budapest
    const Event& sanctions = event("rosneft-lukoil-sanctions");
    CHECK(sanctions.date.earliest() == day(2025, 10, 22));
    CHECK(*sanctions.date.earliest() - *cancelled.date.earliest() <= date::days{7});
  }
  SECTION("the Abu Dhabi track starts in 2026 and is still open") {
    const Event& e = event("abu-dhabi-talks");
    CHECK(*e.date.earliest() >= day(2026, 1, 1));
    CHECK(e.date.end() == Bound::open);
  }
  SECTION("Lavrov's February 10 remarks, dated by the agency reports of that day") {
    const Event& e = event("lavrov-feb-10-remarks");
    CHECK(e.date.earliest() == day(2026, 2, 10));
    CHECK(e.date.latest() == day(2026, 2, 10));
    CHECK(has_actor(e, "lavrov"));
    CHECK(e.summary.starts_with("According to article 000, Lavrov"));
  }
  SECTION("the remaining statements named by the issue") {
    for (auto id : {"arakhamia-account", "lavrov-osce-remarks", "lavrov-aleinik-remarks",
                    "nbc-report-us-worry", "blinken-claim", "tass-us-blocks-talks",
                    "russian-conditions-budapest", "peskov-invites-zelenskyy",
                    "lavrov-us-guarantees-interview", "zelenskyy-rejects-johnson-claim",
                    "johnson-intervention-claim"}) {
      INFO(id);
      CHECK(seed().find_event(id));
    }
  }
}

TEST_CASE("the Istanbul talks produced the draft, as the articles say", "[seed]") {
  const Relation& r = relation("istanbul-talks", "istanbul-draft-agreement", RelationKind::causes);
  CHECK(r.claimed_by.empty());  // stated by the articles, not only claimed
  CHECK(r.sources.size() == 3);
  CHECK_FALSE(
      related("negotiation-rounds-begin", "istanbul-draft-agreement", RelationKind::causes));
  // Lavrov's claim that Russia's present demands are rooted in the draft.
  const Relation& rooted =
      relation("istanbul-draft-agreement", "russia-neutrality-demand", RelationKind::causes);
  CHECK(rooted.claimed_by == Strings{"lavrov"});
  CHECK_FALSE(
      related("istanbul-draft-agreement", "russia-settlement-conditions", RelationKind::causes));
}

TEST_CASE("no causal link the articles do not state", "[seed]") {
  const std::pair<const char*, const char*> removed[] = {
      {"draft-treaties-rejected", "full-scale-invasion"},                // no article links them
      {"bucharest-summit-declaration", "december-2021-draft-treaties"},  // RT only juxtaposes
      {"budapest-summit-cancelled", "rosneft-lukoil-sanctions"},         // "Days later": a sequence
      {"rosneft-lukoil-sanctions", "abu-dhabi-talks"},                   // article 004's analysis
      {"full-scale-invasion", "annexations-2022"},                       // background, not in 000
      {"bucha-killings-revealed", "ukraine-settlement-conditions"},
  };
  for (auto [from, to] : removed) {
    INFO(from << " -> " << to);
    CHECK_FALSE(related(from, to, RelationKind::causes));
  }
  CHECK_FALSE(causes_path("december-2021-draft-treaties", "full-scale-invasion"));
  CHECK_FALSE(causes_path("russian-conditions-budapest", "abu-dhabi-talks"));
  CHECK(related("russian-conditions-budapest", "budapest-summit-cancelled", RelationKind::causes));
  // Lavrov's accusation of 10 February is not about the December 2021 drafts.
  CHECK_FALSE(
      related("lavrov-feb-10-remarks", "draft-treaties-rejected", RelationKind::references));
}

TEST_CASE("contested claims are attributed, and no dispute is invented", "[seed]") {
  SECTION("Bucha: alleged atrocities, as article 000 says") {
    const Event& e = event("bucha-killings-revealed");
    CHECK(e.title.starts_with("Alleged atrocities"));
    CHECK(e.summary.find("“alleged atrocities") != std::string::npos);
  }
  SECTION("Johnson's intervention: claimed by Lavrov and RT, disputed by Zelenskyy") {
    const Relation& r =
        relation("johnson-intervention", "istanbul-talks-collapse", RelationKind::causes);
    CHECK(r.claimed_by == Strings{"lavrov", "rt"});  // Arakhamia only points to his role
    CHECK(r.disputed_by == Strings{"zelenskyy"});
    const Event& e = event("johnson-intervention");
    CHECK(e.summary.find("is alleged to have") != std::string::npos);
    CHECK(e.summary.find("sign nothing") == std::string::npos);  // not in any article
  }
  SECTION("only the two disputes the articles report") {
    std::set<std::pair<std::string, std::string>> disputed;
    for (const Relation& r : seed().relations()) {
      if (!r.disputed_by.empty()) disputed.emplace(r.from, r.to);
    }
    CHECK(disputed == std::set<std::pair<std::string, std::string>>{
                          {"alleged-us-uk-pressure", "istanbul-talks-collapse"},
                          {"johnson-intervention", "istanbul-talks-collapse"}});
  }
  SECTION("Kyiv's account of the collapse is its claim") {
    for (auto from : {"full-scale-invasion", "bucha-killings-revealed"}) {
      INFO(from);
      CHECK(relation(from, "istanbul-talks-collapse", RelationKind::causes).claimed_by ==
            Strings{"ukraine-government"});
    }
  }
  SECTION("NBC's claim that US worry prompted interest in talks is NBC's") {
    const Relation& r =
        relation("nbc-report-us-worry", "western-officials-broach-talks", RelationKind::references);
    CHECK(r.claimed_by == Strings{"nbc-news"});
  }
  SECTION("what the articles do not say is not in the data") {
    const Event& broached = event("western-officials-broach-talks");
    CHECK_FALSE(has_actor(broached, "ukraine-government"));  // 003 does not say with whom
    CHECK(broached.title.find("Kyiv") == std::string::npos);
    CHECK_FALSE(has_actor(event("full-scale-invasion"), "putin"));
    CHECK(has_actor(event("western-security-guarantees-position"), "european-governments"));
  }
  SECTION("quotations as the articles write them") {
    CHECK(event("lavrov-aleinik-remarks")
              .summary.find("“at least via three different channels of communication”") !=
          std::string::npos);
    CHECK(event("lavrov-cbs-interview").summary.find("against all promises") != std::string::npos);
  }
}

TEST_CASE("every Lavrov statement that invokes the Istanbul talks references them", "[seed]") {
  int statements = 0;
  for (const Event& e : seed().events()) {
    const bool mentions_istanbul = e.summary.find("Istanbul") != std::string::npos ||
                                   e.title.find("Istanbul") != std::string::npos;
    if (!has_actor(e, "lavrov") || !mentions_istanbul || e.id == "istanbul-talks") continue;
    INFO(e.id);
    CHECK(related(e.id, "istanbul-talks", RelationKind::references));
    ++statements;
  }
  CHECK(statements >= 4);
}

TEST_CASE("the Ukrainian account of the collapse draws on Arakhamia's", "[seed]") {
  CHECK(
      related("ukrainian-account-istanbul-failure", "arakhamia-account", RelationKind::references));
}

TEST_CASE("the competing claims contradict each other, read both ways", "[seed]") {
  const std::pair<const char*, const char*> pairs[] = {
      {"zelenskyy-rejects-johnson-claim", "johnson-intervention-claim"},
      {"zelenskyy-rejects-johnson-claim", "lavrov-us-guarantees-interview"},
      {"lavrov-cbs-interview", "blinken-claim"},
      {"ukrainian-account-istanbul-failure", "russian-account-istanbul-failure"},
      {"russian-proxy-war-position", "western-aid-position"},
  };
  for (auto [a, b] : pairs) {
    INFO(a << " / " << b);
    auto linked = [](std::string_view from, std::string_view to) {
      for (const Step& step :
           seed().neighbours(*seed().find_event(from), RelationKinds(RelationKind::contradicts))) {
        if (step.event == *seed().find_event(to)) return true;
      }
      return false;
    };
    CHECK(linked(a, b));
    CHECK(linked(b, a));
  }
}

TEST_CASE("outlets the articles cite are actors of what they reported", "[seed]") {
  const Event& e = event("media-describe-russian-conditions");
  CHECK(has_actor(e, "financial-times"));
  CHECK(has_actor(e, "reuters"));
  CHECK(related(e.id, "russian-conditions-budapest", RelationKind::references));
}

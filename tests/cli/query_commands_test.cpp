// The query commands as users run them: list, show, path, ancestors,
// descendants, around, contradictions and batch mode, on the hand-checked
// graph tests/data/query/graph.yaml (see its diagram) and on
// data/events.yaml.
#include "cli/command_line.h"
#include "cli/lineage_command.h"
#include "cli/path_command.h"
#include "cli/query_command.h"
#include "engine/loader.h"
#include "engine/paths.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using Strings = std::vector<std::string>;

const char* const kGraph = "query/graph.yaml";
const std::string kSeed = EVENTGRAPH_SOURCE_DIR "/data/events.yaml";

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

const fs::path& temp_dir() {
  static const fs::path dir = [] {
    std::string pattern = (fs::temp_directory_path() / "eventgraph-query-test-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    return fs::path(pattern);
  }();
  return dir;
}

struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the built binary in tests/data, with `input` on stdin.
Run run(const Strings& args, const std::string& input = "") {
  const fs::path in = temp_dir() / "stdin.txt", out = temp_dir() / "stdout.txt",
                 err = temp_dir() / "stderr.txt";
  std::ofstream(in, std::ios::binary) << input;
  std::string command = "cd " + shell_quote(EVENTGRAPH_TEST_DATA) +
                        " && EVENTGRAPH_CACHE_DIR=" + shell_quote((temp_dir() / "cache").string()) +
                        " " + shell_quote(EVENTGRAPH_BINARY);
  for (const std::string& arg : args) command += " " + shell_quote(arg);
  command += " <" + shell_quote(in.string()) + " >" + shell_quote(out.string()) + " 2>" +
             shell_quote(err.string());
  const int status = std::system(command.c_str());
  INFO(command);
  REQUIRE(WIFEXITED(status));
  return {WEXITSTATUS(status), read_text(out), read_text(err)};
}

json run_json(const Strings& args) {
  Strings with_format = args;
  with_format.insert(with_format.end(), {"--format", "json"});
  const Run r = run(with_format);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  json document = json::parse(r.out);
  CHECK(document["eventgraph"] == 1);
  return document;
}

Strings ids(const json& events) {
  Strings out;
  for (const json& e : events)
    out.push_back(e.is_string() ? e.get<std::string>() : e["id"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("list: aligned columns with EDTF dates, filtered", "[cli][query]") {
  Run r = run({"list", kGraph, "--from", "2020-05", "--to", "2020-06"});
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "2020           yankee  Something during 2020\n"
        "2020-05-10     delta   Meeting in the middle\n"
        "2020-06-10     echo    Élan of the Ωmega step\n"
        "2020-06-20/..  oscar   An open-ended process\n");
  r = run({"list", kGraph, "--from", "2020-05", "--to", "2020-06", "--within"});
  CHECK(r.out ==
        "2020-05-10  delta  Meeting in the middle\n"
        "2020-06-10  echo   Élan of the Ωmega step\n");
  r = run({"list", kGraph, "--actor", "alice", "--actor", "bob", "--kind", "claim"});
  CHECK(r.out ==
        "2021-02-15  papa    Alice's claim\n"
        "2021-03-15  quebec  Bob's claim\n");
}

TEST_CASE("list: finding nothing is success", "[cli][query]") {
  const Run r = run({"list", kGraph, "--tag", "no-such-tag"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(r.err == "no events match\n");
  CHECK(run_json({"list", kGraph, "--match", "nothing like this"})["events"].empty());
}

TEST_CASE("list: bad filters are usage errors", "[cli][query]") {
  Run r = run({"list", kGraph, "--from", "2020-13"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.starts_with("eventgraph: --from: "));
  r = run({"list", kGraph, "--from", "2021", "--to", "2020"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "eventgraph: --to '2020' ends before --from '2021' starts\n");
  r = run({"list", kGraph, "--actor", "alcie"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "eventgraph: unknown actor 'alcie' (did you mean 'alice'?)\n");
}

TEST_CASE("list: CSV quotes what needs quoting", "[cli][query]") {
  const Run r = run({"list", kGraph, "--tag", "middle", "--format", "csv"});
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "id,date,earliest,latest,precision,kind,title,actors,place,tags,sources\r\n"
        "delta,2020-05-10,2020-05-10,2020-05-10,day,meeting,Meeting in the middle,bob,,middle,"
        "s1;s2\r\n");
}

TEST_CASE("list: a Markdown table with the cited sources", "[cli][query]") {
  const Run r = run({"list", kGraph, "--tag", "middle", "--format", "markdown"});
  CHECK(r.exit_code == 0);
  CHECK(
      r.out.starts_with("| Date | Event | Sources |\n|---|---|---|\n"
                        "| 10 May 2020 | Meeting in the middle | 1, 2 |\n\nSources:\n\n1. "));
  CHECK(run({"list", kGraph, "--format", "MARKDOWN"}).exit_code == 0);
}

TEST_CASE("list: JSON events and the echoed query", "[cli][query]") {
  const json doc = run_json({"list", kGraph, "--tag", "start"});
  CHECK(doc["query"]["cmd"] == "list");
  CHECK(doc["query"]["tag"] == "start");
  CHECK(doc["query"]["from"].is_null());
  REQUIRE(doc["events"].size() == 1);
  const json& alpha = doc["events"][0];
  CHECK(alpha["id"] == "alpha");
  CHECK(alpha["date"] == json{{"edtf", "2020-01-10"},
                              {"earliest", "2020-01-10"},
                              {"latest", "2020-01-10"},
                              {"precision", "day"},
                              {"uncertain", false},
                              {"approximate", false}});
  CHECK(alpha["actors"] == json::array({"alice"}));
  CHECK(alpha["place"].is_null());
  const json oscar = run_json({"list", kGraph, "--kind", "process"})["events"][0];
  CHECK(oscar["date"]["latest"].is_null());
  CHECK(oscar["date"]["precision"] == "interval");
}

TEST_CASE("show: one event in full", "[cli][query]") {
  const Run r = run({"show", kGraph, "xray"});
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "xray\n"
        "  title    A shortcut\n"
        "  date     2020-04-10  (2020-04-10 .. 2020-04-10, day)\n"
        "  kind     step\n"
        "  actors   -\n"
        "  place    -\n"
        "  tags     -\n"
        "  summary  -\n"
        "  sources  s1  \"First report\" (Example Wire, 2021-05-01)\n"
        "           s2  \"Second report\" (Example Post)\n"
        "relations\n"
        "  <- causes  alpha    2020-01-10  The first proposal\n"
        "  causes ->  foxtrot  2020-07-10  The outcome\n"
        "        claimed by alice; disputed by bob; sources: s2\n"
        "        note: Alice says the shortcut decided it; Bob disagrees.\n");
  const json doc = run_json({"show", kGraph, "sierra"});
  CHECK(doc["event"]["id"] == "sierra");
  REQUIRE(doc["relations"].size() == 1);
  CHECK(doc["relations"][0]["disputed_by"] == json::array({"alice"}));
  CHECK(ids(doc["actors"]) == Strings{"carol", "alice"});
  CHECK(ids(doc["sources"]) == Strings{"s2", "s1"});
  CHECK(doc["sources"][1]["title"] == "First report");
}

TEST_CASE("unknown ids exit 2 and suggest the nearest id", "[cli][query]") {
  for (const Strings& args :
       {Strings{"show", kGraph, "alpah"}, Strings{"path", kGraph, "alpah", "foxtrot"},
        Strings{"path", kGraph, "foxtrot", "alpah"}, Strings{"ancestors", kGraph, "alpah"},
        Strings{"descendants", kGraph, "alpah"}, Strings{"around", kGraph, "delta", "alpah"}}) {
    const Run r = run(args);
    INFO(args[0]);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == "eventgraph: unknown event 'alpah' (did you mean 'alpha'?)\n");
  }
}

TEST_CASE("path: text shows each step and who claims or disputes it", "[cli][query]") {
  const Run r = run({"path", kGraph, "alpha", "foxtrot", "--k", "2"});
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "path 1 (2 steps)\n"
        "  2020-01-10  alpha    The first proposal\n"
        "     causes ->\n"
        "  2020-04-10  xray     A shortcut\n"
        "     causes ->  (claimed by alice; disputed by bob; sources: s2)\n"
        "  2020-07-10  foxtrot  The outcome\n"
        "\n"
        "path 2 (3 steps)\n"
        "  2020-01-10  alpha    The first proposal\n"
        "     causes ->\n"
        "  2020-02-10  bravo    Second step\n"
        "     causes ->\n"
        "  2020-05-10  delta    Meeting in the middle\n"
        "     causes ->\n"
        "  2020-07-10  foxtrot  The outcome\n");
}

TEST_CASE("path: undirected steps show the relation's own direction", "[cli][query]") {
  const Run r =
      run({"path", kGraph, "foxtrot", "alpha", "--via", "causes,references", "--undirected"});
  CHECK(r.out ==
        "path 1 (2 steps)\n"
        "  2020-07-10  foxtrot  The outcome\n"
        "     <- references\n"
        "  2021-01-15  romeo    A statement looking back\n"
        "     references ->\n"
        "  2020-01-10  alpha    The first proposal\n");
}

TEST_CASE("path: no path is an answer, not an error", "[cli][query]") {
  const Run r = run({"path", kGraph, "foxtrot", "alpha"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "no path from foxtrot to alpha along causes\n");
  const json doc = run_json({"path", kGraph, "foxtrot", "alpha"});
  CHECK(doc["paths"].empty());
  CHECK(doc["truncated"] == false);
}

TEST_CASE("path: from an event to itself is the one-event path", "[cli][query]") {
  const json doc = run_json({"path", kGraph, "zulu", "zulu"});
  REQUIRE(doc["paths"].size() == 1);
  CHECK(doc["paths"][0]["events"] == json::array({"zulu"}));
  CHECK(doc["paths"][0]["relations"].empty());
}

TEST_CASE("path: --all lists every simple path, shortest first", "[cli][query]") {
  json doc = run_json({"path", kGraph, "alpha", "foxtrot", "--all", "--max-length", "3"});
  CHECK(doc["paths"].size() == 4);
  CHECK(doc["paths"][3]["events"] == json::array({"alpha", "charlie", "echo", "foxtrot"}));
  CHECK(doc["truncated"] == false);
  CHECK(doc["query"]["all"] == true);
  CHECK(doc["query"]["max_length"] == 3);
  CHECK(doc["query"]["k"].is_null());
  doc = run_json({"path", kGraph, "alpha", "foxtrot", "--all"});
  CHECK(doc["query"]["max_length"] == eventgraph::kDefaultMaxLength);
}

TEST_CASE("path: JSON relations carry claims, disputes and sources", "[cli][query]") {
  const json doc = run_json({"path", kGraph, "alpha", "foxtrot"});
  CHECK(doc["query"] == json{{"cmd", "path"},
                             {"file", kGraph},
                             {"from", "alpha"},
                             {"to", "foxtrot"},
                             {"via", {"causes"}},
                             {"k", 1},
                             {"all", false},
                             {"max_length", nullptr},
                             {"undirected", false}});
  REQUIRE(doc["paths"].size() == 1);
  const json& step = doc["paths"][0]["relations"][1];
  CHECK(step["from"] == "xray");
  CHECK(step["to"] == "foxtrot");
  CHECK(step["kind"] == "causes");
  CHECK(step["claimed_by"] == json::array({"alice"}));
  CHECK(step["disputed_by"] == json::array({"bob"}));
  CHECK(step["sources"] == json::array({"s2"}));
}

TEST_CASE("path: caps and bad arguments are usage errors", "[cli][query]") {
  Run r = run({"path", kGraph, "alpha", "foxtrot", "--k", std::to_string(eventgraph::kMaxK + 1)});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "eventgraph: --k must be between 1 and " + std::to_string(eventgraph::kMaxK) + "\n");
  r = run({"path", kGraph, "alpha", "foxtrot", "--k", "0"});
  CHECK(r.exit_code == 2);
  r = run({"path", kGraph, "alpha", "foxtrot", "--all", "--max-length",
           std::to_string(eventgraph::kMaxPathLength + 1)});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "eventgraph: --max-length must be between 1 and " +
                     std::to_string(eventgraph::kMaxPathLength) + "\n");
  r = run({"path", kGraph, "alpha", "foxtrot", "--via", "causes,caused"});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "eventgraph: --via: unknown relation kind 'caused' (expected causes, references "
        "or contradicts)\n");
  CHECK(run({"path", kGraph, "alpha", "foxtrot", "--k", "2", "--all"}).exit_code == 2);
  CHECK(run({"path", kGraph, "alpha", "foxtrot", "--max-length", "2"}).exit_code == 2);
  // 0 was once taken as the default 8 (attack L10).
  r = run({"path", kGraph, "alpha", "foxtrot", "--all", "--max-length", "0"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::StartsWith("eventgraph: --max-length must be between 1 and "));
}

// Each of these keys was once dropped without a word (attack L10).
TEST_CASE("query: keys that exclude each other are errors, as on the command line",
          "[cli][query][batch]") {
  const std::string input =
      R"({"cmd": "around", "ids": ["alpha"], "id": "delta"})"
      "\n"
      R"({"cmd": "path", "from": "alpha", "to": "foxtrot", "all": true, "k": 3})"
      "\n"
      R"({"cmd": "path", "from": "alpha", "to": "foxtrot", "max_length": 3})"
      "\n"
      R"({"cmd": "path", "from": "alpha", "to": "foxtrot", "all": true, "max_length": 0})"
      "\n"
      R"({"cmd": "path", "from": "alpha", "to": "foxtrot", "all": true, "k": null})"
      "\n";
  const Run r = run({"query", kGraph}, input);
  CHECK(r.exit_code == 0);
  std::vector<json> lines;
  std::istringstream out(r.out);
  for (std::string line; std::getline(out, line);) lines.push_back(json::parse(line));
  REQUIRE(lines.size() == 5);
  CHECK(lines[0]["error"]["message"] == "give 'ids' (a list) or 'id' (one), not both");
  CHECK(lines[1]["error"]["message"].get<std::string>().starts_with(
      "'k' and 'all' exclude each other"));
  CHECK(lines[2]["error"]["message"] == "'max_length' needs \"all\": true");
  CHECK(lines[3]["error"]["message"].get<std::string>().starts_with(
      "--max-length must be between 1 and "));
  CHECK(lines[4]["query"]["max_length"] == eventgraph::kDefaultMaxLength);
  CHECK(lines[4].contains("paths"));
}

TEST_CASE("ancestors and descendants: chronological, with distances", "[cli][query]") {
  Run r = run({"ancestors", kGraph, "foxtrot"});
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "7 events led up to foxtrot along causes:\n"
        "  2020        yankee   2  Something during 2020\n"
        "  2020-01-10  alpha    2  The first proposal\n"
        "  2020-02-10  bravo    2  Second step\n"
        "  2020-03-10  charlie  2  Third step\n"
        "  2020-04-10  xray     1  A shortcut\n"
        "  2020-05-10  delta    1  Meeting in the middle\n"
        "  2020-06-10  echo     1  Élan of the Ωmega step\n");
  r = run({"descendants", kGraph, "alpha", "--depth", "1"});
  CHECK(r.out ==
        "3 events followed from alpha along causes, at most 1 step away:\n"
        "  2020-02-10  bravo    1  Second step\n"
        "  2020-03-10  charlie  1  Third step\n"
        "  2020-04-10  xray     1  A shortcut\n");
  const json doc = run_json({"ancestors", kGraph, "alpha", "--via", "references"});
  REQUIRE(doc["events"].size() == 1);
  CHECK(doc["events"][0]["id"] == "romeo");
  CHECK(doc["events"][0]["distance"] == 1);
  // Filters apply to what was found.
  CHECK(ids(run_json({"ancestors", kGraph, "foxtrot", "--from", "2020-04"})["events"]) ==
        Strings{"yankee", "xray", "delta", "echo"});
}

TEST_CASE("around: the subgraph within N steps", "[cli][query]") {
  const Run r = run({"around", kGraph, "delta"});
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "4 events within 1 step of delta along causes:\n"
        "  2020-02-10  bravo    1  Second step\n"
        "  2020-03-10  charlie  1  Third step\n"
        "  2020-05-10  delta    0  Meeting in the middle\n"
        "  2020-07-10  foxtrot  1  The outcome\n"
        "3 relations:\n"
        "  bravo    causes ->  delta\n"
        "  charlie  causes ->  delta\n"
        "  delta    causes ->  foxtrot\n");
  const json doc = run_json({"around", kGraph, "papa", "zulu", "--via", "contradicts"});
  CHECK(ids(doc["events"]) == Strings{"zulu", "papa", "quebec", "sierra"});
  CHECK(doc["relations"].size() == 2);
}

TEST_CASE("contradictions: pairs with actors and sources", "[cli][query]") {
  Run r = run({"contradictions", kGraph});
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "papa (alice) contradicts quebec (bob)\n"
        "  2021-02-15  papa    Alice's claim\n"
        "  2021-03-15  quebec  Bob's claim\n"
        "  sources: s1, s2\n"
        "\n"
        "sierra (carol) contradicts papa (alice)\n"
        "  2021-04-15  sierra  Carol's claim\n"
        "  2021-02-15  papa    Alice's claim\n"
        "  claimed by carol; disputed by alice; sources: s1, s2\n");
  r = run({"contradictions", kGraph, "--from", "2021-03"});
  CHECK(r.out == "no contradictions\n");
  const json doc = run_json({"contradictions", kGraph, "--actor", "bob", "--touching"});
  REQUIRE(doc["pairs"].size() == 1);
  CHECK(doc["pairs"][0]["a"] == "papa");
  CHECK(doc["pairs"][0]["b"] == "quebec");
  CHECK(doc["pairs"][0]["a_actors"] == json::array({"alice"}));
  CHECK(doc["pairs"][0]["b_actors"] == json::array({"bob"}));
  CHECK(doc["pairs"][0]["sources"] == json::array({"s1", "s2"}));
}

TEST_CASE("query: one JSON result per request line, errors in line", "[cli][query]") {
  const std::string input =
      "{\"cmd\": \"path\", \"from\": \"alpha\", \"to\": \"foxtrot\", \"via\": [\"causes\"], "
      "\"k\": 3}\n"
      "\n"
      "not json\n"
      "{\"cmd\": \"show\", \"id\": \"alpah\"}\n"
      "{\"cmd\": \"ancestors\", \"id\": \"foxtrot\", \"depth\": 1}\n"
      "{\"cmd\": \"list\", \"tga\": \"middle\"}\n"
      "{\"cmd\": \"consistency\"}\n"
      "{\"cmd\": \"contradictions\", \"actor\": [\"bob\"], \"touching\": true}\n"
      "{\"cmd\": \"around\", \"ids\": [\"delta\"], \"depth\": 1}\n"
      "{\"cmd\": \"descendants\", \"id\": \"alpha\", \"via\": \"causes\"}\n"
      "{\"cmd\": \"list\", \"tag\": \"middle\"}\n"
      "{\"cmd\": \"graph\"}\n";
  const Run r = run({"query", kGraph}, input);
  CHECK(r.exit_code == 0);
  std::vector<json> lines;
  std::istringstream out(r.out);
  for (std::string line; std::getline(out, line);) lines.push_back(json::parse(line));
  REQUIRE(lines.size() == 11);  // the blank line gets no answer
  for (const json& line : lines) CHECK(line["eventgraph"] == 1);
  CHECK(lines[0]["paths"].size() == 3);
  CHECK(lines[0]["query"]["k"] == 3);
  CHECK(lines[1]["error"] == json{{"code", 2}, {"message", "the line is not valid JSON"}});
  CHECK(lines[1]["query"].is_null());
  CHECK(lines[2]["error"]["message"] == "unknown event 'alpah' (did you mean 'alpha'?)");
  CHECK(lines[2]["query"] == json{{"cmd", "show"}, {"id", "alpah"}});
  CHECK(ids(lines[3]["events"]) == Strings{"xray", "delta", "echo"});
  CHECK(lines[4]["error"]["message"] == "unknown key 'tga' for list (did you mean 'tag'?)");
  REQUIRE(lines[5]["conflicts"].size() == 1);
  CHECK(lines[5]["conflicts"][0]["relation"]["from"] == "yankee");
  CHECK(lines[5]["conflicts"][0]["certain"] == false);
  CHECK(lines[6]["pairs"].size() == 1);
  CHECK(lines[7]["relations"].size() == 3);
  CHECK(lines[8]["events"].size() == 6);
  CHECK(ids(lines[9]["events"]) == Strings{"delta"});
  CHECK(lines[10]["error"]["message"].get<std::string>().starts_with("unknown cmd 'graph'"));
}

TEST_CASE("query: a result's echo is itself a valid request", "[cli][query]") {
  auto loaded = eventgraph::load_file(EVENTGRAPH_TEST_DATA "/query/graph.yaml");
  REQUIRE(loaded.ok());
  const std::string file = "graph.yaml";
  for (
      const char* request :
      {R"({"cmd": "path", "from": "foxtrot", "to": "alpha", "undirected": true, "via": "causes,references", "k": 2})",
       R"({"cmd": "list", "from": "2021", "actor": "alice"})",
       R"({"cmd": "ancestors", "id": "foxtrot"})", R"({"cmd": "around", "id": "delta"})",
       R"({"cmd": "contradictions", "kind": "claim"})", R"({"cmd": "show", "id": "papa"})"}) {
    const auto first = eventgraph::cli::answer_request(*loaded.graph, file, request);
    REQUIRE(first.ok);
    const json echo = json::parse(first.json)["query"];
    const auto second = eventgraph::cli::answer_request(*loaded.graph, file, echo.dump());
    INFO(request);
    CHECK(second.ok);
    CHECK(second.json == first.json);
  }
  // A request about another file is refused.
  const auto other = eventgraph::cli::answer_request(*loaded.graph, file,
                                                     R"({"cmd": "list", "file": "other.yaml"})");
  CHECK_FALSE(other.ok);
}

TEST_CASE("query: answers on several threads keep the input order", "[cli][query]") {
  auto loaded = eventgraph::load_file(EVENTGRAPH_TEST_DATA "/query/graph.yaml");
  REQUIRE(loaded.ok());
  const Strings ids_in_file = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot"};
  std::string input;
  for (int i = 0; i < 600; ++i) {  // more than one round of lines
    const std::string& from = ids_in_file[static_cast<std::size_t>(i) % ids_in_file.size()];
    const std::string& to = ids_in_file[static_cast<std::size_t>(i * 5 + 1) % ids_in_file.size()];
    input += i % 7 == 3 ? "not json\n"
                        : R"({"cmd": "path", "undirected": true, "from": ")" + from +
                              R"(", "to": ")" + to + "\"}\n";
  }
  auto answer = [&](unsigned jobs) {
    std::istringstream in(input);
    std::ostringstream out;
    const std::size_t errors =
        eventgraph::cli::answer_requests(*loaded.graph, "graph.yaml", in, out, jobs);
    return std::pair(out.str(), errors);
  };
  const auto [one_thread, one_thread_errors] = answer(1);
  const auto [four_threads, four_threads_errors] = answer(4);
  CHECK(std::count(one_thread.begin(), one_thread.end(), '\n') == 600);
  CHECK(one_thread_errors == 86);  // i % 7 == 3 for 86 of 600 lines
  CHECK(four_threads_errors == one_thread_errors);
  CHECK(four_threads == one_thread);
}

TEST_CASE("query: a script gets each answer before it sends the next request", "[cli][query]") {
  // Batch mode as a coprocess: write one request, read its answer, write
  // the next, with standard input still open throughout.
  int to_child[2], from_child[2];
  REQUIRE(pipe(to_child) == 0);
  REQUIRE(pipe(from_child) == 0);
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    dup2(to_child[0], 0), dup2(from_child[1], 1);
    close(to_child[1]), close(from_child[0]);
    const std::string graph = EVENTGRAPH_TEST_DATA "/query/graph.yaml";
    execl(EVENTGRAPH_BINARY, EVENTGRAPH_BINARY, "query", graph.c_str(), "--no-cache",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  close(to_child[0]), close(from_child[1]);
  auto ask = [&](const std::string& request) {
    const std::string line = request + "\n";
    REQUIRE(write(to_child[1], line.data(), line.size()) == static_cast<ssize_t>(line.size()));
    std::string answer;
    char c = 0;
    while (answer.empty() || answer.back() != '\n') {
      pollfd ready{from_child[0], POLLIN, 0};
      // Generous: this only tells "answered" from "waits for more input".
      REQUIRE(poll(&ready, 1, 60'000) == 1);
      REQUIRE(read(from_child[0], &c, 1) == 1);
      answer += c;
    }
    return json::parse(answer);
  };
  CHECK(ask(R"({"cmd": "show", "id": "alpha"})")["event"]["id"] == "alpha");
  CHECK(ask(R"({"cmd": "path", "from": "alpha", "to": "alpha"})")["paths"].size() == 1);
  close(to_child[1]);
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  close(from_child[0]);
}

TEST_CASE("query: an invalid file exits 1", "[cli][query]") {
  const Run r = run({"query", "no-such-file.yaml"}, "{\"cmd\": \"list\"}\n");
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
}

TEST_CASE("argument parsing fills the options structs", "[cli][query]") {
  auto line = eventgraph::cli::parse_command_line(
      {"path", "f.yaml", "a", "b", "--via", "causes,references", "-k", "3", "--undirected"});
  REQUIRE(line.command);
  const auto& path = dynamic_cast<eventgraph::cli::PathCommand&>(*line.command).options();
  CHECK(path.via == "causes,references");
  CHECK(path.k == 3);
  CHECK(path.undirected);
  CHECK_FALSE(path.all);

  line = eventgraph::cli::parse_command_line(
      {"descendants", "f.yaml", "x", "--depth", "2", "--actor", "a", "--actor", "b"});
  REQUIRE(line.command);
  CHECK(line.command->name() == "descendants");
  const auto& lineage = dynamic_cast<eventgraph::cli::LineageCommand&>(*line.command).options();
  CHECK(lineage.depth == 2u);
  CHECK(lineage.filters.actors == Strings{"a", "b"});
}

TEST_CASE("data/events.yaml: real questions", "[cli][query][seed]") {
  // How does Russia's neutrality demand go back to the invasion? The last
  // link is Lavrov's claim, and no one in the sources disputes it.
  json doc = run_json({"path", kSeed, "full-scale-invasion", "russia-neutrality-demand"});
  REQUIRE(doc["paths"].size() == 1);
  CHECK(doc["paths"][0]["events"] ==
        json::array({"full-scale-invasion", "negotiation-rounds-begin", "istanbul-talks",
                     "istanbul-draft-agreement", "russia-neutrality-demand"}));
  CHECK(doc["paths"][0]["relations"][3]["claimed_by"] == json::array({"lavrov"}));
  CHECK(doc["paths"][0]["relations"][3]["disputed_by"].empty());

  // The December 2021 drafts do not lead by causes to the war: no source says so.
  doc = run_json({"path", kSeed, "december-2021-draft-treaties", "full-scale-invasion"});
  CHECK(doc["paths"].empty());

  // Who contradicts Blinken?
  doc = run_json({"contradictions", kSeed, "--actor", "blinken", "--touching"});
  REQUIRE(doc["pairs"].size() == 2);
  for (const json& pair : doc["pairs"]) {
    CHECK(pair["b"] == "blinken-claim");
    CHECK(pair["a_actors"][0] == "lavrov");
  }

  // How do the Istanbul talks and the Abu Dhabi track connect?
  doc = run_json({"path", kSeed, "istanbul-talks", "abu-dhabi-talks", "--via", "causes,references",
                  "--undirected"});
  CHECK_FALSE(doc["paths"].empty());
}

// Attack report H5: a request nested 50,000 deep overflowed the stack when
// its error echoed it, and the whole stream died with SIGSEGV.
TEST_CASE("query: a deeply nested or overlong request gets an error and the stream goes on",
          "[cli][query]") {
  const std::string deep =
      "{\"cmd\":\"show\",\"x\":" + std::string(50'000, '[') + std::string(50'000, ']') + "}\n";
  const std::string quoted = "{\"cmd\":\"show\",\"id\":\"alpha\",\"x\":\"" + std::string(100, '[') +
                             "\"}\n";  // brackets in a string
  const std::string shallow = "{\"cmd\":\"show\",\"id\":\"alpha\",\"x\":" + std::string(63, '[') +
                              std::string(63, ']') + "}\n";
  const std::string longest = "{\"cmd\":\"show\",\"id\":\"" + std::string(2 << 20, 'a') + "\"}\n";
  const Run r =
      run({"query", kGraph}, "{\"cmd\":\"show\",\"id\":\"alpha\"}\n" + deep + quoted + shallow +
                                 longest + "{\"cmd\":\"show\",\"id\":\"alpha\"}\n");
  CHECK(r.exit_code == 0);
  std::vector<json> lines;
  std::istringstream out(r.out);
  for (std::string line; std::getline(out, line);) lines.push_back(json::parse(line));
  REQUIRE(lines.size() == 6);
  CHECK(lines[0]["event"]["id"] == "alpha");
  CHECK(lines[1]["error"]["message"] == "the request nests deeper than 64 levels");
  CHECK(lines[1]["query"].is_null());
  CHECK(lines[2]["error"]["message"] == "unknown key 'x' for show");
  CHECK(lines[3]["error"]["message"] == "unknown key 'x' for show");
  CHECK(lines[4]["error"]["message"] == "the line is longer than 1048576 bytes");
  CHECK(lines[5]["event"]["id"] == "alpha");
}

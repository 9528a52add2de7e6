#include "cli/query_command.h"

#include "cli/around_command.h"
#include "cli/contradictions_command.h"
#include "cli/filter_options.h"
#include "cli/lineage_command.h"
#include "cli/list_command.h"
#include "cli/path_command.h"
#include "cli/show_command.h"
#include "engine/contradictions.h"
#include "engine/filter.h"
#include "engine/suggest.h"
#include "render/query_json.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <iostream>
#include <new>
#include <sstream>
#include <thread>

namespace eventgraph::cli {

namespace {

using json = nlohmann::ordered_json;

// Reads a request's fields into an options struct, keeping the first
// problem; null counts as not given, so a "query" echo is a valid request.
class RequestReader {
 public:
  RequestReader(const json& request, std::string cmd) : request_(request), cmd_(std::move(cmd)) {}

  // Fails on any key not in `allowed` (plus "cmd", "file" and "format").
  bool only(std::vector<std::string> allowed) {
    allowed.insert(allowed.end(), {"cmd", "file", "format"});
    for (const auto& [key, value] : request_.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      return fail("unknown key '" + key + "' for " + cmd_ + did_you_mean(key, allowed));
    }
    if (const json* format = find("format"); format && *format != "json") {
      return fail("batch mode answers in JSON only: remove 'format'");
    }
    return true;
  }
  bool text(const std::string& key, std::string& out) {
    const json* value = find(key);
    if (!value) return true;
    if (!value->is_string()) return fail("'" + key + "' must be a string");
    out = value->get<std::string>();
    return true;
  }
  bool flag(const std::string& key, bool& out) {
    const json* value = find(key);
    if (!value) return true;
    if (!value->is_boolean()) return fail("'" + key + "' must be true or false");
    out = value->get<bool>();
    return true;
  }
  template <typename Unsigned>
  bool number(const std::string& key, Unsigned& out) {
    const json* value = find(key);
    if (!value) return true;
    if (!value->is_number_unsigned() || value->get<std::uint64_t>() > UINT32_MAX) {
      return fail("'" + key + "' must be a whole number from 0");
    }
    out = static_cast<Unsigned>(value->get<std::uint64_t>());
    return true;
  }
  // A list of strings, or one string.
  bool texts(const std::string& key, std::vector<std::string>& out) {
    const json* value = find(key);
    if (!value) return true;
    if (value->is_string()) {
      out = {value->get<std::string>()};
      return true;
    }
    if (!value->is_array()) return fail("'" + key + "' must be a string or a list of strings");
    out.clear();
    for (const json& item : *value) {
      if (!item.is_string()) return fail("'" + key + "' must be a string or a list of strings");
      out.push_back(item.get<std::string>());
    }
    return true;
  }
  // "via": a list of kinds or a comma list.
  bool via(std::string& out) {
    std::vector<std::string> kinds;
    if (!find("via")) return true;
    if (!texts("via", kinds)) return false;
    out.clear();
    for (const std::string& kind : kinds) out += (out.empty() ? "" : ",") + kind;
    return true;
  }
  bool filters(FilterOptions& f) {
    return text("from", f.from) && text("to", f.to) && flag("within", f.within) &&
           texts("actor", f.actors) && text("affiliation", f.affiliation) && text("kind", f.kind) &&
           text("tag", f.tag) && text("match", f.match);
  }
  const std::string& error() const { return error_; }

 private:
  const json* find(const std::string& key) const {
    auto it = request_.find(key);
    return it == request_.end() || it->is_null() ? nullptr : &*it;
  }
  bool fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    return false;
  }

  const json& request_;
  std::string cmd_;
  std::string error_;
};

const std::vector<std::string> kFilterKeys = {"from",        "to",   "within", "actor",
                                              "affiliation", "kind", "tag",    "match"};

std::vector<std::string> with_filters(std::vector<std::string> keys) {
  keys.insert(keys.end(), kFilterKeys.begin(), kFilterKeys.end());
  return keys;
}

int run_consistency(const EventGraph& graph, const ContradictionsOptions& o, Io& io,
                    JsonStyle style) {
  auto filter = filter_or_explain(graph, o.filters, io);
  if (!filter) return kExitUsage;
  const std::vector<TemporalConflict> conflicts =
      filter->empty() ? temporal_conflicts(graph)
                      : temporal_conflicts(graph, select(graph, *filter),
                                           o.touching ? PairScope::either : PairScope::both);
  QueryEcho echo("consistency");
  echo.set("file", o.file);
  echo_filter(o.filters, echo);
  echo.set("touching", o.touching);
  io.out << conflicts_json(graph, echo, conflicts, style);
  return kExitOk;
}

bool given(const json& request, const char* key) {
  return request.contains(key) && !request[key].is_null();
}

// Runs one parsed request; a non-empty `error` means a bad request.
int dispatch(const EventGraph& graph, const std::string& file, const json& request, Io& io,
             std::string& error) {
  const std::string cmd = request["cmd"].get<std::string>();
  RequestReader read(request, cmd);
  const JsonStyle style = JsonStyle::line;
  std::string requested_file = file;
  if (!read.text("file", requested_file)) return error = read.error(), kExitUsage;
  if (requested_file != file) {
    error = "batch mode answers about '" + file + "' only";
    return kExitUsage;
  }
  auto done = [&](bool ok) {
    if (!ok) error = read.error();
    return ok;
  };
  if (cmd == "list") {
    ListOptions o{file, {}, Format::json};
    if (!done(read.only(kFilterKeys) && read.filters(o.filters))) return kExitUsage;
    return run_list(graph, o, io, style);
  }
  if (cmd == "show") {
    ShowOptions o{file, {}, Format::json};
    if (!done(read.only({"id"}) && read.text("id", o.id))) return kExitUsage;
    return run_show(graph, o, io, style);
  }
  if (cmd == "path") {
    PathCommandOptions o;
    o.file = file;
    o.format = Format::json;
    if (!done(read.only({"from", "to", "via", "k", "all", "max_length", "undirected"}) &&
              read.text("from", o.from) && read.text("to", o.to) && read.via(o.via) &&
              read.number("k", o.k) && read.flag("all", o.all) &&
              read.number("max_length", o.max_length) && read.flag("undirected", o.undirected))) {
      return kExitUsage;
    }
    // As on the command line (--all excludes --k, --max-length needs --all),
    // a key that would be ignored is an error, not silently dropped.
    if (o.all && given(request, "k")) {
      error = "'k' and 'all' exclude each other: 'all' finds every path up to 'max_length'";
      return kExitUsage;
    }
    if (!o.all && given(request, "max_length")) {
      error = "'max_length' needs \"all\": true";
      return kExitUsage;
    }
    return run_path(graph, o, io, style);
  }
  if (cmd == "ancestors" || cmd == "descendants") {
    LineageOptions o;
    o.file = file;
    o.format = Format::json;
    std::uint32_t depth = 0;
    const bool has_depth = request.contains("depth") && !request["depth"].is_null();
    if (!done(read.only(with_filters({"id", "via", "depth"})) && read.text("id", o.id) &&
              read.via(o.via) && read.number("depth", depth) && read.filters(o.filters))) {
      return kExitUsage;
    }
    if (has_depth) o.depth = depth;
    return run_lineage(graph, cmd == "ancestors" ? Lineage::ancestors : Lineage::descendants, o, io,
                       style);
  }
  if (cmd == "around") {
    AroundOptions o;
    o.file = file;
    o.format = Format::json;
    if (given(request, "ids") && given(request, "id")) {
      error = "give 'ids' (a list) or 'id' (one), not both";
      return kExitUsage;
    }
    if (!done(read.only({"ids", "id", "depth", "via"}) && read.texts("ids", o.ids) &&
              read.texts("id", o.ids) && read.number("depth", o.depth) && read.via(o.via))) {
      return kExitUsage;
    }
    return run_around(graph, o, io, style);
  }
  if (cmd == "contradictions" || cmd == "consistency") {
    ContradictionsOptions o;
    o.file = file;
    o.format = Format::json;
    if (!done(read.only(with_filters({"touching"})) && read.filters(o.filters) &&
              read.flag("touching", o.touching))) {
      return kExitUsage;
    }
    return cmd == "contradictions" ? run_contradictions(graph, o, io, style)
                                   : run_consistency(graph, o, io, style);
  }
  const std::vector<std::string> commands = {"list",           "show",        "path",
                                             "ancestors",      "descendants", "around",
                                             "contradictions", "consistency"};
  error = "unknown cmd '" + cmd + "'" + did_you_mean(cmd, commands);
  return kExitUsage;
}

// The deepest nesting of arrays and objects in a JSON text, counted
// without parsing (brackets inside strings do not count).
std::size_t nesting_depth(std::string_view text) {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

std::string error_line(const json& query, int code, std::string message) {
  json document = {{"eventgraph", 1},
                   {"query", query},
                   {"error", {{"code", code}, {"message", std::move(message)}}}};
  return document.dump(-1, ' ', false, json::error_handler_t::replace) + '\n';
}

// The CLI's one-line message, without the "eventgraph: " prefix.
std::string message_of(const std::string& err) {
  std::string message = err.substr(0, err.find('\n'));
  if (message.starts_with("eventgraph: ")) message.erase(0, 12);
  return message;
}

}  // namespace

void QueryCommand::add_options(CLI::App& app) {
  app.add_option("file", options_.file, "Event file (YAML)")->required();
  app.add_option("-j,--jobs", options_.jobs,
                 "Threads answering requests (default: one per core); answers keep input order")
      ->check(CLI::Range(0u, 256u));
}

int QueryCommand::run(Io& io) {
  auto graph = load_graph(options_.file, io);
  if (!graph) return kExitInvalidData;
  const unsigned jobs =
      options_.jobs != 0 ? options_.jobs : std::max(1u, std::thread::hardware_concurrency());
  answer_requests(*graph, options_.file, std::cin, io.out, jobs);
  return kExitOk;
}

Answer answer_request(const EventGraph& graph, const std::string& file, std::string_view line) {
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return {};
  if (line.size() > kMaxRequestBytes) {
    return {error_line(nullptr, kExitUsage,
                       "the line is longer than " + std::to_string(kMaxRequestBytes) + " bytes"),
            false};
  }
  // Checked before parsing: copying or echoing a value recurses once per
  // level, so a deep one would overflow the stack and end the stream.
  if (nesting_depth(line) > kMaxRequestDepth) {
    return {
        error_line(nullptr, kExitUsage,
                   "the request nests deeper than " + std::to_string(kMaxRequestDepth) + " levels"),
        false};
  }
  json request = json::parse(line.begin(), line.end(), nullptr, /*allow_exceptions=*/false);
  if (request.is_discarded()) {
    return {error_line(nullptr, kExitUsage, "the line is not valid JSON"), false};
  }
  if (!request.is_object()) {
    return {error_line(nullptr, kExitUsage, "a request is a JSON object"), false};
  }
  if (!request.contains("cmd") || !request["cmd"].is_string()) {
    return {error_line(request, kExitUsage, "a request needs \"cmd\", such as \"path\""), false};
  }
  std::ostringstream out, err;
  Io io{out, err};
  std::string error;
  int code = kExitOk;
  // One request that runs out of memory fails alone; the stream goes on.
  try {
    code = dispatch(graph, file, request, io, error);
  } catch (const std::bad_alloc&) {
    return {error_line(request, kExitNoMemory, "not enough memory to answer this request"), false};
  }
  if (code == kExitOk) return {out.str(), true};
  return {error_line(request, code, error.empty() ? message_of(err.str()) : error), false};
}

namespace {

// Calls answer(i) for every i below `count` on up to `jobs` threads. Each
// query keeps its scratch space per thread (engine workspaces are
// thread_local) and the graph is read-only, so requests share nothing.
template <typename Answer>
void for_each_parallel(std::size_t count, unsigned jobs, Answer answer) {
  const std::size_t threads = std::min<std::size_t>(jobs, count);
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) answer(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < count;) answer(i);
  };
  std::vector<std::jthread> helpers;
  for (std::size_t t = 1; t < threads; ++t) helpers.emplace_back(work);
  work();
}

/// std::getline, except that a line longer than kMaxRequestBytes is kept
/// only to kMaxRequestBytes + 1 bytes (enough for answer_request to refuse
/// it) and the rest is skipped: a 100 MB line costs no 100 MB of memory.
bool read_request_line(std::istream& in, std::string& line) {
  line.clear();
  std::streambuf* buffer = in.rdbuf();
  bool read_any = false;
  for (int c = buffer->sbumpc(); c != std::char_traits<char>::eof(); c = buffer->sbumpc()) {
    read_any = true;
    if (c == '\n') return true;
    if (line.size() <= kMaxRequestBytes) line.push_back(static_cast<char>(c));
  }
  in.setstate(read_any ? std::ios::eofbit : std::ios::eofbit | std::ios::failbit);
  return read_any;
}

}  // namespace

std::size_t answer_requests(const EventGraph& graph, const std::string& file, std::istream& in,
                            std::ostream& out, unsigned jobs) {
  // Enough lines per round that starting threads costs nothing in
  // comparison, few enough that answers stream out steadily.
  // A round also stops at 16 MiB of requests, so that memory stays bounded
  // whatever the lines' lengths.
  constexpr std::size_t kMaxRound = 512, kMaxRoundBytes = std::size_t{16} << 20;
  std::size_t errors = 0;
  std::vector<std::string> lines;
  std::vector<Answer> answers;
  for (std::string line; read_request_line(in, line);) {
    std::size_t round_bytes = line.size();
    lines.assign(1, std::move(line));
    // Only what is already waiting: never block for a second line while
    // the first one's answer is due.
    while (lines.size() < kMaxRound && round_bytes < kMaxRoundBytes && in.rdbuf()->in_avail() > 0 &&
           read_request_line(in, line)) {
      round_bytes += line.size();
      lines.push_back(std::move(line));
    }
    answers.assign(lines.size(), Answer{});
    for_each_parallel(lines.size(), jobs,
                      [&](std::size_t i) { answers[i] = answer_request(graph, file, lines[i]); });
    for (const Answer& answer : answers) {
      if (answer.json.empty()) continue;
      if (!answer.ok) ++errors;
      out << answer.json;
    }
    out.flush();
  }
  return errors;
}

}  // namespace eventgraph::cli

// `eventgraph query FILE`: batch mode for scripts. Loads the file once, then
// answers one JSON request per line of stdin with one JSON result per line:
//
//   {"cmd": "path", "from": "a", "to": "b", "via": ["causes"], "k": 3}
//
// Every command's options are keys of the same name (`max_length` for
// `--max-length`); a request's "query" echo is itself a valid request. A
// bad line gets {"eventgraph": 1, "query": <the request or null>, "error":
// {"code": 2, "message": "..."}} and the stream goes on. Blank lines are
// skipped.
#pragma once

#include "cli/command.h"

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

namespace eventgraph::cli {

struct QueryOptions {
  std::string file;
  unsigned jobs = 0;  ///< threads answering requests; 0: one per core
};

class QueryCommand final : public Command {
 public:
  std::string name() const override { return "query"; }
  std::string description() const override {
    return "Batch mode: answer JSON requests from stdin, one per line, loading the file once";
  }
  void add_options(CLI::App& app) override;
  int run(Io& io) override;
  const QueryOptions& options() const { return options_; }

 private:
  QueryOptions options_;
};

/// Answers every request line of `in` about `graph` (loaded from `file`),
/// writing one result line each to `out`, in input order. Lines already
/// waiting in `in` are answered together on up to `jobs` threads; the output
/// is flushed before waiting for more input, so a script that writes one
/// request and waits gets its answer at once. Returns the number of
/// requests answered with an error.
std::size_t answer_requests(const EventGraph& graph, const std::string& file, std::istream& in,
                            std::ostream& out, unsigned jobs = 1);

/// The result of one request line: a JSON document ending with a newline
/// (empty for a blank line), and whether it is an answer or an error.
struct Answer {
  std::string json;
  bool ok = true;
};

/// The longest request line answered; a longer one gets an error object.
inline constexpr std::size_t kMaxRequestBytes = std::size_t{1} << 20;
/// The deepest nesting of arrays and objects in a request, checked before
/// parsing; a deeper one gets an error object and the stream goes on.
inline constexpr std::size_t kMaxRequestDepth = 64;

/// Answers one request line.
Answer answer_request(const EventGraph& graph, const std::string& file, std::string_view line);

}  // namespace eventgraph::cli

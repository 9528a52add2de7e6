// `eventgraph import` as users run it: the event file written (or on
// stdout), the run's summary and unmapped list on stderr, exit 1 and no
// file at all on bad input.
#include "command_runner.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

namespace {

namespace fs = std::filesystem;
using eventgraph::test::CommandRun;
using eventgraph::test::read_text;
using eventgraph::test::scratch_dir;

CommandRun run(const std::vector<std::string>& args) {
  return eventgraph::test::run_eventgraph(args, fs::path(EVENTGRAPH_TEST_DATA) / "import");
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("import: writes a file that check accepts, and says what it did", "[cli][import]") {
  const fs::path out = scratch_dir() / "from-sheet.yaml";
  const CommandRun r = run({"import", "timelinejs-sheet.csv", "-o", out.string()});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(contains(r.err,
                 "eventgraph import: not mapped (kept as comments in the event file):\n"
                 "  - 'talks-in-istanbul': background: #ffeeee\n"));
  CHECK(contains(r.err, "eventgraph import: 6 events, 0 relations written to " + out.string()));
  const CommandRun check = run({"check", out.string()});
  CHECK(check.exit_code == 0);
  CHECK(contains(check.out, "valid, 6 events, 0 relations"));
  // Without -o the event file goes to stdout, byte for byte the same.
  const CommandRun to_stdout = run({"import", "timelinejs-sheet.csv"});
  CHECK(to_stdout.exit_code == 0);
  CHECK(to_stdout.out == read_text(out));
}

TEST_CASE("import: a format named on the command line wins over the guess", "[cli][import]") {
  const CommandRun as_csv = run({"import", "csv", "spreadsheet.tsv"});
  CHECK(as_csv.exit_code == 1);  // one column: no title or date column
  const CommandRun as_tsv = run({"import", "tsv", "spreadsheet.tsv"});
  CHECK(as_tsv.exit_code == 0);
  const CommandRun unknown = run({"import", "timelinjs", "timelinejs.json"});
  CHECK(unknown.exit_code == 2);
  CHECK(contains(unknown.err, "unknown format 'timelinjs'"));
  CHECK(contains(unknown.err, "did you mean 'timelinejs'?"));
}

TEST_CASE("import: bad input exits 1 and leaves no file, nor changes one", "[cli][import]") {
  const fs::path fresh = scratch_dir() / "never-written.yaml";
  const CommandRun r = run({"import", "bad/bad-date.csv", "-o", fresh.string()});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "bad/bad-date.csv:3:11: error: row 3, column B 'date': invalid date '2022-13': month 13 "
        "is not between 01 and 12\n"
        "  hint: write EDTF dates: 2022, 2022-03, 2022-03-29, 2022-03-29?, 2022-03/2022-04, or a "
        "year such as '500 BCE'\n"
        "eventgraph import: nothing written\n");
  CHECK_FALSE(fs::exists(fresh));
  // An existing file is left as it was.
  const fs::path kept = scratch_dir() / "kept.yaml";
  { std::ofstream(kept) << "before\n"; }
  CHECK(run({"import", "bad/truncated.json", "-o", kept.string()}).exit_code == 1);
  CHECK(read_text(kept) == "before\n");
  for (const auto& entry : fs::directory_iterator(scratch_dir())) {
    CHECK_FALSE(contains(entry.path().filename().string(), ".tmp"));  // no temporary left
  }
}

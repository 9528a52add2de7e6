// The command table: every subcommand, in the order --help lists them.
#include "cli/command.h"

#include "cli/around_command.h"
#include "cli/check_command.h"
#include "cli/contradictions_command.h"
#include "cli/date_command.h"
#include "cli/export_command.h"
#include "cli/graph_command.h"
#include "cli/import_command.h"
#include "cli/lineage_command.h"
#include "cli/list_command.h"
#include "cli/path_command.h"
#include "cli/query_command.h"
#include "cli/show_command.h"
#include "cli/stats_command.h"
#include "cli/timeline_command.h"

namespace eventgraph::cli {

std::vector<std::unique_ptr<Command>> all_commands() {
  std::vector<std::unique_ptr<Command>> commands;
  commands.push_back(std::make_unique<CheckCommand>());
  commands.push_back(std::make_unique<DateCommand>());
  commands.push_back(std::make_unique<StatsCommand>());
  commands.push_back(std::make_unique<ListCommand>());
  commands.push_back(std::make_unique<ShowCommand>());
  commands.push_back(std::make_unique<PathCommand>());
  commands.push_back(std::make_unique<LineageCommand>(Lineage::ancestors));
  commands.push_back(std::make_unique<LineageCommand>(Lineage::descendants));
  commands.push_back(std::make_unique<AroundCommand>());
  commands.push_back(std::make_unique<ContradictionsCommand>());
  commands.push_back(std::make_unique<QueryCommand>());
  commands.push_back(std::make_unique<GraphCommand>());
  commands.push_back(std::make_unique<TimelineCommand>());
  commands.push_back(std::make_unique<ImportCommand>());
  commands.push_back(std::make_unique<ExportCommand>());
  return commands;
}

}  // namespace eventgraph::cli

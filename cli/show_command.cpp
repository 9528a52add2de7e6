#include "cli/show_command.h"

#include "cli/query_support.h"
#include "render/date_words.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <ostream>
#include <sstream>

namespace eventgraph::cli {

namespace {

constexpr std::size_t kLabelWidth = 11;  // "  summary  " and friends
constexpr std::size_t kWrapColumn = 78;

std::string bound_text(Bound bound, Day day) {
  switch (bound) {
    case Bound::known:
      return format_day(day);
    case Bound::open:
      return "(open)";
    case Bound::unknown:
      return "(unknown)";
  }
  return "";
}

std::string date_details(const EdtfDate& d) {
  std::string text = d.text() + "  (" + bound_text(d.start(), d.known_first()) + " .. " +
                     bound_text(d.end(), d.known_last()) + ", " +
                     std::string(to_string(d.precision()));
  if (d.uncertain()) text += ", uncertain";
  if (d.approximate()) text += ", approximate";
  // A set's days are a hull; the members say which days it means.
  if (d.is_set()) text += ", " + std::string(to_string(d.kind())) + ": " + describe_date(d);
  return text + ")";
}

class Printer {
 public:
  explicit Printer(std::ostream& out) : out_(out) {}

  // A labelled field; continuation lines are indented under the value.
  void field(std::string_view label, const std::vector<std::string>& lines) {
    std::string prefix = "  " + std::string(label);
    prefix.resize(kLabelWidth, ' ');
    if (lines.empty()) {
      out_ << prefix << "-\n";
      return;
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
      out_ << (i == 0 ? prefix : std::string(kLabelWidth, ' ')) << terminal_safe(lines[i]) << '\n';
    }
  }
  void field(std::string_view label, const std::string& value) {
    field(label, value.empty() ? std::vector<std::string>{} : std::vector<std::string>{value});
  }

 private:
  std::ostream& out_;
};

std::string actor_line(const EventGraph& graph, const std::string& id) {
  const Actor* actor = graph.find_actor(id);
  if (!actor) return id;
  std::string line = id + "  " + actor->name;
  if (!actor->affiliation.empty()) line += " (" + actor->affiliation + ")";
  return line;
}

std::string source_line(const EventGraph& graph, const std::string& id) {
  const Source* source = graph.find_source(id);
  if (!source) return id;
  std::vector<std::string> about;
  if (!source->publisher.empty()) about.push_back(source->publisher);
  if (!source->author.empty()) about.push_back(source->author);
  if (source->date) about.push_back(source->date->text());
  std::string line = id + "  \"" + source->title + "\"";
  if (!about.empty()) line += " (" + join(about) + ")";
  if (!source->url.empty()) line += " " + source->url;
  return line;
}

void print_text(const EventGraph& graph, EventIndex index, std::ostream& out) {
  const Event& event = graph.event(index);
  Printer p(out);
  out << terminal_safe(event.id) << '\n';
  p.field("title", event.title);
  p.field("date", date_details(event.date));
  p.field("kind", event.kind);
  std::vector<std::string> actors;
  for (const std::string& id : event.actors) actors.push_back(actor_line(graph, id));
  p.field("actors", actors);
  p.field("place", event.place);
  p.field("tags", join(event.tags));
  std::vector<std::string> summary = wrap_words(event.summary, kWrapColumn - kLabelWidth);
  if (summary == std::vector<std::string>{""}) summary.clear();  // shown as "-"
  p.field("summary", summary);

  std::vector<RelationIndex> touching;
  for (const Step& step : graph.neighbours(index, RelationKinds::all())) {
    touching.push_back(step.relation);
  }
  std::sort(touching.begin(), touching.end());
  std::vector<std::string> sources = event.sources;
  TextTable relations;
  for (RelationIndex r : touching) {
    const Relation& relation = graph.relation(r);
    const Endpoints ends = graph.endpoints(r);
    const Event& other = graph.event(ends.from == index ? ends.to : ends.from);
    relations.add({step_arrow(relation, event.id), other.id, other.date.text(), other.title});
    const std::string attribution = relation_attribution(relation);
    if (!attribution.empty()) relations.add_line(attribution, 6);
    if (!relation.note.empty()) relations.add_line("note: " + relation.note, 6);
    for (const std::string& id : relation.sources) {
      if (std::find(sources.begin(), sources.end(), id) == sources.end()) sources.push_back(id);
    }
  }
  std::vector<std::string> source_lines;
  for (const std::string& id : sources) source_lines.push_back(source_line(graph, id));
  p.field("sources", source_lines);
  out << "relations";
  if (touching.empty()) {
    out << ": none\n";
    return;
  }
  out << '\n';
  std::ostringstream table;
  relations.print(table);
  std::istringstream lines(table.str());
  for (std::string line; std::getline(lines, line);) out << "  " << line << '\n';
}

}  // namespace

void ShowCommand::add_options(CLI::App& app) {
  app.add_option("file", options_.file, "Event file (YAML)")->required();
  app.add_option("id", options_.id, "Event id")->required();
  add_format_option(app, options_.format);
}

int ShowCommand::run(Io& io) {
  auto graph = load_graph(options_.file, io);
  if (!graph) return kExitInvalidData;
  return run_show(*graph, options_, io);
}

int run_show(const EventGraph& graph, const ShowOptions& options, Io& io, JsonStyle style) {
  auto index = find_event_or_explain(graph, options.id, io);
  if (!index) return kExitUsage;
  if (options.format == Format::json) {
    QueryEcho echo("show");
    echo.set("file", options.file).set("id", options.id);
    io.out << show_json(graph, echo, *index, style);
    return kExitOk;
  }
  print_text(graph, *index, io.out);
  return kExitOk;
}

}  // namespace eventgraph::cli

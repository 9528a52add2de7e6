// The `eventgraph._core` extension: the engine's load and queries for
// Python, through the same functions and JSON writers the CLI uses.
//
// Each query releases the GIL while the engine works, then builds plain
// Python values. Results keep the graph alive (a shared_ptr), so a result
// outlives the Graph object it came from. The Python package
// (python/eventgraph/__init__.py) adds LoadError, Diagnostic and the
// networkx hand-off on top.
#include "cli/filter_options.h"
#include "engine/consistency.h"
#include "engine/contradictions.h"
#include "engine/day.h"
#include "engine/filter.h"
#include "engine/paths.h"
#include "engine/snapshot.h"
#include "engine/stats.h"
#include "engine/suggest.h"
#include "engine/traversal.h"
#include "render/graphviz.h"
#include "render/json_writer.h"
#include "render/query_json.h"
#include "render/raster.h"
#include "render/timeline.h"

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cmath>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace py = pybind11;

namespace eventgraph::python {

namespace {

using GraphPtr = std::shared_ptr<const EventGraph>;

/// A loaded graph and the name its echoes use for the file.
struct Graph {
  GraphPtr graph;
  std::string file;
  std::vector<Diagnostic> warnings;
};

py::object parse_json(const std::string& text) {
  return py::module_::import("json").attr("loads")(text);
}

EventIndex find_or_raise(const EventGraph& graph, const std::string& id) {
  if (auto index = graph.find_event(id)) return *index;
  throw py::key_error("unknown event '" + id + "'" + did_you_mean(id, graph.event_ids()));
}

RelationKinds via_or_raise(const std::vector<std::string>& via) {
  std::string list;
  for (const std::string& kind : via) list += (list.empty() ? "" : ",") + kind;
  std::string error;
  auto kinds = parse_relation_kinds(list, &error);
  if (!kinds) throw py::value_error("via: " + error);
  return *kinds;
}

/// The filter keyword arguments, as the CLI's filter flags hold them.
cli::FilterOptions filter_options(const py::kwargs& kwargs) {
  cli::FilterOptions o;
  for (auto [key, value] : kwargs) {
    const auto name = py::cast<std::string>(key);
    if (value.is_none()) continue;
    if (name == "from_") {
      o.from = py::cast<std::string>(py::str(value));
    } else if (name == "to") {
      o.to = py::cast<std::string>(py::str(value));
    } else if (name == "within") {
      o.within = py::cast<bool>(value);
    } else if (name == "actor") {
      if (py::isinstance<py::str>(value)) {
        o.actors.push_back(py::cast<std::string>(value));
      } else {
        o.actors = py::cast<std::vector<std::string>>(value);
      }
    } else if (name == "affiliation") {
      o.affiliation = py::cast<std::string>(value);
    } else if (name == "kind") {
      o.kind = py::cast<std::string>(value);
    } else if (name == "tag") {
      o.tag = py::cast<std::string>(value);
    } else if (name == "match") {
      o.match = py::cast<std::string>(value);
    } else {
      static const std::vector<std::string> kKeys = {"from_",       "to",   "within", "actor",
                                                     "affiliation", "kind", "tag",    "match"};
      throw py::type_error("unexpected keyword argument '" + name + "'" +
                           did_you_mean(name, kKeys));
    }
  }
  return o;
}

EventFilter filter_or_raise(const EventGraph& graph, const cli::FilterOptions& options) {
  std::string error;
  auto filter = cli::to_filter(options, &error);
  if (!filter) throw py::value_error(error);
  if (auto unknown = unknown_actor(graph, *filter)) throw py::value_error(*unknown);
  return *filter;
}

/// A query's answer: plain Python values, and the CLI's JSON document.
struct Result {
  py::object value;
  std::function<std::string()> json;
};

py::list ids_of(const EventGraph& graph, std::span<const EventIndex> events) {
  py::list out;
  for (EventIndex e : events) out.append(graph.event(e).id);
  return out;
}

py::list reached_of(const EventGraph& graph, std::span<const Reached> events) {
  py::list out;
  for (const Reached& r : events) out.append(py::make_tuple(graph.event(r.event).id, r.distance));
  return out;
}

py::object edtf_of(const EdtfDate& date) {
  py::dict d;
  d["text"] = date.text();
  auto earliest = date.earliest();
  auto latest = date.latest();
  d["earliest"] = earliest ? py::object(py::str(format_day(*earliest))) : py::none();
  d["latest"] = latest ? py::object(py::str(format_day(*latest))) : py::none();
  d["precision"] = std::string(to_string(date.precision()));
  d["kind"] = std::string(to_string(date.kind()));
  return d;
}

py::dict event_of(const Event& e) {
  py::dict d;
  d["id"] = e.id;
  d["title"] = e.title;
  d["date"] = edtf_of(e.date);
  d["kind"] = e.kind;
  d["actors"] = e.actors;
  d["place"] = e.place;
  d["tags"] = e.tags;
  d["summary"] = e.summary;
  d["sources"] = e.sources;
  d["line"] = e.location.line;
  d["column"] = e.location.column;
  return d;
}

py::dict diagnostic_of(const Diagnostic& d) {
  py::dict out;
  out["file"] = d.file;
  out["line"] = d.location.line;
  out["column"] = d.location.column;
  out["severity"] = std::string(to_string(d.severity));
  out["message"] = d.message;
  out["hint"] = d.hint;
  return out;
}

/// (graph or None, diagnostics as dicts, formatted text of the errors).
py::tuple load(const std::string& path, bool cache) {
  LoadResult loaded;
  {
    py::gil_scoped_release release;
    CacheOptions options;
    options.enabled = cache;
    loaded = load_file_cached(path, {}, options);
  }
  py::list diagnostics;
  for (const Diagnostic& d : loaded.diagnostics) diagnostics.append(diagnostic_of(d));
  if (!loaded.graph) {
    return py::make_tuple(py::none(), diagnostics,
                          format_diagnostics(loaded.diagnostics, loaded.source));
  }
  Graph graph{std::make_shared<const EventGraph>(std::move(*loaded.graph)), path,
              std::move(loaded.diagnostics)};
  return py::make_tuple(py::cast(std::move(graph)), diagnostics, "");
}

Result path(const Graph& g, const std::string& from, const std::string& to,
            const std::vector<std::string>& via, std::optional<std::size_t> k, bool all,
            std::optional<std::size_t> max_length, bool undirected) {
  const EventGraph& graph = *g.graph;
  const RelationKinds kinds = via_or_raise(via);
  if (all && k) throw py::value_error("k and all exclude each other");
  if (!all && max_length) throw py::value_error("max_length needs all=True");
  const std::size_t paths = k.value_or(1);
  if (!all && (paths < 1 || paths > kMaxK)) {
    throw py::value_error("k must be between 1 and " + std::to_string(kMaxK));
  }
  const std::size_t length = max_length.value_or(kDefaultMaxLength);
  if (all && (length < 1 || length > kMaxPathLength)) {
    throw py::value_error("max_length must be between 1 and " + std::to_string(kMaxPathLength));
  }
  const EventIndex a = find_or_raise(graph, from);
  const EventIndex b = find_or_raise(graph, to);
  PathOptions options;
  options.via = kinds;
  options.undirected = undirected;
  auto result = std::make_shared<PathResult>();
  {
    py::gil_scoped_release release;
    *result = all ? all_simple_paths(graph, a, b, length, options)
                  : k_shortest_paths(graph, a, b, paths, options);
  }
  py::list value;
  for (const Path& p : result->paths) value.append(ids_of(graph, p.events));
  QueryEcho echo("path");
  echo.set("file", g.file)
      .set("from", from)
      .set("to", to)
      .set("via", relation_kind_names(kinds))
      .set("k", all ? EchoValue(nullptr) : EchoValue(static_cast<std::int64_t>(paths)))
      .set("all", all)
      .set("max_length", all ? EchoValue(static_cast<std::int64_t>(length)) : EchoValue(nullptr))
      .set("undirected", undirected);
  return {py::make_tuple(value, result->truncated),
          [graph = g.graph, echo, result] { return paths_json(*graph, echo, *result); }};
}

Result lineage(const Graph& g, bool up, const std::string& id, const std::vector<std::string>& via,
               std::optional<std::uint32_t> depth, const py::kwargs& kwargs) {
  const EventGraph& graph = *g.graph;
  const RelationKinds kinds = via_or_raise(via);
  const cli::FilterOptions filters = filter_options(kwargs);
  const EventFilter filter = filter_or_raise(graph, filters);
  const EventIndex index = find_or_raise(graph, id);
  TraversalOptions options;
  options.via = kinds;
  options.depth = depth;
  auto found = std::make_shared<std::vector<Reached>>();
  {
    py::gil_scoped_release release;
    *found = up ? ancestors(graph, index, options) : descendants(graph, index, options);
    if (!filter.empty()) {
      std::erase_if(
          *found, [&](const Reached& r) { return !matches(graph, graph.event(r.event), filter); });
    }
  }
  QueryEcho echo(up ? "ancestors" : "descendants");
  echo.set("file", g.file)
      .set("id", id)
      .set("via", relation_kind_names(kinds))
      .set("depth", depth ? EchoValue(std::int64_t{*depth}) : EchoValue(nullptr));
  cli::echo_filter(filters, echo);
  return {reached_of(graph, *found),
          [graph = g.graph, echo, found] { return reached_json(*graph, echo, *found); }};
}

Result list_events(const Graph& g, const py::kwargs& kwargs) {
  const EventGraph& graph = *g.graph;
  const cli::FilterOptions filters = filter_options(kwargs);
  const EventFilter filter = filter_or_raise(graph, filters);
  auto events = std::make_shared<std::vector<EventIndex>>();
  {
    py::gil_scoped_release release;
    *events = select(graph, filter);
  }
  QueryEcho echo("list");
  echo.set("file", g.file);
  cli::echo_filter(filters, echo);
  return {ids_of(graph, *events),
          [graph = g.graph, echo, events] { return events_json(*graph, echo, *events); }};
}

Result around(const Graph& g, const std::vector<std::string>& ids, std::uint32_t depth,
              const std::vector<std::string>& via) {
  const EventGraph& graph = *g.graph;
  const RelationKinds kinds = via_or_raise(via);
  std::vector<EventIndex> seeds;
  for (const std::string& id : ids) seeds.push_back(find_or_raise(graph, id));
  auto found = std::make_shared<Neighbourhood>();
  {
    py::gil_scoped_release release;
    *found = neighbourhood(graph, seeds, depth, kinds);
  }
  py::list relations;
  for (RelationIndex r : found->relations) {
    const Relation& relation = graph.relation(r);
    relations.append(
        py::make_tuple(relation.from, std::string(to_string(relation.kind)), relation.to));
  }
  QueryEcho echo("around");
  echo.set("file", g.file)
      .set("ids", ids)
      .set("depth", std::int64_t{depth})
      .set("via", relation_kind_names(kinds));
  return {py::make_tuple(reached_of(graph, found->events), relations),
          [graph = g.graph, echo, found] { return neighbourhood_json(*graph, echo, *found); }};
}

Result contradiction_pairs(const Graph& g, bool touching, const py::kwargs& kwargs) {
  const EventGraph& graph = *g.graph;
  const cli::FilterOptions filters = filter_options(kwargs);
  const EventFilter filter = filter_or_raise(graph, filters);
  auto pairs = std::make_shared<std::vector<Contradiction>>();
  {
    py::gil_scoped_release release;
    *pairs = filter.empty() ? contradictions(graph)
                            : contradictions(graph, select(graph, filter),
                                             touching ? PairScope::either : PairScope::both);
  }
  py::list value;
  for (const Contradiction& c : *pairs) {
    value.append(py::make_tuple(graph.event(c.a).id, graph.event(c.b).id));
  }
  QueryEcho echo("contradictions");
  echo.set("file", g.file);
  cli::echo_filter(filters, echo);
  echo.set("touching", touching);
  return {value,
          [graph = g.graph, echo, pairs] { return contradictions_json(*graph, echo, *pairs); }};
}

/// One of the CLI's choices for an option, or ValueError naming them all.
template <typename Value>
Value choice(const char* option, const std::string& given,
             std::initializer_list<std::pair<const char*, Value>> choices) {
  std::string names;
  for (const auto& [name, value] : choices) {
    if (given == name) return value;
    names += (names.empty() ? "" : ", ") + std::string(name);
  }
  throw py::value_error(std::string(option) + " must be one of " + names + ", not '" + given + "'");
}

/// The events the filter keyword arguments keep, and the filter.
std::pair<EventFilter, std::vector<EventIndex>> selection_of(const EventGraph& graph,
                                                             const py::kwargs& kwargs) {
  EventFilter filter = filter_or_raise(graph, filter_options(kwargs));
  std::vector<EventIndex> selection = select(graph, filter);
  return {std::move(filter), std::move(selection)};
}

/// `eventgraph timeline`'s SVG, with its options and filters.
std::string timeline(const Graph& g, const std::string& title, double width,
                     const std::string& lanes, bool lanes_repeat, const std::string& relations,
                     const std::string& theme, const std::string& compress,
                     const std::string& scale, const py::kwargs& kwargs) {
  TimelineOptions options;
  options.title = title;
  if (!std::isfinite(width) || width < 480 || width > 20000) {
    throw py::value_error("width must be between 480 and 20000");
  }
  options.width = width;
  options.lanes = choice<LaneMode>("lanes", lanes,
                                   {{"affiliation", LaneMode::affiliation},
                                    {"actor", LaneMode::actor},
                                    {"kind", LaneMode::kind},
                                    {"tag", LaneMode::tag},
                                    {"none", LaneMode::none}});
  options.lanes_repeat = lanes_repeat;
  options.relations = choice<RelationSelection>("relations", relations,
                                                {{"all", RelationSelection::all},
                                                 {"causes", RelationSelection::causes},
                                                 {"none", RelationSelection::none}});
  options.theme = choice<ThemeMode>(
      "theme", theme,
      {{"auto", ThemeMode::automatic}, {"light", ThemeMode::light}, {"dark", ThemeMode::dark}});
  options.compression = choice<Compression>(
      "compress", compress,
      {{"auto", Compression::automatic}, {"on", Compression::on}, {"off", Compression::off}});
  options.axis_scale =
      choice<AxisScale>("scale", scale, {{"linear", AxisScale::linear}, {"log", AxisScale::log}});
  const auto [filter, selection] = selection_of(*g.graph, kwargs);
  if (filter.from) options.from = *filter.from;  // the window is also the view, as in the CLI
  if (filter.to) options.to = *filter.to;
  py::gil_scoped_release release;
  return render_timeline_svg(*g.graph, selection, options);
}

/// `eventgraph graph`'s diagram: (bytes, the layout note), or ValueError
/// with Graphviz's diagnostics.
py::tuple diagram(const Graph& g, const std::string& format, const std::string& layout,
                  const std::string& title, const std::string& rankdir, const std::string& theme,
                  bool legend, const std::vector<std::string>& via, const py::kwargs& kwargs) {
  GraphOptions options;
  const auto parsed_format = parse_diagram_format(format);
  if (!parsed_format) throw py::value_error("format must be one of svg, png, pdf, dot");
  options.format = *parsed_format;
  const auto parsed_layout = parse_diagram_layout(layout);
  if (!parsed_layout) {
    throw py::value_error("layout must be one of auto, dot, neato, fdp, sfdp, time, not '" +
                          layout + "'");
  }
  options.layout = *parsed_layout;
  options.title = title;
  const auto parsed_rankdir = parse_rank_direction(rankdir);
  if (!parsed_rankdir) throw py::value_error("rankdir must be one of LR, TB, RL, BT");
  options.rankdir = *parsed_rankdir;
  options.theme = choice<Theme>("theme", theme, {{"light", Theme::light}, {"dark", Theme::dark}});
  options.legend = legend;
  options.kinds = via_or_raise(via);
  const std::vector<EventIndex> selection = selection_of(*g.graph, kwargs).second;
  DiagramResult result;
  {
    py::gil_scoped_release release;
    result = render_diagram(*g.graph, selection, options);
  }
  if (!result.ok()) {
    std::string said;
    for (const Diagnostic& d : result.diagnostics) said += d.message + "\n";
    throw py::value_error(said.empty() ? "graphviz could not draw the diagram" : said);
  }
  return py::make_tuple(py::bytes(result.bytes), result.note);
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "eventgraph's engine: load event files and query them";

  py::class_<Result>(m, "_Result")
      .def_readonly("value", &Result::value)
      .def("json", [](const Result& r) { return r.json(); })
      .def("to_dict", [](const Result& r) { return parse_json(r.json()); });

  py::class_<Graph>(m, "Graph")
      .def_property_readonly("file", [](const Graph& g) { return g.file; })
      .def_property_readonly("title", [](const Graph& g) { return g.graph->title(); })
      .def("__len__", [](const Graph& g) { return g.graph->events().size(); })
      .def(
          "__contains__",
          [](const Graph& g, const std::string& id) { return g.graph->find_event(id).has_value(); })
      .def("__getitem__",
           [](const Graph& g, const std::string& id) {
             return event_of(g.graph->event(find_or_raise(*g.graph, id)));
           })
      .def_property_readonly("events",
                             [](const Graph& g) {
                               py::list out;
                               for (const Event& e : g.graph->events()) out.append(event_of(e));
                               return out;
                             })
      .def_property_readonly("actors",
                             [](const Graph& g) {
                               py::list out;
                               for (const Actor& a : g.graph->actors()) {
                                 py::dict d;
                                 d["id"] = a.id;
                                 d["name"] = a.name;
                                 d["role"] = a.role;
                                 d["affiliation"] = a.affiliation;
                                 out.append(d);
                               }
                               return out;
                             })
      .def_property_readonly("sources",
                             [](const Graph& g) {
                               py::list out;
                               for (const Source& s : g.graph->sources()) {
                                 py::dict d;
                                 d["id"] = s.id;
                                 d["title"] = s.title;
                                 d["publisher"] = s.publisher;
                                 d["author"] = s.author;
                                 d["date"] = s.date ? edtf_of(*s.date) : py::none();
                                 d["url"] = s.url;
                                 out.append(d);
                               }
                               return out;
                             })
      .def_property_readonly("relations",
                             [](const Graph& g) {
                               py::list out;
                               for (const Relation& r : g.graph->relations()) {
                                 py::dict d;
                                 d["from"] = r.from;
                                 d["kind"] = std::string(to_string(r.kind));
                                 d["to"] = r.to;
                                 d["claimed_by"] = r.claimed_by;
                                 d["disputed_by"] = r.disputed_by;
                                 d["sources"] = r.sources;
                                 d["note"] = r.note;
                                 out.append(d);
                               }
                               return out;
                             })
      .def("_warnings",
           [](const Graph& g) {
             py::list out;
             for (const Diagnostic& d : g.warnings) out.append(diagnostic_of(d));
             return out;
           })
      .def("_path", &path)
      .def("_lineage", &lineage)
      .def("_list", &list_events)
      .def("_around", &around)
      .def("_contradictions", &contradiction_pairs)
      .def("_show",
           [](const Graph& g, const std::string& id) {
             const EventIndex index = find_or_raise(*g.graph, id);
             QueryEcho echo("show");
             echo.set("file", g.file).set("id", id);
             return parse_json(show_json(*g.graph, echo, index));
           })
      .def("_consistency",
           [](const Graph& g) {
             std::vector<TemporalConflict> conflicts;
             {
               py::gil_scoped_release release;
               conflicts = temporal_conflicts(*g.graph);
             }
             QueryEcho echo("consistency");
             echo.set("file", g.file);
             return parse_json(conflicts_json(*g.graph, echo, conflicts));
           })
      .def("_timeline", &timeline)
      .def("_diagram", &diagram)
      .def("_stats", [](const Graph& g) {
        GraphStats stats;
        {
          py::gil_scoped_release release;
          stats = compute_stats(*g.graph);
        }
        return parse_json(stats_json(g.file, stats));
      });

  m.def("_load", &load, py::arg("path"), py::arg("cache") = true);
  m.def("_convert", [](const std::string& svg, const std::string& format) {
    RasterResult raster;
    {
      py::gil_scoped_release release;
      raster = convert_svg(svg, format == "pdf" ? RasterFormat::pdf : RasterFormat::png);
    }
    if (!raster.ok()) throw py::value_error(raster.error);
    return py::bytes(raster.bytes);
  });
}

}  // namespace eventgraph::python

"""The Python module against the CLI's JSON and the hand-checked query graph."""

import json
import os
import pathlib
import subprocess
import threading

import pytest

import eventgraph

SOURCE = pathlib.Path(os.environ.get("EVENTGRAPH_SOURCE_DIR", pathlib.Path(__file__).parents[2]))
SEED = SOURCE / "data" / "events.yaml"
QUERY = SOURCE / "tests" / "data" / "query" / "graph.yaml"
CLI = os.environ.get("EVENTGRAPH_CLI")


@pytest.fixture(scope="module")
def seed():
    return eventgraph.load(SEED)


@pytest.fixture(scope="module")
def query():
    return eventgraph.load(QUERY)


def cli_json(*args):
    if not CLI:
        pytest.skip("EVENTGRAPH_CLI not set")
    out = subprocess.run([CLI, *args, "--format", "json"], check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out)


def test_seed_loads_with_every_event(seed):
    assert len(seed) == 44
    assert seed.title
    event = seed["full-scale-invasion"]
    assert event["id"] == "full-scale-invasion"
    assert event["date"]["text"] == "2022-02-24"
    assert event["date"]["earliest"] == "2022-02-24"
    assert "full-scale-invasion" in seed
    assert len(seed.events) == 44 and seed.actors and seed.sources and seed.relations


def test_path_on_the_seed(seed):
    result = seed.path("full-scale-invasion", "istanbul-draft-agreement")
    assert result.paths == [
        ["full-scale-invasion", "negotiation-rounds-begin", "istanbul-talks",
         "istanbul-draft-agreement"]
    ]
    assert not result.truncated
    assert seed.shortest_path("full-scale-invasion", "istanbul-draft-agreement") == \
        result.paths[0]


def test_paths_answer_as_the_query_graph_says(query):
    assert query.path("alpha", "foxtrot", k=4).paths == [
        ["alpha", "xray", "foxtrot"],
        ["alpha", "bravo", "delta", "foxtrot"],
        ["alpha", "charlie", "delta", "foxtrot"],
        ["alpha", "charlie", "echo", "foxtrot"],
    ]
    assert query.path("foxtrot", "alpha").paths == []
    assert query.shortest_path("foxtrot", "alpha") is None
    assert query.path("foxtrot", "alpha", undirected=True).paths == [["foxtrot", "xray", "alpha"]]
    assert query.path("foxtrot", "alpha", via=("causes", "references"), undirected=True,
                      k=3).paths == [
        ["foxtrot", "romeo", "alpha"],
        ["foxtrot", "xray", "alpha"],
        ["foxtrot", "delta", "bravo", "alpha"],
    ]


def test_ancestors_and_descendants(query):
    found = query.ancestors("foxtrot")
    assert found.events == [("yankee", 2), ("alpha", 2), ("bravo", 2), ("charlie", 2),
                            ("xray", 1), ("delta", 1), ("echo", 1)]
    assert query.ancestors("foxtrot", depth=1).ids == ["xray", "delta", "echo"]
    assert query.descendants("alpha").distances() == {
        "bravo": 1, "charlie": 1, "xray": 1, "delta": 2, "echo": 2, "foxtrot": 2}


def test_list_with_filters(seed, query):
    assert query.list(from_="2021").ids == ["oscar", "romeo", "papa", "quebec", "sierra"]
    assert query.list(from_="2020-03", to="2020-05", within=True).ids == \
        ["charlie", "xray", "delta"]
    tagged = seed.list(tag="istanbul")
    assert len(tagged) > 0
    assert all("istanbul" in seed[e]["tags"] for e in tagged)


@pytest.mark.parametrize("graph_file, query_args, call", [
    (SEED, ["path", "full-scale-invasion", "istanbul-draft-agreement"],
     lambda g: g.path("full-scale-invasion", "istanbul-draft-agreement")),
    (QUERY, ["path", "alpha", "foxtrot", "--k", "3"], lambda g: g.path("alpha", "foxtrot", k=3)),
    (QUERY, ["path", "alpha", "foxtrot", "--all"], lambda g: g.path("alpha", "foxtrot", all=True)),
    (QUERY, ["ancestors", "foxtrot", "--depth", "1"], lambda g: g.ancestors("foxtrot", depth=1)),
    (QUERY, ["descendants", "alpha", "--from", "2020-05"],
     lambda g: g.descendants("alpha", from_="2020-05")),
    (QUERY, ["around", "delta", "--depth", "2"], lambda g: g.around("delta", depth=2)),
    (QUERY, ["list", "--from", "2020-03", "--to", "2020-05"],
     lambda g: g.list(from_="2020-03", to="2020-05")),
    (SEED, ["list", "--tag", "istanbul"], lambda g: g.list(tag="istanbul")),
    (QUERY, ["contradictions"], lambda g: g.contradictions()),
    (SEED, ["contradictions"], lambda g: g.contradictions()),
])
def test_to_dict_is_the_cli_json(graph_file, query_args, call):
    graph = eventgraph.load(str(graph_file))
    cmd, *rest = query_args
    assert call(graph).to_dict() == cli_json(cmd, str(graph_file), *rest)


def test_show_is_the_cli_json(seed):
    assert seed.show("full-scale-invasion") == cli_json("show", str(SEED), "full-scale-invasion")


def test_stats_is_the_cli_json(seed):
    assert seed.stats() == cli_json("stats", str(SEED))


def test_unknown_id_raises_key_error_with_suggestion(seed):
    with pytest.raises(KeyError, match="did you mean 'full-scale-invasion'"):
        seed.path("full-scale-invasoin", "istanbul-draft-agreement")
    with pytest.raises(KeyError, match="unknown event"):
        seed["nope-nope"]


def test_bad_options_raise_value_error(query):
    with pytest.raises(ValueError, match="k must be between 1 and 100"):
        query.path("alpha", "foxtrot", k=0)
    with pytest.raises(ValueError, match="via"):
        query.path("alpha", "foxtrot", via="cuases")
    with pytest.raises(ValueError, match="ends before"):
        query.list(from_="2021", to="2020")
    with pytest.raises(TypeError, match="did you mean 'match'"):
        query.list(mtch="x")


def test_load_error_carries_located_diagnostics():
    with pytest.raises(eventgraph.LoadError) as caught:
        eventgraph.load(SOURCE / "tests" / "data" / "bad" / "unknown-keys.yaml")
    first = caught.value.diagnostics[0]
    assert (first.line, first.column, first.severity) == (2, 1, "error")
    assert first.file.endswith("unknown-keys.yaml")
    assert first.message == "unknown key 'titel' at the top of the file (did you mean 'title'?)"
    assert first.hint == "known keys here: eventgraph, title, edtf-level, actors, sources, events"
    assert len(caught.value.diagnostics) == 6
    assert "unknown-keys.yaml:2:1: error: unknown key 'titel'" in str(caught.value)


def test_missing_file_is_a_load_error(tmp_path):
    with pytest.raises(eventgraph.LoadError) as caught:
        eventgraph.load(tmp_path / "absent.yaml")
    assert caught.value.diagnostics[0].severity == "error"


def test_two_graphs_answer_independently(seed, query):
    assert query.path("alpha", "foxtrot").paths == [["alpha", "xray", "foxtrot"]]
    with pytest.raises(KeyError):
        seed.path("alpha", "foxtrot")
    assert len(seed) == 44 and len(query) != len(seed)


def test_queries_from_several_threads(seed, query):
    expected_seed = seed.path("full-scale-invasion", "istanbul-draft-agreement").paths
    expected_query = query.ancestors("foxtrot").events
    failures = []

    def work():
        for _ in range(200):
            if seed.path("full-scale-invasion", "istanbul-draft-agreement").paths != \
                    expected_seed:
                failures.append("seed")
            if query.ancestors("foxtrot").events != expected_query:
                failures.append("query")

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []


def test_to_networkx_has_every_event_and_relation(seed):
    nx = pytest.importorskip("networkx")
    graph = seed.to_networkx()
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.number_of_nodes() == len(seed)
    assert graph.number_of_edges() == len(seed.relations)
    assert graph.nodes["full-scale-invasion"]["title"] == seed["full-scale-invasion"]["title"]
    causes = nx.subgraph_view(graph, filter_edge=lambda a, b, k: k == "causes")
    assert nx.shortest_path(causes, "full-scale-invasion", "istanbul-draft-agreement") == \
        seed.shortest_path("full-scale-invasion", "istanbul-draft-agreement")


def test_readme_python_example_runs(capsys, monkeypatch):
    readme = (SOURCE / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- python-example -->\n```python\n", 1)[1].split("```", 1)[0]
    assert len(block.strip().splitlines()) == 3
    monkeypatch.chdir(SOURCE)
    exec(compile(block, "README.md", "exec"), {})
    assert capsys.readouterr().out == (
        "full-scale-invasion -> negotiation-rounds-begin -> istanbul-talks"
        " -> istanbul-draft-agreement\n")


def test_to_pandas_gives_one_row_per_event_and_relation(seed):
    events, relations = seed.to_pandas()
    assert len(events) == len(seed.events)
    assert len(relations) == len(seed.relations)
    assert list(events.columns[:3]) == ["id", "title", "date"]
    row = events.set_index("id").loc["full-scale-invasion"]
    assert row["date"] == "2022-02-24"
    assert row["earliest"] == "2022-02-24" and row["precision"] == "day"
    # The same answer as a query: the causes of the invasion, by DataFrame.
    causes = relations[(relations["kind"] == "causes") & (relations["to"] == "full-scale-invasion")]
    assert set(causes["from"]) == set(seed.ancestors("full-scale-invasion", depth=1).ids)


def test_to_pandas_keeps_deep_time_and_bce_as_text():
    deep = eventgraph.load(os.path.join(SOURCE, "examples", "05_deep_time.yaml"))
    events, _ = deep.to_pandas()
    earth = events.set_index("id").loc["earth-forms"]
    assert earth["date"] == "Y-4540000000~"
    assert earth["earliest"].startswith("-45")


def cli_bytes(*args):
    if not CLI:
        pytest.skip("EVENTGRAPH_CLI not set")
    return subprocess.run([CLI, *args], check=True, capture_output=True).stdout


@pytest.mark.parametrize("cli_args, call", [
    (["timeline", str(SEED), "--from", "2025", "--to", "2026-02", "--lanes", "actor"],
     lambda g: g.timeline(from_="2025", to="2026-02", lanes="actor")),
    (["timeline", str(SEED), "--relations", "causes", "--theme", "dark", "--width", "900"],
     lambda g: g.timeline(relations="causes", theme="dark", width=900)),
    (["graph", str(SEED), "--tag", "budapest", "--format", "svg"], lambda g: g.graph(tag="budapest")),
    (["graph", str(SEED), "--tag", "istanbul", "--via", "causes", "--rankdir", "TB", "--format", "svg"],
     lambda g: g.graph(tag="istanbul", via=("causes",), rankdir="TB")),
])
def test_pictures_are_the_clis_bytes(seed, cli_args, call):
    assert call(seed).svg.encode("utf-8") == cli_bytes(*cli_args)


def test_pictures_display_in_notebooks_and_save_by_extension(seed, tmp_path):
    import xml.etree.ElementTree as ET

    picture = seed.timeline(tag="budapest")
    root = ET.fromstring(picture._repr_svg_())  # what Jupyter embeds: well-formed SVG
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    picture.save(tmp_path / "t.svg")
    assert (tmp_path / "t.svg").read_text(encoding="utf-8") == picture.svg
    picture.save(tmp_path / "t.png")
    assert (tmp_path / "t.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    seed.graph(tag="budapest").save(tmp_path / "g.pdf")
    assert (tmp_path / "g.pdf").read_bytes()[:5] == b"%PDF-"
    with pytest.raises(ValueError, match="use .svg, .png or .pdf"):
        picture.save(tmp_path / "t.gif")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.pdf", "t.png", "t.svg"]


def test_picture_options_are_checked_as_the_cli_checks_them(seed):
    with pytest.raises(ValueError, match="lanes must be one of"):
        seed.timeline(lanes="actors")
    with pytest.raises(ValueError, match="width must be between 480 and 20000"):
        seed.timeline(width=float("nan"))
    with pytest.raises(ValueError, match="layout must be one of"):
        seed.graph(layout="circo")
    with pytest.raises(TypeError, match="did you mean 'tag'"):
        seed.timeline(tags="budapest")

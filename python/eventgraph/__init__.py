"""eventgraph for Python: load an event file and ask how events connect.

Example:
    import eventgraph
    g = eventgraph.load("data/events.yaml")
    print(g.path("december-2021-draft-treaties", "full-scale-invasion").paths[0])

Every query runs in the C++ engine (the GIL is released while it works) and
answers with plain Python values; ``.to_dict()`` gives the same document as
the CLI's ``--format json`` (docs/json.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Optional, Sequence, Union

from . import _core

__all__ = [
    "load",
    "Graph",
    "Diagnostic",
    "LoadError",
    "PathResult",
    "Reached",
    "EventList",
    "Around",
    "Contradictions",
    "Picture",
]


@dataclass(frozen=True)
class Diagnostic:
    """One problem in an input file, 1-based line and column."""

    file: str
    line: int
    column: int
    severity: str
    message: str
    hint: str

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message}"
        return text + (f"\nhint: {self.hint}" if self.hint else "")

    def to_dict(self) -> dict:
        return dict(self.__dict__)


class LoadError(Exception):
    """Loading failed; ``.diagnostics`` holds every problem as data."""

    def __init__(self, diagnostics: Sequence[Diagnostic], text: str = ""):
        self.diagnostics = list(diagnostics)
        errors = [d for d in self.diagnostics if d.severity == "error"]
        first = errors[0] if errors else (self.diagnostics[0] if self.diagnostics else None)
        summary = str(first).split("\n")[0] if first else "could not load"
        if len(errors) > 1:
            summary += f" (and {len(errors) - 1} more)"
        super().__init__(summary)
        self.text = text


class _Answer:
    """A query's answer: plain values, and the CLI's JSON via to_dict()."""

    __slots__ = ("_result",)

    def __init__(self, result):
        self._result = result

    def to_dict(self) -> dict:
        """The document `eventgraph <query> --format json` prints."""
        return self._result.to_dict()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._describe()})"


class PathResult(_Answer):
    """Paths as lists of event ids, shortest first; ``truncated`` when a cap cut them."""

    __slots__ = ()

    @property
    def paths(self) -> list:
        return self._result.value[0]

    @property
    def truncated(self) -> bool:
        return self._result.value[1]

    def __iter__(self) -> Iterator[list]:
        return iter(self.paths)

    def __len__(self) -> int:
        return len(self.paths)

    def __bool__(self) -> bool:
        return bool(self.paths)

    def _describe(self) -> str:
        return repr(self.paths)


class Reached(_Answer):
    """Events a traversal reached, chronological, as (id, distance) pairs."""

    __slots__ = ()

    @property
    def events(self) -> list:
        return self._result.value

    @property
    def ids(self) -> list:
        return [e for e, _ in self._result.value]

    def distances(self) -> dict:
        return dict(self._result.value)

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self._result.value)

    def __contains__(self, event_id: str) -> bool:
        return any(e == event_id for e, _ in self._result.value)

    def _describe(self) -> str:
        return repr(self.ids)


class EventList(_Answer):
    """Event ids a filter kept, chronological."""

    __slots__ = ()

    @property
    def ids(self) -> list:
        return self._result.value

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, event_id: str) -> bool:
        return event_id in self.ids

    def _describe(self) -> str:
        return repr(self.ids)


class Around(_Answer):
    """The events within some steps of the seeds, and the relations among them."""

    __slots__ = ()

    @property
    def events(self) -> list:
        return self._result.value[0]

    @property
    def ids(self) -> list:
        return [e for e, _ in self.events]

    @property
    def relations(self) -> list:
        """(from, kind, to) triples, in relation order."""
        return self._result.value[1]

    def __len__(self) -> int:
        return len(self.events)

    def _describe(self) -> str:
        return repr(self.ids)


class Contradictions(_Answer):
    """Pairs of event ids that contradict each other."""

    __slots__ = ()

    @property
    def pairs(self) -> list:
        return self._result.value

    def __iter__(self) -> Iterator[tuple]:
        return iter(self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)

    def _describe(self) -> str:
        return repr(self.pairs)


_Via = Union[str, Iterable[str]]


class Picture:
    """A drawing: Jupyter shows it inline (``_repr_svg_``); ``.svg`` is its
    text; ``.save(path)`` writes .svg, .png or .pdf, chosen by the extension,
    whole or not at all."""

    def __init__(self, svg: str, render):
        self._svg = svg
        self._render = render  # format name -> bytes

    @property
    def svg(self) -> str:
        return self._svg

    def _repr_svg_(self) -> str:
        return self._svg

    def save(self, path) -> None:
        import os
        import tempfile

        path = os.fspath(path)
        extension = os.path.splitext(path)[1].lower().lstrip(".")
        if extension not in ("svg", "png", "pdf"):
            raise ValueError(f"cannot tell the format from {path!r}; use .svg, .png or .pdf")
        data = self._svg.encode("utf-8") if extension == "svg" else self._render(extension)
        directory = os.path.dirname(os.path.abspath(path))
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=".eventgraph-")
        try:
            with os.fdopen(handle, "wb") as f:
                f.write(data)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise

    def __repr__(self) -> str:
        return f"<eventgraph.Picture: {len(self._svg)} bytes of SVG>"


def _kinds(via: _Via) -> list:
    return [via] if isinstance(via, str) else list(via)


def _diagnostics(rows) -> list:
    return [Diagnostic(**row) for row in rows]


class Graph:
    """A loaded, validated event graph (read-only; safe to query from several threads)."""

    __slots__ = ("_g",)

    def __init__(self, core):
        self._g = core

    @property
    def file(self) -> str:
        return self._g.file

    @property
    def title(self) -> str:
        return self._g.title

    @property
    def events(self) -> list:
        """Every event as a dict, chronological."""
        return self._g.events

    @property
    def actors(self) -> list:
        return self._g.actors

    @property
    def sources(self) -> list:
        return self._g.sources

    @property
    def relations(self) -> list:
        return self._g.relations

    def __len__(self) -> int:
        return len(self._g)

    def __contains__(self, event_id: str) -> bool:
        return event_id in self._g

    def __getitem__(self, event_id: str) -> dict:
        """The event with this id; KeyError (with "did you mean") otherwise."""
        return self._g[event_id]

    def __repr__(self) -> str:
        return f"<eventgraph.Graph {self.file!r}: {len(self)} events>"

    def path(
        self,
        a: str,
        b: str,
        via: _Via = ("causes",),
        k: Optional[int] = None,
        all: bool = False,
        max_length: Optional[int] = None,
        undirected: bool = False,
    ) -> PathResult:
        """The k shortest paths from a to b (or every simple path with all=True)."""
        return PathResult(self._g._path(a, b, _kinds(via), k, all, max_length, undirected))

    def shortest_path(self, a: str, b: str, via: _Via = ("causes",), undirected: bool = False):
        """The shortest path's event ids, or None when there is none."""
        paths = self._g._path(a, b, _kinds(via), None, False, None, undirected).value[0]
        return paths[0] if paths else None

    def ancestors(self, event_id: str, via: _Via = ("causes",), depth: Optional[int] = None,
                  **filters) -> Reached:
        """What led up to an event; filters as list() takes them."""
        return Reached(self._g._lineage(True, event_id, _kinds(via), depth, **filters))

    def descendants(self, event_id: str, via: _Via = ("causes",), depth: Optional[int] = None,
                    **filters) -> Reached:
        """What followed from an event; filters as list() takes them."""
        return Reached(self._g._lineage(False, event_id, _kinds(via), depth, **filters))

    def around(self, *ids: str, depth: int = 1, via: _Via = ("causes",)) -> Around:
        """The story within `depth` steps of one or more events."""
        if len(ids) == 1 and not isinstance(ids[0], str):
            ids = tuple(ids[0])
        return Around(self._g._around(list(ids), depth, _kinds(via)))

    def list(self, **filters) -> EventList:
        """Events that pass every filter given: from_, to, within, actor, affiliation,
        kind, tag, match (the CLI's --from, --to, ...)."""
        return EventList(self._g._list(**filters))

    def contradictions(self, touching: bool = False, **filters) -> Contradictions:
        return Contradictions(self._g._contradictions(touching, **filters))

    def show(self, event_id: str) -> dict:
        """The event, its relations and the actors and sources they name (CLI `show`)."""
        return self._g._show(event_id)

    def consistency(self) -> dict:
        """Causal links whose dates disagree (batch `consistency`)."""
        return self._g._consistency()

    def stats(self) -> dict:
        return self._g._stats()

    def check(self) -> list:
        """The warnings loading found (a graph with errors does not load)."""
        return _diagnostics(self._g._warnings())

    def timeline(self, title: str = "", width: float = 1200, lanes: str = "affiliation",
                 lanes_repeat: bool = False, relations: str = "all", theme: str = "auto",
                 compress: str = "auto", scale: str = "linear", **filters) -> Picture:
        """The timeline `eventgraph timeline` draws, with its options; the
        filters of list() select events, and from_/to also set the view."""
        svg = self._g._timeline(title, width, lanes, lanes_repeat, relations, theme, compress,
                                scale, **filters)
        return Picture(svg, lambda fmt: _core._convert(svg, fmt))

    def graph(self, layout: str = "auto", title: str = "", rankdir: str = "LR",
              theme: str = "light", legend: bool = True,
              via: _Via = ("causes", "references", "contradicts"), **filters) -> Picture:
        """The diagram `eventgraph graph` draws (Graphviz), with its options;
        PNG and PDF are drawn by Graphviz itself when saved."""
        def render(fmt: str) -> bytes:
            return self._g._diagram(fmt, layout, title, rankdir, theme, legend, _kinds(via),
                                    **filters)[0]

        return Picture(render("svg").decode("utf-8"), render)

    def to_networkx(self):
        """A networkx MultiDiGraph: one node per event (its fields as attributes),
        one edge per relation keyed by kind. networkx is imported only here."""
        import networkx as nx

        graph = nx.MultiDiGraph(title=self.title, file=self.file)
        for event in self.events:
            graph.add_node(event["id"], **event)
        for relation in self.relations:
            attributes = dict(relation)
            graph.add_edge(attributes.pop("from"), attributes.pop("to"),
                           key=relation["kind"], **attributes)
        return graph

    def to_pandas(self):
        """Two pandas DataFrames, ``(events, relations)``, as an analyst would
        tabulate them: one row per event (its date as text with its earliest
        and latest day, ISO 8601 strings so that deep time and BCE survive;
        lists as lists) and one row per relation. pandas is imported only
        here."""
        import pandas as pd

        event_columns = ["id", "title", "date", "earliest", "latest", "precision", "kind",
                         "actors", "place", "tags", "sources", "summary"]
        rows = []
        for event in self.events:
            date = event["date"]
            rows.append({**{k: event.get(k) for k in event_columns},
                         "date": date["text"], "earliest": date.get("earliest"),
                         "latest": date.get("latest"), "precision": date.get("precision")})
        events = pd.DataFrame(rows, columns=event_columns)
        relation_columns = ["from", "to", "kind", "claimed_by", "disputed_by", "sources", "note"]
        relations = pd.DataFrame([{k: r.get(k) for k in relation_columns} for r in self.relations],
                                 columns=relation_columns)
        return events, relations


def load(path, cache: bool = True) -> Graph:
    """Loads and validates an event file; raises LoadError with the diagnostics."""
    core, rows, text = _core._load(str(path), cache)
    if core is None:
        raise LoadError(_diagnostics(rows), text)
    return Graph(core)

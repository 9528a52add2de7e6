#!/usr/bin/env python3
"""The peer: the same work as eventgraph, done the way a user would without it.

Loads an event file with PyYAML's C loader, builds a networkx.MultiDiGraph
with every relation kind, and answers the same questions as the eventgraph
command it is compared with:

  load       load and build (compared with `eventgraph check`)
  path       + nx.shortest_path and the k shortest simple paths
               (nx.shortest_simple_paths) on the causes subgraph
  ancestors  + nx.ancestors on the causes subgraph
  list       + the events whose date's year falls in a window, by date
  dot        + a DOT file for `dot -Tsvg`, with only causes constraining ranks

Results go to stdout like the command's; --timings prints each phase's
seconds to stderr. Debian packages: python3-yaml, python3-networkx.

  python3 bench/peer_networkx.py path FILE --from e000000 --to e099999 -k 3
"""

import argparse
import itertools
import re
import sys
import time

import networkx as nx
import yaml

KINDS = ("causes", "references", "contradicts")


def load(path):
    with open(path, "rb") as f:
        return yaml.load(f, Loader=yaml.CLoader)


def build(data):
    """A MultiDiGraph: one node per event, one edge per relation, keyed by kind."""
    graph = nx.MultiDiGraph()
    for event in data.get("events") or []:
        graph.add_node(event["id"], title=event.get("title"), date=str(event.get("date")))
    for event in data.get("events") or []:
        for kind in KINDS:
            for item in event.get(kind) or []:
                if isinstance(item, dict):
                    graph.add_edge(event["id"], item["event"], key=kind, kind=kind,
                                   sources=item.get("sources", []),
                                   claimed_by=item.get("claimed_by", []),
                                   disputed_by=item.get("disputed_by", []))
                else:
                    graph.add_edge(event["id"], item, key=kind, kind=kind)
    return graph


def causes_subgraph(graph):
    """A DiGraph of the causes edges, what path and ancestor queries follow."""
    causes = nx.DiGraph()
    causes.add_nodes_from(graph.nodes)
    causes.add_edges_from((u, v) for u, v, kind in graph.edges(keys=True) if kind == "causes")
    return causes


YEAR = re.compile(r"^(-?\d{4})")


def in_window(graph, first_year, last_year):
    """Events whose date starts with a year in [first_year, last_year], by date."""
    kept = []
    for node, attributes in graph.nodes(data=True):
        match = YEAR.match(attributes["date"])
        if match and first_year <= int(match.group(1)) <= last_year:
            kept.append((attributes["date"], node, attributes["title"]))
    kept.sort()
    return kept


def write_dot(graph, out):
    """DOT with every relation; only causes constrain the ranks."""
    def quote(text):
        return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'
    out.write("digraph events {\n  rankdir=LR;\n  node [shape=box, fontsize=10];\n")
    for node, attributes in graph.nodes(data=True):
        out.write(f"  {quote(node)} [label={quote(attributes['date'] + ' ' + attributes['title'])}];\n")
    # Edge labels would become virtual nodes, which with constraint=false
    # trip dot's "trouble in init_rank"; colours tell the kinds apart.
    style = {"causes": "",
             "references": " [color=blue, style=dashed, constraint=false]",
             "contradicts": " [color=red, style=dotted, dir=none, constraint=false]"}
    for u, v, kind in graph.edges(keys=True):
        out.write(f"  {quote(u)} -> {quote(v)}{style[kind]};\n")
    out.write("}\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("task", choices=["load", "path", "ancestors", "list", "dot"])
    parser.add_argument("file")
    parser.add_argument("--from", dest="source", help="path start (event id)")
    parser.add_argument("--to", dest="target", help="path end / ancestors of (event id)")
    parser.add_argument("-k", type=int, default=3, help="paths to find (default 3)")
    parser.add_argument("--years", default="2020-2022", help="list window, FIRST-LAST years")
    parser.add_argument("-o", "--output", help="dot: write here instead of stdout")
    parser.add_argument("--timings", action="store_true", help="print phase seconds to stderr")
    args = parser.parse_args()

    timings = []
    start = time.perf_counter()

    def phase(name):
        nonlocal start
        now = time.perf_counter()
        timings.append((name, now - start))
        start = now

    data = load(args.file)
    phase("load")
    graph = build(data)
    phase("build")
    out = sys.stdout
    if args.task == "load":
        print(f"{args.file}: {graph.number_of_nodes()} events, {graph.number_of_edges()} relations")
    elif args.task == "path":
        causes = causes_subgraph(graph)
        phase("causes-subgraph")
        shortest = nx.shortest_path(causes, args.source, args.target)
        phase("shortest-path")
        paths = list(itertools.islice(nx.shortest_simple_paths(causes, args.source, args.target),
                                      args.k))
        phase(f"{args.k}-shortest-paths")
        print("shortest: " + " -> ".join(shortest))
        for i, path in enumerate(paths, 1):
            print(f"{i}: " + " -> ".join(path))
    elif args.task == "ancestors":
        causes = causes_subgraph(graph)
        phase("causes-subgraph")
        ancestors = nx.ancestors(causes, args.target)
        phase("ancestors")
        for node in sorted(ancestors, key=lambda n: (graph.nodes[n]["date"], n)):
            out.write(f"{node}\t{graph.nodes[node]['date']}\t{graph.nodes[node]['title']}\n")
    elif args.task == "list":
        first, last = (int(y) for y in args.years.split("-"))
        kept = in_window(graph, first, last)
        phase("list")
        for date, node, title in kept:
            out.write(f"{node}\t{date}\t{title}\n")
    elif args.task == "dot":
        if args.output:
            with open(args.output, "w", encoding="utf-8") as f:
                write_dot(graph, f)
        else:
            write_dot(graph, out)
        phase("dot")
    if args.timings:
        for name, seconds in timings:
            print(f"{name}\t{seconds:.6f}", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The Python module against networkx, in one run, on one event file.

Loads FILE with eventgraph.load (from its snapshot after a first load) and
with PyYAML's C loader + networkx (peer_networkx.build), then times
shortest path and ancestors from each, many calls in a loop. Prints a table
of seconds per call and the ratios. Debian packages: python3-yaml,
python3-networkx; eventgraph's module on PYTHONPATH (build/python).

  PYTHONPATH=build/python python3 bench/python_bench.py events-100k.yaml \
      --from e000000 --to e099999
"""

import argparse
import pathlib
import sys
import time

import networkx as nx

import eventgraph

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import peer_networkx  # noqa: E402


def per_call(function, calls):
    start = time.perf_counter()
    for _ in range(calls):
        function()
    return (time.perf_counter() - start) / calls


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file")
    parser.add_argument("--from", dest="source", required=True)
    parser.add_argument("--to", dest="target", required=True)
    parser.add_argument("--calls", type=int, default=100_000)
    parser.add_argument("--peer-calls", type=int, default=3)
    args = parser.parse_args()

    eventgraph.load(args.file)  # writes the snapshot the timed load reads
    start = time.perf_counter()
    graph = eventgraph.load(args.file)
    ours_load = time.perf_counter() - start

    start = time.perf_counter()
    peer = peer_networkx.build(peer_networkx.load(args.file))
    causes = peer_networkx.causes_subgraph(peer)
    peer_load = time.perf_counter() - start

    ours_path = graph.shortest_path(args.source, args.target)
    peer_path = nx.shortest_path(causes, args.source, args.target)
    assert len(ours_path) == len(peer_path), (ours_path, peer_path)
    ours_up = set(graph.ancestors(args.target).ids)
    assert ours_up == nx.ancestors(causes, args.target)

    rows = [
        ("load", ours_load, peer_load),
        ("shortest path", per_call(lambda: graph.shortest_path(args.source, args.target),
                                   args.calls),
         per_call(lambda: nx.shortest_path(causes, args.source, args.target), args.peer_calls)),
        ("ancestors", per_call(lambda: graph.ancestors(args.target), max(args.calls // 1000, 3)),
         per_call(lambda: nx.ancestors(causes, args.target), args.peer_calls)),
    ]
    print(f"{len(graph)} events, {len(graph.relations)} relations; path of {len(ours_path)} events;"
          f" {len(ours_up)} ancestors")
    print(f"{'':16}{'eventgraph':>14}{'networkx':>14}{'ratio':>12}")
    for name, ours, theirs in rows:
        print(f"{name:16}{ours * 1e6:12.1f}µs{theirs * 1e6:12.0f}µs{theirs / ours:11.0f}×")


if __name__ == "__main__":
    main()

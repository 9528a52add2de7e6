"""Example 05: the questions of example 02, and a table, from Python.

Usage: PYTHONPATH=build/python python3 examples/05_python.py [EVENTS.yaml]
(default: data/events.yaml beside this folder). `cmake --install` puts the
module where `python3` finds it without PYTHONPATH.
"""

import pathlib
import sys

import eventgraph

events_file = sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parents[1] / "data/events.yaml"
g = eventgraph.load(events_file)
print(f"{g.title}: {len(g)} events, {len(g.relations)} relations")

print("\n1. How does Russia's demand for Ukrainian neutrality go back to the invasion?")
path = g.path("full-scale-invasion", "russia-neutrality-demand").paths[0]
print("  " + "\n  -> ".join(g[i]["title"] for i in path))

print("\n2. What led to the collapse of the Istanbul talks, and how many steps back?")
led_up = g.ancestors("istanbul-talks-collapse")
for event_id, steps in sorted(led_up.distances().items(), key=lambda item: (item[1], item[0])):
    print(f"  {steps} step{'s' if steps > 1 else ''}: {g[event_id]['title']}")

print("\n3. Which claims contradict each other?")
for a, b in g.contradictions():
    print(f"  {a}  <->  {b}")

print("\n4. Events per year, with pandas:")
events, relations = g.to_pandas()
per_year = events.assign(year=events["earliest"].str[:4]).groupby("year").size()
for year, count in per_year.items():
    print(f"  {year}: {count:2d} {'#' * count}")
disputed = relations[relations["disputed_by"].map(len) > 0]
print(f"  {len(disputed)} of {len(relations)} relations are disputed by someone")

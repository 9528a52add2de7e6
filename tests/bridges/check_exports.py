#!/usr/bin/env python3
"""Every export read by the program on the other side, and the round trips.

check_exports.py EVENTGRAPH SOURCE_DIR OUT_DIR [CHROMIUM]

For data/events.yaml and tests/data/export/tricky.yaml (hostile text, BCE
dates, parallel edges): networkx reads the GraphML and GEXF, igraph the
GraphML, and each finds the same nodes, edges, kinds and dates as PyYAML
reading the event file; the Neo4j CSVs follow neo4j-admin's header rules;
CSV cells cannot run as formulas and pandas reads the events table; YAML -> TimelineJS/CSV/JSON -> YAML keep
every id, title and date (the CSV and JSON ones every relation too). Then
check_in_programs.mjs runs Mermaid, TimelineJS and cytoscape on the same
files.
"""
import csv
import json
import os
import re
import subprocess
import sys

import igraph
import pandas
import networkx as nx
import yaml
from networkx.readwrite import gexf as nx_gexf

EVENTGRAPH, SOURCE, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
CHROMIUM = sys.argv[4] if len(sys.argv) > 4 else None
INPUTS = {"events": os.path.join(SOURCE, "data", "events.yaml"),
          "tricky": os.path.join(SOURCE, "tests", "data", "export", "tricky.yaml")}
FORMATS = ["graphml", "gexf", "timelinejs", "mermaid-timeline", "mermaid-flowchart",
           "cytoscape", "json"]
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL", what, file=sys.stderr)


def run(*args):
    done = subprocess.run([EVENTGRAPH, *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"eventgraph {' '.join(args)} exited {done.returncode}: {done.stderr}")
    return done


def expected_of(path):
    """What the event file says, read by PyYAML rather than by us."""
    with open(path, encoding="utf-8") as f:
        doc = yaml.load(f, Loader=yaml.BaseLoader)  # every scalar as written
    events = {e["id"]: e for e in doc["events"]}
    relations = []
    for e in doc["events"]:
        for kind in ("causes", "references", "contradicts"):
            for item in e.get(kind, []):
                target = item if isinstance(item, str) else item["event"]
                relations.append(f"{e['id']} {kind} {target}")
    return doc, events, relations


def timelinejs_label(date):
    """How TimelineJS labels a bare year: 500 BCE for astronomical -0499."""
    if re.fullmatch(r"-?\d{4}", date):
        year = int(date)
        return f"{1 - year} BCE" if year <= 0 else None
    return None


def imported_events(path, fmt):
    target = path + ".back.yaml"
    run("import", fmt, path, "-o", target)
    _, events, relations = expected_of(target)
    return events, relations


os.makedirs(OUT, exist_ok=True)
for name, source in INPUTS.items():
    doc, events, relations = expected_of(source)
    titles = {i: e["title"] for i, e in events.items()}
    dates = {i: e["date"] for i, e in events.items()}
    labels = {i: timelinejs_label(d) for i, d in dates.items() if timelinejs_label(d)}
    with open(os.path.join(OUT, name + ".expected.json"), "w", encoding="utf-8") as f:
        json.dump({"ids": sorted(events), "titles": titles, "relations": relations,
                   "timelinejs_dates": labels}, f, ensure_ascii=False)
    out = {fmt: os.path.join(OUT, f"{name}.{fmt}") for fmt in FORMATS}
    for fmt, path in out.items():
        run("export", fmt, source, "-o", path)
    for fmt in ("csv", "neo4j"):
        out[fmt] = os.path.join(OUT, f"{name}-{fmt}")
        run("export", fmt, source, "-o", out[fmt])
    kinds = sorted(relations)

    # networkx and igraph: GraphML
    g = nx.read_graphml(out["graphml"])
    check(sorted(g.nodes) == sorted(events), f"{name}: networkx GraphML nodes")
    check(sorted(f"{a} {d['kind']} {b}" for a, b, d in g.edges(data=True)) == kinds,
          f"{name}: networkx GraphML edges and kinds")
    for i, e in events.items():
        check(g.nodes[i]["title"] == e["title"], f"{name}: GraphML title of {i}")
        check(g.nodes[i]["date"] == e["date"], f"{name}: GraphML date of {i}")
        check(isinstance(g.nodes[i]["order"], int), f"{name}: GraphML order is a number")
    ig = igraph.Graph.Read_GraphML(out["graphml"])
    check(sorted(ig.vs["id"]) == sorted(events), f"{name}: igraph nodes")
    check(sorted(f"{ig.vs[e.source]['id']} {e['kind']} {ig.vs[e.target]['id']}" for e in ig.es)
          == kinds, f"{name}: igraph edges and kinds")
    check(sorted(ig.vs["date"]) == sorted(dates.values()), f"{name}: igraph dates")

    # networkx: GEXF 1.3 (networkx 2.8 knows the 1.1 and 1.2 namespaces;
    # 1.3 reads the same way once its namespace is named)
    nx_gexf.GEXF.versions["1.3"] = dict(nx_gexf.GEXF.versions["1.2draft"],
                                        NS_GEXF="http://gexf.net/1.3",
                                        NS_VIZ="http://gexf.net/1.3/viz", VERSION="1.3")
    x = nx.read_gexf(out["gexf"], version="1.3")
    check(sorted(x.nodes) == sorted(events), f"{name}: networkx GEXF nodes")
    check(sorted(f"{a} {d['kind']} {b}" for a, b, d in x.edges(data=True)) == kinds,
          f"{name}: networkx GEXF edges (parallel edges kept apart by kind)")
    for i, e in events.items():
        check(x.nodes[i]["label"] == e["title"], f"{name}: GEXF label of {i}")
        spells = x.nodes[i].get("spells", [])
        check(len(spells) == 1, f"{name}: one spell for {i}")
    with open(out["gexf"], encoding="utf-8") as f:
        check('kind="causes"' in f.read() or not relations, f"{name}: GEXF edge kind attribute")

    # Neo4j: neo4j-admin's documented header rules
    types = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
             "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"}
    with open(os.path.join(out["neo4j"], "events.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    check(sum(1 for h in header if h.endswith(":ID")) == 1, f"{name}: one :ID column")
    check(":LABEL" in header, f"{name}: a :LABEL column")
    for h in header:
        if ":" in h and not h.startswith(":") and not h.endswith(":ID"):
            check(h.split(":", 1)[1].rstrip("[]") in types, f"{name}: Neo4j type in {h}")
    node_ids = [r[0] for r in rows[1:]]
    check(sorted(node_ids) == sorted(events), f"{name}: Neo4j node ids")
    for r in rows[1:]:
        for h, v in zip(header, r):
            if h.endswith(":date") and v:
                check(re.fullmatch(r"-?\d{4,}-\d\d-\d\d", v), f"{name}: Neo4j date {v}")
    with open(os.path.join(out["neo4j"], "relations.csv"), newline="", encoding="utf-8") as f:
        rel_rows = list(csv.reader(f))
    check(rel_rows[0][:3] == [":START_ID", ":END_ID", ":TYPE"], f"{name}: relationship header")
    check(sorted(f"{r[0]} {r[2].lower()} {r[1]}" for r in rel_rows[1:]) == kinds,
          f"{name}: Neo4j relationships")
    for r in rel_rows[1:]:
        check(r[-1] in ("true", "false"), f"{name}: Neo4j boolean")

    # CSV: no cell a spreadsheet would run as a formula
    for table in ("events.csv", "relations.csv"):
        with open(os.path.join(out["csv"], table), newline="", encoding="utf-8") as f:
            table_rows = list(csv.reader(f))
        for r in table_rows[1:]:
            for h, v in zip(table_rows[0], r):
                if h == "date":
                    continue  # EDTF, checked by the loader: "-0499" is a year
                check(not v or v[0] not in "=+-@\t\r", f"{name}: {table} cell {v!r} could run")
    # pandas, as an analyst would read the table: the same ids, titles and dates.
    frame = pandas.read_csv(os.path.join(out["csv"], "events.csv"), dtype=str, keep_default_na=False)
    check(list(frame.columns[:3]) == ["id", "title", "date"], f"{name}: pandas columns")
    check(sorted(frame["id"]) == sorted(events), f"{name}: pandas ids")
    for i, title, date in zip(frame["id"], frame["title"], frame["date"]):
        if i in events:
            shown = events[i]["title"]
            shown = "'" + shown if shown[:1] in ("=", "+", "-", "@", "\t", "\r") else shown
            check(title == shown, f"{name}: pandas title of {i}: {title!r}")
            check(date == events[i]["date"], f"{name}: pandas date of {i}: {date!r}")

    # Round trips: id, title and date of every event; relations where the
    # format carries them.
    for fmt, path, keeps_relations in (
            ("timelinejs", out["timelinejs"], False),
            ("csv", os.path.join(out["csv"], "events.csv"), True),
            ("json", out["json"], True)):
        back, back_relations = imported_events(path, fmt)
        check(sorted(back) == sorted(events), f"{name}: ids after {fmt} round trip")
        for i, e in events.items():
            if i not in back:
                continue
            check(back[i]["title"] == e["title"],
                  f"{name}: title of {i} after {fmt}: {back[i]['title']!r}")
            check(back[i]["date"] == e["date"],
                  f"{name}: date of {i} after {fmt}: {back[i]['date']!r} != {e['date']!r}")
        if keeps_relations:
            check(sorted(back_relations) == kinds, f"{name}: relations after {fmt} round trip")
    print(f"ok {name}: {len(events)} events, {len(relations)} relations")

# Markdown, as GitHub renders it: cmark-gfm with its table and autolink
# extensions. No data string may become a link, an image or raw HTML; a bare
# e-mail address is the one autolink escaping cannot stop (cmark-gfm finds
# it after escapes are read), and it can only ever be a mailto: link (xmpp:
# when the text says so).
LINKS = """eventgraph: 1
sources:
  web: {title: "See https://evil.example/autolink and www.evil.example", url: "https://example.org/x\\"><script>alert(1)</script>"}
events:
  - id: one
    title: "[x](javascript:alert(1)) <img src=x onerror=alert(2)> ftp://f.example/a"
    date: "2022"
    sources: [web]
  - id: two
    title: "mailto:x@y.example, xmpp:x@y.example/z and WWW.Shout.example; write to a@b.example"
    date: "2023"
    sources: [web]
"""
links_yaml = os.path.join(OUT, "links.yaml")
with open(links_yaml, "w", encoding="utf-8") as f:
    f.write(LINKS)
markdown = run("list", links_yaml, "--format", "markdown").stdout
html = subprocess.run(["cmark-gfm", "-e", "table", "-e", "autolink"], input=markdown,
                      capture_output=True, text=True, check=True).stdout
hrefs = re.findall(r'<a href="([^"]*)"', html)
check(all(h.startswith(("mailto:", "xmpp:")) for h in hrefs),
      f"markdown: cmark-gfm made links of the data: {hrefs}")
check(not re.search(r"<(script|img|iframe)", html), "markdown: raw HTML reached the page")
for shown in ("https://evil.example/autolink", "www.evil.example", "ftp://f.example/a",
              "xmpp:x@y.example/z", "WWW.Shout.example"):
    check(shown in html, f"markdown: {shown!r} is not shown as text")
print(f"ok markdown: cmark-gfm renders {len(hrefs)} link(s), all e-mail addresses")

if CHROMIUM:
    done = subprocess.run(["node", os.path.join(SOURCE, "tests", "bridges", "check_in_programs.mjs"),
                           CHROMIUM, OUT])
    check(done.returncode == 0, "Mermaid, TimelineJS or cytoscape refused an export")

if failures:
    print(f"{len(failures)} failures", file=sys.stderr)
    sys.exit(1)

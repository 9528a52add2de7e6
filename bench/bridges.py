#!/usr/bin/env python3
"""Speed of the bridges: every `eventgraph export` and a CSV import, against
networkx's write_graphml and pandas' read_csv on the same data, in one run.

  bench/bridges.py --eventgraph build-release/cli/eventgraph \\
                   --generate build-release/bench/eventgraph-generate [--events 100000] [--reps 5]

--generate may also be the test tree's `build/tests/browser/synthetic_yaml`
(the same generator, `synthetic_yaml EVENTS SEED`). Prints a Markdown table
for bench/RESULTS.md: the minimum wall time of --reps runs of each (the
machine is shared; the minimum is the run least disturbed), with the median
beside it.

eventgraph's exports run on a warm snapshot cache (a first run writes it), as
every command after the first does: loading the YAML cold is `check`'s row
in RESULTS.md, not the export's. The import reads the 100,000-row
`events.csv` that `export csv` wrote and writes the event file. The peers run
in-process after their own loading, timed around the one call: networkx
`write_graphml` of the graph it read from eventgraph's GraphML (same nodes,
edges and attributes), and pandas `read_csv` of the same `events.csv`.
"""
import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

EXPORTS = ["graphml", "gexf", "timelinejs", "mermaid-timeline", "mermaid-flowchart",
           "cytoscape", "neo4j", "csv", "json"]

PEER_NETWORKX = r"""
import sys, time, networkx as nx
g = nx.read_graphml(sys.argv[1])
start = time.perf_counter()
nx.write_graphml(g, sys.argv[2])
print(time.perf_counter() - start)
"""

PEER_PANDAS = r"""
import sys, time, pandas
start = time.perf_counter()
frame = pandas.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
print(time.perf_counter() - start, len(frame))
"""


def wall(args, env, ok_codes=(0,)):
    start = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode not in ok_codes:
        raise SystemExit(f"{' '.join(args)}: exit {done.returncode}: {done.stderr[-500:]}")
    return elapsed, done


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--eventgraph", required=True)
    parser.add_argument("--generate", required=True)
    parser.add_argument("--events", type=int, default=100000)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--work", default=None)
    options = parser.parse_args()
    python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else sys.executable

    work = options.work or tempfile.mkdtemp(prefix="eventgraph-bridges-")
    os.makedirs(work, exist_ok=True)
    env = dict(os.environ, EVENTGRAPH_CACHE_DIR=os.path.join(work, "cache"))
    yaml_file = os.path.join(work, f"events-{options.events}.yaml")
    if "synthetic_yaml" in os.path.basename(options.generate):
        generated = subprocess.run([options.generate, str(options.events), "1"], capture_output=True, check=True)
        open(yaml_file, "wb").write(generated.stdout)
    else:
        subprocess.run([options.generate, "--events", str(options.events), "--seed", "1", "-o", yaml_file], check=True)
    wall([options.eventgraph, "check", yaml_file], env)  # writes the snapshot

    rows = []
    outputs = {}
    for fmt in EXPORTS:
        several = fmt in ("csv", "neo4j")
        out = os.path.join(work, "out-" + fmt + ("" if several else ".out"))
        outputs[fmt] = out
        times = []
        note = ""
        for _ in range(options.reps):
            elapsed, done = wall([options.eventgraph, "export", fmt, yaml_file, "-o", out], env, (0, 1))
            times.append(elapsed)
            if done.returncode == 1:
                note = "refused: " + done.stderr.strip().splitlines()[0].removeprefix("eventgraph export: ")
        size = (sum(os.path.getsize(os.path.join(out, f)) for f in os.listdir(out)) if several
                else os.path.getsize(out) if os.path.exists(out) else 0)
        rows.append((f"export {fmt}", times, size, note))

    csv_file = os.path.join(outputs["csv"], "events.csv")
    imported = os.path.join(work, "imported.yaml")
    times = [wall([options.eventgraph, "import", "csv", csv_file, "-o", imported], env)[0]
             for _ in range(options.reps)]
    rows.append(("import csv (100,000 rows)" if options.events == 100000 else f"import csv ({options.events} rows)",
                 times, os.path.getsize(imported), ""))

    peer_graphml = [float(wall([python, "-c", PEER_NETWORKX, outputs["graphml"], os.path.join(work, "nx.graphml")],
                               env)[1].stdout.split()[0]) for _ in range(options.reps)]
    peer_csv = [float(wall([python, "-c", PEER_PANDAS, csv_file], env)[1].stdout.split()[0])
                for _ in range(options.reps)]

    import networkx
    import pandas
    print(f"Produced by `{' '.join(['bench/bridges.py'] + sys.argv[1:])}` on "
          f"{time.strftime('%Y-%m-%d %H:%M')}, {options.events} events, {options.reps} runs each; "
          f"load average at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
          f"peers: Python {platform.python_version()}, networkx {networkx.__version__}, pandas {pandas.__version__}.\n")
    print("| what | min wall | median | output | peer | peer min | ratio (min/min) | target | met? |")
    print("|---|---:|---:|---:|---|---:|---:|---|---|")
    for name, times, size, note in rows:
        best = min(times)
        if name.startswith("export graphml"):
            peer, peer_best = "networkx `write_graphml`", min(peer_graphml)
        elif name.startswith("import"):
            peer, peer_best = "pandas `read_csv`", min(peer_csv)
        else:
            peer, peer_best = "", None
        target = 2.0 if name.startswith("import") else 1.0
        ratio = f"{best / peer_best:.2f}" if peer_best else ""
        shown_peer = f"{peer_best:.3f} s" if peer_best else ""
        met = "yes" if best < target else "no"
        label = name + (f" ({note})" if note else "")
        print(f"| {label} | {best:.3f} s | {statistics.median(times):.3f} s | {size / 1e6:.1f} MB | {peer} | "
              f"{shown_peer} | {ratio} | < {target:.0f} s | {met} |")
    if not options.work:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()

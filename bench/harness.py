#!/usr/bin/env python3
"""Measures eventgraph's whole commands against the peers and writes RESULTS.md.

bench/run.sh builds the Release tree and calls this; run it directly only to
re-measure with binaries you built yourself:

  python3 bench/harness.py --eventgraph build-release/cli/eventgraph \
      --generate build-release/bench/eventgraph-generate --work build-release/bench/work

Every whole-command figure is the median of --reps runs under GNU time
(`/usr/bin/time -v`): wall time from a monotonic clock around the run, peak
memory from time's "Maximum resident set size". eventgraph runs cold: each
run gets a fresh, empty snapshot cache directory (but for the warm-cache row
and batch queries). A command that
`eventgraph CMD --help` does not describe is reported as not yet available.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PEER = BENCH / "peer_networkx.py"
PEER_TIMELINE = BENCH / "peer_matplotlib.py"
GNU_TIME = "/usr/bin/time"
# The Python peers run on Debian's interpreter, where python3-yaml,
# python3-networkx and python3-matplotlib are installed, even when another
# python3 comes first in PATH.
PEER_PYTHON = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable

# How each row's command is called: a label, then the subcommand whose
# `--help` tells whether it exists and the arguments. When a command's
# options change, change its line here.
# {file} event file, {from}/{to} a pair a causes path joins, {out} a path prefix.
COMMANDS = {
    "check": ["check", "{file}"],
    "check (warm cache)": ["check", "{file}"],
    "path -k 3": ["path", "{file}", "{from}", "{to}", "-k", "3"],
    "ancestors": ["ancestors", "{file}", "{to}"],
    "list --from 2020 --to 2022": ["list", "{file}", "--from", "2020", "--to", "2022"],
    "timeline": ["timeline", "{file}", "-o", "{out}.svg"],
    "graph --layout time": ["graph", "{file}", "--layout", "time", "-o", "{out}.svg"],
    "graph --layout dot": ["graph", "{file}", "--layout", "dot", "-o", "{out}.svg"],
}
# The peer's input for graph rows: the DOT eventgraph would lay out with dot
# (the time layout's DOT carries fixed positions that dot ignores).
GRAPH_DOT = ["graph", "{file}", "--layout", "dot", "--format", "dot", "-o", "{out}.dot"]
# `eventgraph query FILE` answers one JSON request per line of standard input.
QUERY = ["query", "{file}"]
QUERY_LINE = '{{"cmd": "path", "from": "{from}", "to": "{to}"}}\n'
QUERY_COUNT = 10_000

# Rows that run on a primed snapshot cache instead of an empty one.
WARM = {"check (warm cache)"}

PEER_TASK = {"check": "load", "check (warm cache)": "load", "path -k 3": "path", "ancestors": "ancestors",
             "list --from 2020 --to 2022": "list"}
PEER_NAME = {"check": "Python: load + build", "check (warm cache)": "Python: load + build",
             "path -k 3": "Python: + shortest, 3 shortest",
             "ancestors": "Python: + ancestors", "list --from 2020 --to 2022": "Python: + window",
             "timeline": "Python: matplotlib SVG",
             "graph --layout time": "dot -Tsvg", "graph --layout dot": "dot -Tsvg"}

FULL_SIZES = {"check": [1000, 10_000, 100_000], "check (warm cache)": [100_000],
              "path -k 3": [1000, 10_000, 100_000],
              "ancestors": [1000, 10_000, 100_000],
              "list --from 2020 --to 2022": [1000, 10_000, 100_000],
              "timeline": [1000, 10_000], "graph --layout time": [200, 1000],
              "graph --layout dot": [200], "query": [100_000]}
# The smoke run: 1k events, but graphs at 200, as dot alone needs minutes at 1k.
QUICK_SIZES = {name: ([200] if name.startswith("graph") else [1000]) for name in FULL_SIZES}


class Measure:
    """The median of several runs, or why there is none."""

    def __init__(self, wall=None, peak_kb=None, status="ok", runs=0, cpu=None):
        self.wall, self.peak_kb, self.status, self.runs = wall, peak_kb, status, runs
        self.cpu = cpu  # user + system seconds
        self.timed_out_after = None  # seconds, when a run timed out

    @property
    def ok(self):
        return self.status == "ok"


def run_once(argv, env=None, stdin=None, timeout=None):
    """(wall s, peak KiB, exit code, stderr tail, cpu s) of one run under GNU time."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        command = [GNU_TIME, "-v", "-o", report.name] + [str(a) for a in argv]
        start = time.perf_counter()
        # Its own process group, so a timeout kills the measured command too,
        # not only GNU time (an orphaned dot would skew every later figure).
        process = subprocess.Popen(command, stdin=stdin, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, env=env, start_new_session=True)
        try:
            _, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            return time.perf_counter() - start, None, "timeout", "", None
        wall = time.perf_counter() - start
        done = subprocess.CompletedProcess(command, process.returncode, None, stderr)
        text = report.read()
        peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
        cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text))
        tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
        return wall, int(peak.group(1)) if peak else None, done.returncode, " ".join(tail), cpu


def measure(argv, reps, timeout, fresh_cache=False, stdin_path=None, cache_dir=None):
    walls, peaks, cpus = [], [], []
    for _ in range(reps):
        env = dict(os.environ)
        cache = None
        if fresh_cache:
            cache = tempfile.mkdtemp(prefix="eventgraph-cache-")
            env["EVENTGRAPH_CACHE_DIR"] = cache
            env["XDG_CACHE_HOME"] = cache
        elif cache_dir:
            env["EVENTGRAPH_CACHE_DIR"] = str(cache_dir)
        stdin = open(stdin_path, "rb") if stdin_path else None
        try:
            wall, peak, code, tail, cpu = run_once(argv, env, stdin, timeout)
        finally:
            if stdin:
                stdin.close()
            if cache:
                shutil.rmtree(cache, ignore_errors=True)
        if code == "timeout":
            timed_out = Measure(status=f"> {timeout:.0f} s (timed out)", runs=len(walls) + 1)
            timed_out.timed_out_after = timeout
            return timed_out
        if code != 0:
            return Measure(status=f"failed (exit {code}: {tail[:120]})", runs=len(walls) + 1)
        walls.append(wall)
        peaks.append(peak or 0)
        cpus.append(cpu or 0.0)
    return Measure(statistics.median(walls), statistics.median(peaks), runs=reps,
                   cpu=statistics.median(cpus))


def available(eventgraph, command):
    """True when `eventgraph COMMAND --help` describes COMMAND itself."""
    done = subprocess.run([eventgraph, command, "--help"], capture_output=True, text=True)
    return done.returncode == 0 and f"eventgraph {command}" in done.stdout


def fill(template, values):
    return [part.format(**values) for part in template]


def fmt_seconds(seconds):
    return f"{seconds * 1000:.0f} ms" if seconds < 10 else f"{seconds:.1f} s"


def fmt_wall(m):
    return fmt_seconds(m.wall) if m.ok else m.status


def fmt_cpu(m):
    if not m.ok or m.cpu is None:
        return "—"
    return "< 10 ms" if m.cpu < 0.01 else fmt_seconds(m.cpu)  # GNU time counts in 10 ms


def fmt_peak(m):
    return f"{m.peak_kb / 1024:.0f} MiB" if m.ok and m.peak_kb else "—"


def ratio(a, b, attr):
    if a.ok and b.timed_out_after and attr != "peak_kb":
        return f"< {getattr(a, attr) / b.timed_out_after:.3f}×"
    x, y = getattr(a, attr), getattr(b, attr)
    if not (a.ok and b.ok) or not y:
        return "—"
    if attr == "cpu" and x < 0.01:
        return f"< {0.01 / y:.3f}×"
    return f"{x / y:.3f}×"


class Report:
    def __init__(self):
        self.rows, self.missing, self.notes = [], {}, []

    def add(self, command, size, ours, peer_name="—", peer=None, target="—", met="—"):
        self.rows.append((command, size, ours, peer_name, peer, target, met))


def target_for(command, size, ours, peer):
    """(target text, met?) for a whole-command row."""
    if command == "check" and size == 100_000:
        text = "≤ 0.2× peer wall (aim 0.1×), ≤ 0.25× peer memory"
        if ours.ok and peer is not None and peer.ok:
            met = ours.wall <= 0.2 * peer.wall and ours.peak_kb <= 0.25 * peer.peak_kb
            return text, "yes" if met else "no"
        return text, "?"
    if command == "timeline" and size == 10_000:
        text = "< 2 s, ≤ 0.1× peer wall"
        if not ours.ok:
            return text, "?"
        # A peer that failed leaves only the absolute target to judge.
        ratio_met = peer is None or not peer.ok or ours.wall <= 0.1 * peer.wall
        return text, "yes" if ours.wall < 2 and ratio_met else "no"
    if command == "graph --layout time" and size == 1000:
        return "< 2 s (time layout)", ("yes" if ours.wall < 2 else "no") if ours.ok else "?"
    return "—", "—"


def run_whole_commands(args, sizes, files, report):
    eventgraph = args.eventgraph
    for command, command_sizes in sizes.items():
        if command == "query":
            continue
        subcommand = COMMANDS[command][0]
        if not available(eventgraph, subcommand):
            report.missing[command] = f"`eventgraph {subcommand} --help` does not describe it"
            continue
        for size in command_sizes:
            file = files[size]
            ends = endpoints(args, size)
            out = args.work / f"{re.sub(r'[^a-z0-9]+', '-', command)}-{size}"
            values = {"file": file, "from": ends[0], "to": ends[1], "out": out}
            argv = [eventgraph] + fill(COMMANDS[command], values)
            log(f"eventgraph {command} at {size} events")
            if command in WARM:
                cache = args.work / "cache-warm"
                subprocess.run(argv, capture_output=True,
                               env=dict(os.environ, EVENTGRAPH_CACHE_DIR=str(cache)))
                ours = measure(argv, args.reps, args.timeout, cache_dir=cache)
            else:
                ours = measure(argv, args.reps, args.timeout, fresh_cache=True)
            peer_name, peer = "—", None
            if command in PEER_TASK:
                peer_name = PEER_NAME[command]
                log(f"  peer ({peer_name})")
                peer = measure([PEER_PYTHON, PEER, PEER_TASK[command], file, "--from", ends[0],
                                "--to", ends[1], "-k", "3", "--years", "2020-2022"],
                               args.reps, args.peer_timeout)
            elif command == "timeline":
                peer_name = PEER_NAME[command]
                log(f"  peer ({peer_name})")
                peer = measure([PEER_PYTHON, PEER_TIMELINE, file, "-o", f"{out}-peer.svg"],
                               args.reps, args.peer_timeout)
            elif subcommand == "graph":
                peer_name = PEER_NAME[command]
                dot = dot_file(args, file, size, out)
                log(f"  peer (dot -Tsvg on {dot.name})")
                peer = measure(["dot", "-Tsvg", dot, "-o", f"{out}-peer.svg"], args.reps,
                               args.peer_timeout)
            target, met = target_for(command, size, ours, peer)
            report.add(command, size, ours, peer_name, peer, target, met)


def dot_file(args, file, size, out):
    """The DOT `eventgraph graph --format dot` writes, else one the peer script writes."""
    values = {"file": file, "out": out}
    produced = Path(f"{out}.dot")
    produced.unlink(missing_ok=True)
    try:
        # Writing DOT runs eventgraph's own dot layout, which can take minutes.
        done = subprocess.run([args.eventgraph] + fill(GRAPH_DOT, values), capture_output=True,
                              env=dict(os.environ, EVENTGRAPH_CACHE_DIR=str(args.work / "cache")),
                              timeout=args.dot_timeout)
    except subprocess.TimeoutExpired:
        done = subprocess.CompletedProcess([], returncode=-1)
    note = ("`dot -Tsvg` ran on the DOT that `eventgraph graph --layout dot --format dot` "
            "writes: the same nodes, labels and styles, laid out from scratch by dot.")
    if done.returncode == 0 and produced.exists() and produced.stat().st_size > 0:
        if note not in args.report.notes:
            args.report.notes.append(note)
        return produced
    fallback = args.work / f"peer-{size}.dot"
    subprocess.run([PEER_PYTHON, PEER, "dot", file, "-o", fallback], check=True)
    note = (f"At {size:,} events `dot -Tsvg` ran on a DOT written by bench/peer_networkx.py "
            "(only causes edges constrain ranks), because `eventgraph graph --layout dot "
            f"--format dot` did not write one within {args.dot_timeout:.0f} s.")
    if note not in args.report.notes:
        args.report.notes.append(note)
    return fallback


def run_query(args, sizes, files, report):
    if not available(args.eventgraph, "query"):
        report.missing["query"] = "`eventgraph query --help` does not describe it"
        return
    for size in sizes.get("query", []):
        file = files[size]
        lines = query_pairs(args, size, QUERY_COUNT)
        many = args.work / f"query-{size}-{QUERY_COUNT}.txt"
        one = args.work / f"query-{size}-1.txt"
        many.write_text("".join(QUERY_LINE.format(**{"from": a, "to": b}) for a, b in lines))
        one.write_text(QUERY_LINE.format(**{"from": lines[0][0], "to": lines[0][1]}))
        argv = [args.eventgraph] + fill(QUERY, {"file": file})
        log(f"eventgraph query: {QUERY_COUNT} path queries at {size} events")
        # Warm the snapshot cache: the target is about answering, after loading.
        subprocess.run(argv, stdin=open(one, "rb"), capture_output=True,
                       env=dict(os.environ, EVENTGRAPH_CACHE_DIR=str(args.work / "cache")))
        cache = args.work / "cache"
        base = measure(argv, args.reps, args.timeout, stdin_path=one, cache_dir=cache)
        full = measure(argv, args.reps, args.timeout, stdin_path=many, cache_dir=cache)
        if base.ok and full.ok and full.wall > base.wall:
            rate = QUERY_COUNT / (full.wall - base.wall)
            result = Measure(full.wall, full.peak_kb, runs=args.reps, cpu=full.cpu)
            met = "yes" if rate >= 10_000 else "no"
            report.add(f"query ({QUERY_COUNT} paths; {rate:,.0f}/s after load)", size, result,
                       target="≥ 10,000 path queries/s", met=met)
        else:
            bad = full if not full.ok else base
            report.add(f"query ({QUERY_COUNT} paths)", size, bad,
                       target="≥ 10,000 path queries/s", met="?")


def query_pairs(args, size, count):
    """Deterministic pairs: three in four along the generator's causes chain
    (a path exists), one in four a few hundred events apart (mostly none)."""
    chain = subprocess.run([args.generate, "--events", str(size), "--seed", "1", "--chain"],
                           capture_output=True, text=True, check=True).stdout.split()
    pairs = []
    for i in range(count):
        if i % 4 != 3 and len(chain) > 1:
            x = (i * 7919) % (len(chain) - 1)
            y = x + 1 + (i * 104729) % (len(chain) - 1 - x)
            pairs.append((chain[x], chain[y]))
        else:
            a = (i * 7919) % (size - 1)
            b = min(size - 1, a + 1 + (i * 104729) % 300)
            pairs.append((f"e{a:06d}", f"e{b:06d}"))
    return pairs


def endpoints(args, size):
    done = subprocess.run([args.generate, "--events", str(size), "--endpoints"],
                          capture_output=True, text=True, check=True)
    return done.stdout.split()


def run_micro(args, report):
    if not args.micro or not Path(args.micro).exists():
        report.notes.append("Micro-benchmarks not run: eventgraph-micro-bench was not built "
                            "(Google Benchmark missing?).")
        return []
    out = args.work / "micro.json"
    argv = [args.micro, f"--benchmark_out={out}", "--benchmark_out_format=json"]
    if args.quick:
        argv += ["--benchmark_filter=/1000$|Edtf", "--benchmark_min_time=0.05"]
    log("micro-benchmarks")
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0 or not out.exists():
        report.notes.append(f"Micro-benchmarks failed: {done.stderr.strip()[-200:]}")
        return []
    return json.loads(out.read_text())["benchmarks"]


MICRO_TARGETS = {"BM_ShortestPath/100000": 1e-3, "BM_Ancestors/100000": 1e-3}


def micro_table(benchmarks):
    lines = ["| benchmark | time per iteration | throughput | target | met? |",
             "|---|---:|---:|---|---|"]
    scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
    for b in benchmarks:
        seconds = b["real_time"] * scale[b["time_unit"]]
        if seconds >= 1e-3:
            shown = f"{seconds * 1e3:.2f} ms"
        elif seconds >= 1e-6:
            shown = f"{seconds * 1e6:.1f} µs"
        else:
            shown = f"{seconds * 1e9:.0f} ns"
        rate = ""
        if "bytes_per_second" in b:
            rate = f"{b['bytes_per_second'] / 2**20:.1f} MiB/s"
        elif "items_per_second" in b:
            rate = f"{b['items_per_second']:,.0f} items/s"
        target = MICRO_TARGETS.get(b["name"])
        met = "—" if target is None else ("yes" if seconds < target else "no")
        lines.append(f"| `{b['name']}` | {shown} | {rate} | "
                     f"{'< 1 ms' if target else '—'} | {met} |")
    return "\n".join(lines)


def machine():
    def first_line(argv):
        try:
            done = subprocess.run(argv, capture_output=True, text=True)
            return (done.stdout or done.stderr).strip().splitlines()[0]
        except (OSError, IndexError):
            return "unknown"
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
    versions = first_line([PEER_PYTHON, "-c", "import platform, yaml, networkx; print("
                           "platform.python_version(), yaml.__version__, hasattr(yaml, 'CLoader'), "
                           "networkx.__version__)"]).split()
    return [
        f"CPU: {cpu}, {os.cpu_count()} cores; memory {int(mem) / 2**20:.0f} GiB",
        f"OS: {platform.platform()}",
        f"Compiler: {first_line(['c++', '--version'])}",
        f"Peer: {PEER_PYTHON}: Python {versions[0]}, PyYAML {versions[1]} "
        f"(C loader: {'yes' if versions[2] == 'True' else 'no'}), networkx {versions[3]}",
        f"Graphviz: {first_line(['dot', '-V'])}",
        f"Load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
        "(other work on the machine slows every figure alike)",
    ]


def write_results(args, report, benchmarks):
    lines = ["# eventgraph benchmark results", ""]
    lines.append(f"Produced by `{args.command}` on "
                 f"{datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}"
                 f"{' (QUICK smoke run: 1k events, 1 repetition; not for comparison)' if args.quick else ''}.")
    lines += ["", "## Machine", ""] + [f"- {m}" for m in machine()]
    lines += ["", "## Whole commands", "",
              f"Median of {args.reps} run(s) each: wall time (a monotonic clock around the "
              "run), CPU time (user + system) and peak resident memory from `/usr/bin/time -v`; "
              "on a busy machine CPU time is the steadier figure. eventgraph runs cold (an empty "
              "snapshot cache each run), except the warm-cache row, which reads the snapshot a "
              "first run wrote. "
              "Ratios are eventgraph / peer: below 1 means eventgraph is faster or smaller. "
              "Synthetic files from `eventgraph-generate --seed 1`; path queries go from "
              "`e000000` to the last event, which a causes chain joins; ancestors are those of "
              "the last event; the list window is 2020–2022.", "",
              "| command | events | eventgraph wall | cpu | peak | peer | peer wall | cpu | "
              "peak | wall ratio | cpu ratio | memory ratio | target | met? |",
              "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---|"]
    for command, size, ours, peer_name, peer, target, met in report.rows:
        p = peer if peer is not None else Measure(status="—")
        lines.append(f"| {command} | {size:,} | {fmt_wall(ours)} | {fmt_cpu(ours)} | "
                     f"{fmt_peak(ours)} | {peer_name} | {fmt_wall(p) if peer else '—'} | "
                     f"{fmt_cpu(p)} | {fmt_peak(p)} | {ratio(ours, p, 'wall')} | "
                     f"{ratio(ours, p, 'cpu')} | {ratio(ours, p, 'peak_kb')} | {target} | {met} |")
    if report.missing:
        lines += ["", "Not yet available (the harness measures them once they exist):", ""]
        lines += [f"- `{name}`: {why}" for name, why in sorted(report.missing.items())]
    lines += ["", "## In-process micro-benchmarks (Google Benchmark)", ""]
    lines.append(micro_table(benchmarks) if benchmarks else "Not run.")
    if report.notes:
        lines += ["", "## Notes", ""] + [f"- {n}" for n in report.notes]
    lines += ["", "## Reproduce", "", "```sh", args.command, "```", ""]
    args.out.write_text("\n".join(lines))


def log(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eventgraph", required=True)
    parser.add_argument("--generate", required=True)
    parser.add_argument("--micro", help="eventgraph-micro-bench, if built")
    parser.add_argument("--work", type=Path, required=True, help="generated files go here")
    parser.add_argument("--out", type=Path, default=BENCH / "RESULTS.md")
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="1k events, 1 repetition")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per eventgraph run")
    parser.add_argument("--peer-timeout", type=float, default=600, help="seconds per peer run")
    parser.add_argument("--dot-timeout", type=float, default=120,
                        help="seconds for eventgraph to write the peer's DOT")
    parser.add_argument("--command", default="bash bench/run.sh", help="shown in RESULTS.md")
    args = parser.parse_args()
    if not Path(GNU_TIME).exists():
        sys.exit(f"bench: {GNU_TIME} (GNU time) is missing: install the Debian package 'time' "
                 "(scripts/setup.sh does)")
    if args.quick:
        args.reps = 1
    sizes = QUICK_SIZES if args.quick else FULL_SIZES
    args.work.mkdir(parents=True, exist_ok=True)
    args.report = Report()

    files = {}
    for size in sorted({s for command in sizes.values() for s in command}):
        path = args.work / f"events-{size}.yaml"
        log(f"generating {size} events")
        subprocess.run([args.generate, "--events", str(size), "--seed", "1", "-o", path],
                       check=True)
        files[size] = path

    run_whole_commands(args, sizes, files, args.report)
    run_query(args, sizes, files, args.report)
    benchmarks = run_micro(args, args.report)
    write_results(args, args.report, benchmarks)
    log(f"wrote {args.out}")


if __name__ == "__main__":
    main()

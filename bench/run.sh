#!/usr/bin/env bash
# The benchmark suite, in one command: builds a Release tree with the
# benchmarks, generates synthetic event files (1k, 10k, 100k; 200 and 1,000
# for `graph`), times every eventgraph command that exists against the peers
# (Python + PyYAML's C loader + networkx; matplotlib; `dot -Tsvg`), runs the
# micro-benchmarks, and writes bench/RESULTS.md. See bench/README.md.
#
#   bash bench/run.sh            # the full run (about 30 minutes, 2 GB of memory)
#   bash bench/run.sh --quick    # smoke run: 1k events, 1 repetition, a minute
#
# Options: --quick, --reps N (default 5), --timeout SECONDS per run (default
# 600), --build-dir DIR (default build-release, configured by `cmake --preset
# release`), --out FILE (default bench/RESULTS.md; a quick run writes
# DIR/bench/RESULTS-quick.md instead).
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0 reps=5 build_dir=build-release out="" timeout=600
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --reps) reps="$2"; shift ;;
    --timeout) timeout="$2"; shift ;;
    --build-dir) build_dir="$2"; shift ;;
    --out) out="$2"; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

# The peer runs on Debian's python3, where setup.sh installs its packages.
python=python3
[ -x /usr/bin/python3 ] && python=/usr/bin/python3
missing=()
[ -x /usr/bin/time ] || missing+=("/usr/bin/time (Debian package 'time')")
command -v dot >/dev/null || missing+=("dot (Debian package 'graphviz')")
"$python" -c 'import yaml; yaml.CLoader' 2>/dev/null || missing+=("PyYAML with its C loader (Debian package 'python3-yaml')")
"$python" -c 'import networkx' 2>/dev/null || missing+=("networkx (Debian package 'python3-networkx')")
"$python" -c 'import matplotlib' 2>/dev/null || missing+=("matplotlib (Debian package 'python3-matplotlib')")
if [ ${#missing[@]} -gt 0 ]; then
  printf 'bench: missing: %s\n' "${missing[@]}" >&2
  echo "bench: run 'bash scripts/setup.sh' as root to install them" >&2
  exit 1
fi

if [ "$build_dir" = build-release ]; then
  cmake --preset release -DEVENTGRAPH_BUILD_BENCH=ON >/dev/null
else
  cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release -DEVENTGRAPH_WERROR=OFF \
    -DEVENTGRAPH_BUILD_BENCH=ON >/dev/null
fi
targets=(eventgraph eventgraph-generate)
grep -q 'eventgraph-micro-bench' "$build_dir/build.ninja" && targets+=(eventgraph-micro-bench)
cmake --build "$build_dir" -j 2 --target "${targets[@]}"

command="bash bench/run.sh"
[ $quick -eq 1 ] && command+=" --quick"
[ "$reps" != 5 ] && command+=" --reps $reps"
[ "$timeout" != 600 ] && command+=" --timeout $timeout"
args=(--eventgraph "$build_dir/cli/eventgraph" --generate "$build_dir/bench/eventgraph-generate"
      --micro "$build_dir/bench/eventgraph-micro-bench" --work "$build_dir/bench/work"
      --reps "$reps" --timeout "$timeout" --peer-timeout "$timeout" --command "$command")
if [ -n "$out" ]; then
  args+=(--out "$out")
elif [ $quick -eq 1 ]; then
  args+=(--out "$build_dir/bench/RESULTS-quick.md")
fi
[ $quick -eq 1 ] && args+=(--quick)
"$python" bench/harness.py "${args[@]}"

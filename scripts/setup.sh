#!/usr/bin/env bash
# Installs everything eventgraph needs to build, test and render, from Debian 12's packages.
# Idempotent: quiet and fast when every package is already present. Run as root.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config git ca-certificates
  # libraries
  libboost-graph-dev libhowardhinnant-date-dev libyaml-cpp-dev libgraphviz-dev
  libcli11-dev nlohmann-json3-dev libfreetype-dev fonts-dejavu-core librsvg2-dev libxxhash-dev
  libjemalloc-dev
  # tests
  catch2 libxml2-utils jq graphviz librsvg2-bin chromium python3 python3-jsonschema cmark-gfm
  # sanitizers, fuzzing and benchmarks
  clang-14 libclang-rt-14-dev libxml2-dev libbenchmark-dev python3-yaml python3-networkx
  python3-matplotlib time
  # the Python module and the programs that read our exports
  pybind11-dev python3-pybind11 python3-dev python3-pytest python3-igraph python3-pandas ccache
)

# Node.js and npm: Debian's, unless the machine already has a node and npm
# (Debian's npm package conflicts with other builds of nodejs).
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing packages: ${missing[*]}" >&2
    echo "setup: run this script as root (or: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The tests' node packages, exactly as package-lock.json pins them. npm ci
# runs again only when the lock file is newer than what it installed.
root=$(cd "$(dirname "$0")/.." && pwd)
stamp="$root/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$root/package-lock.json" -nt "$stamp" ]; then
  echo "setup: installing node packages (npm ci)" >&2
  (cd "$root" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

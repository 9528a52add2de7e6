#!/usr/bin/env bash
# Writes docs/data.md: the seed dataset's events as a table, generated from
# data/events.yaml by `eventgraph list --format markdown`.
#   bash scripts/data-doc.sh [EVENTGRAPH] [OUTPUT]
# EVENTGRAPH defaults to build/cli/eventgraph, OUTPUT to docs/data.md.
set -euo pipefail
cd "$(dirname "$0")/.."
eventgraph=${1:-build/cli/eventgraph}
output=${2:-docs/data.md}
stats=$("$eventgraph" stats data/events.yaml --no-cache --format json)
count() { sed -n "s/.*\"$1\": *\([0-9]*\).*/\1/p" <<<"$stats" | head -n 1; }
table=$("$eventgraph" list data/events.yaml --no-cache --format markdown)
tmp=$(mktemp "$output.XXXXXX")
trap 'rm -f "$tmp"' EXIT
cat >"$tmp" <<DOC
# The seed dataset

\`data/events.yaml\` follows the diplomacy around the Russia–Ukraine war as
five news articles report it: the December 2021 draft security guarantees,
the spring 2022 Istanbul talks, the Budapest summit planned and called off in
October 2025, the Abu Dhabi negotiating track, and the competing claims about
them. It holds $(count events) events, $(count actors) actors and $(count sources) sources. How each date and
source was fixed, and which claims compete, is in [data-notes.md](data-notes.md).

This page is generated; do not edit it by hand. After changing the data, run

\`\`\`sh
bash scripts/data-doc.sh        # eventgraph list data/events.yaml --format markdown
\`\`\`

Dates are in words; a date the sources give only roughly is shown as the
span it covers, and "(uncertain)" marks a date a source hedges.

$table
DOC
mv "$tmp" "$output"
trap - EXIT
echo "wrote $output"

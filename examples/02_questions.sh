#!/bin/sh
# Example 02: three questions about data/events.yaml, answered with
# `eventgraph ... --format json` and jq.
#
# Usage: examples/02_questions.sh [EVENTGRAPH] [EVENTS.yaml]
# (defaults: `eventgraph` on the PATH, data/events.yaml beside this folder)
set -eu
eventgraph=${1:-eventgraph}
events=${2:-$(dirname "$0")/../data/events.yaml}

echo "1. How does Russia's demand for Ukrainian neutrality go back to the invasion, and who claims each step?"
"$eventgraph" path "$events" full-scale-invasion russia-neutrality-demand --format json |
  jq -r '.paths[0] as $p
         | $p.events[0],
           ($p.relations | to_entries[]
            | "  \(.value.kind) -> \($p.events[.key + 1])"
              + (if (.value.claimed_by | length) > 0
                 then "  (claimed by \(.value.claimed_by | join(", ")))" else "" end)
              + (if (.value.disputed_by | length) > 0
                 then "  (disputed by \(.value.disputed_by | join(", ")))" else "" end))'

echo
echo "2. Why did the Istanbul talks collapse? Each direct cause, who claims it, who disputes it:"
"$eventgraph" show "$events" istanbul-talks-collapse --format json |
  jq -r '.relations[]
         | select(.kind == "causes" and .to == "istanbul-talks-collapse")
         | "  \(.from): claimed by \(.claimed_by | join(", ") | if . == "" then "-" else . end);"
           + " disputed by \(.disputed_by | join(", ") | if . == "" then "-" else . end)"'

echo
echo "3. Who contradicts whom since 2023?"
"$eventgraph" contradictions "$events" --from 2023 --format json |
  jq -r '.pairs[] | "  \(.a_actors | join("+")) (\(.a)) vs \(.b_actors | join("+")) (\(.b))"'

#!/bin/sh
# Example 02: three questions about data/events.yaml, answered with
# `eventgraph ... --format json` and jq.
#
# Usage: examples/02_questions.sh [EVENTGRAPH] [EVENTS.yaml]
# (defaults: `eventgraph` on the PATH, data/events.yaml beside this folder)
set -eu
eventgraph=${1:-eventgraph}
events=${2:-$(dirname "$0")/../data/events.yaml}

echo "1. How did Russia's December 2021 draft treaties lead to the Istanbul talks?"
"$eventgraph" path "$events" december-2021-draft-treaties istanbul-talks --format json |
  jq -r '.paths[0] as $p
         | $p.events[0],
           ($p.relations | to_entries[]
            | "  \(.value.kind) -> \($p.events[.key + 1])"
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

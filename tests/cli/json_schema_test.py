#!/usr/bin/env python3
"""Validates real `eventgraph` JSON outputs against docs/eventgraph-output.schema.json.

Usage: json_schema_test.py EVENTGRAPH_BINARY SOURCE_DIR

Runs every command that writes JSON (on the hand-checked query graph and on
data/events.yaml), and batch mode, and checks each document against the
schema; then checks that the schema rejects documents that break the
contract, and that the caps it states match engine/paths.h and docs/json.md.
"""
import copy
import json
import os
import re
import subprocess
import sys

import jsonschema


def main():
    binary, source = sys.argv[1], sys.argv[2]
    schema = json.load(open(os.path.join(source, "docs", "eventgraph-output.schema.json")))
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    graph = os.path.join(source, "tests", "data", "query", "graph.yaml")
    seed = os.path.join(source, "data", "events.yaml")
    env = dict(os.environ, EVENTGRAPH_CACHE_DIR=os.environ.get("EVENTGRAPH_CACHE_DIR", "/tmp/eventgraph-schema-test-cache"))
    failures = []

    def run(args, stdin=""):
        result = subprocess.run([binary] + args, input=stdin.encode(), capture_output=True, env=env)
        if result.returncode != 0:
            failures.append(f"{' '.join(args)}: exit {result.returncode}: {result.stderr.decode()}")
        return result.stdout.decode()

    def check(label, document):
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
        for error in errors[:3]:
            failures.append(f"{label}: {list(error.absolute_path)}: {error.message[:300]}")
        return not errors

    documents = {}
    commands = {
        "list": ["list", graph],
        "list-filtered": ["list", seed, "--from", "2022", "--to", "2022-06", "--tag", "istanbul"],
        "show": ["show", graph, "xray"],
        "show-seed": ["show", seed, "istanbul-talks-collapse"],
        "path": ["path", graph, "alpha", "foxtrot", "--k", "3"],
        "path-none": ["path", graph, "foxtrot", "alpha"],
        "path-self": ["path", graph, "zulu", "zulu"],
        "path-all": ["path", graph, "bravo", "charlie", "--all", "--undirected", "--max-length", "5"],
        "path-seed": ["path", seed, "istanbul-draft-agreement", "istanbul-talks-collapse",
                      "--via", "causes,references", "--undirected", "--k", "5"],
        "ancestors": ["ancestors", seed, "istanbul-talks-collapse"],
        "descendants": ["descendants", graph, "alpha", "--depth", "1", "--kind", "step"],
        "around": ["around", seed, "istanbul-talks", "--depth", "2", "--via", "causes,references,contradicts"],
        "contradictions": ["contradictions", seed],
        "contradictions-touching": ["contradictions", graph, "--actor", "bob", "--touching"],
        "check": ["check", graph, seed],
        "date": ["date", "2022-21", "2025-10/..", "nonsense"],
        "stats": ["stats", seed],
    }
    for label, args in commands.items():
        # `date` exits 1 when a date is invalid; that is its contract.
        result = subprocess.run([binary] + args + ["--format", "json"], capture_output=True, env=env)
        if result.returncode not in (0, 1) or (label != "date" and result.returncode != 0):
            failures.append(f"{label}: exit {result.returncode}: {result.stderr.decode()}")
            continue
        documents[label] = json.loads(result.stdout)
        check(label, documents[label])

    requests = [
        {"cmd": "list", "tag": "istanbul"},
        {"cmd": "show", "id": "lavrov-cbs-interview"},
        {"cmd": "path", "from": "full-scale-invasion", "to": "russia-neutrality-demand", "k": 2},
        {"cmd": "path", "from": "full-scale-invasion", "to": "istanbul-talks-collapse", "all": True},
        {"cmd": "ancestors", "id": "istanbul-talks-collapse", "depth": 2},
        {"cmd": "descendants", "id": "full-scale-invasion", "via": "causes,references"},
        {"cmd": "around", "ids": ["blinken-claim"], "via": ["contradicts"]},
        {"cmd": "contradictions", "from": "2023"},
        {"cmd": "consistency"},
        {"cmd": "show", "id": "no-such-event"},
        {"cmd": "path", "from": "a"},
        {"cmd": "nonsense"},
    ]
    lines = run(["query", seed], "\n".join(json.dumps(r) for r in requests) + "\nnot json\n").splitlines()
    if len(lines) != len(requests) + 1:
        failures.append(f"query: {len(lines)} result lines for {len(requests) + 1} requests")
    for number, line in enumerate(lines, 1):
        document = json.loads(line)
        check(f"query line {number}", document)
        expect_error = number > len(requests) - 3
        if ("error" in document) != expect_error:
            failures.append(f"query line {number}: expected {'an error' if expect_error else 'an answer'}: {line[:200]}")

    # The schema must reject documents that break the contract.
    def must_fail(label, document):
        if not list(validator.iter_errors(document)):
            failures.append(f"schema accepts a broken document: {label}")

    if "path" in documents:
        broken = copy.deepcopy(documents["path"]); del broken["truncated"]
        must_fail("path without truncated", broken)
        broken = copy.deepcopy(documents["path"]); broken["paths"][0]["relations"][0]["kind"] = "caused"
        must_fail("unknown relation kind", broken)
        broken = copy.deepcopy(documents["path"]); broken["query"]["k"] = 101
        must_fail("k above the cap", broken)
    if "list" in documents:
        broken = copy.deepcopy(documents["list"]); broken["events"][0]["date"]["earliest"] = "2020/01/10"
        must_fail("day not YYYY-MM-DD", broken)
        broken = copy.deepcopy(documents["list"]); broken["events"][0]["distance"] = 1
        must_fail("distance in list", broken)
        broken = copy.deepcopy(documents["list"]); broken["eventgraph"] = 2
        must_fail("format version 2", broken)
        broken = copy.deepcopy(documents["list"]); broken["extra"] = True
        must_fail("unknown top-level key", broken)
    if "ancestors" in documents:
        broken = copy.deepcopy(documents["ancestors"]); del broken["events"][0]["distance"]
        must_fail("ancestor without distance", broken)

    # The caps the schema states are the library's, and docs/json.md lists them.
    header = open(os.path.join(source, "engine", "paths.h")).read()
    caps = {name: int(value.replace("'", "")) for name, value in
            re.findall(r"constexpr std::size_t (k\w+) = ([0-9']+);", header)}
    path_doc = schema["definitions"]["path_document"]["properties"]
    stated = {"kMaxK": path_doc["query"]["properties"]["k"]["maximum"],
              "kMaxPathLength": path_doc["query"]["properties"]["max_length"]["maximum"],
              "kMaxPaths": path_doc["paths"]["maxItems"]}
    docs = open(os.path.join(source, "docs", "json.md")).read()
    for name, value in stated.items():
        if caps.get(name) != value:
            failures.append(f"schema says {name} = {value}, engine/paths.h says {caps.get(name)}")
    for name, value in caps.items():
        if not re.search(rf"`{name}` \| {value:,} \|", docs):
            failures.append(f"docs/json.md does not state {name} = {value:,}")

    for failure in failures:
        print("FAIL:", failure)
    print(f"{len(documents)} command outputs and {len(lines)} batch lines checked; {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Checks docs/eventgraph-input.schema.json against every fixture in tests/data/.

Usage: input_schema_test.py SOURCE_DIR [EVENTGRAPH_BINARY]

Every file in tests/data/good/ must validate. Every file in tests/data/bad/
and tests/data/hostile/ must be rejected, either by the YAML reader or by the
schema, except the ones listed in BEYOND_SCHEMA: errors a JSON Schema cannot
see (they need the whole file, the calendar or the YAML text), which
`eventgraph check` reports. Those must validate, so the list stays honest: a
schema change that starts catching one fails here until it moves out.
data/events.yaml validates too, and, given the binary, so does what
`eventgraph import` writes from each file in tests/data/import/.
"""
import glob
import json
import os
import subprocess
import sys

import jsonschema
import yaml

# Rejected by `eventgraph check`, but well-shaped for a schema, and why.
BEYOND_SCHEMA = {
    "bad/cause-after-effect.yaml": "needs the dates of two events",
    "bad/cause-cycle.yaml": "needs the whole graph",
    "bad/duplicate-declarations.yaml": "duplicate ids across a list, and a duplicate map key",
    "bad/duplicate-key.yaml": "a duplicate key is gone once the YAML is read",
    "bad/duplicate-section.yaml": "a duplicate key is gone once the YAML is read",
    "bad/edtf-level1.yaml": "needs the file's own edtf-level to judge each date",
    "bad/missing-targets.yaml": "needs every event's id",
    "bad/self-relations.yaml": "needs the event's own id",
    "bad/undeclared.yaml": "needs the declared actors and sources",
    "hostile/cr-only.yaml": "a lone CR is a line break to PyYAML, not to the loader (yaml-cpp)",
}

# Level 2 forms (docs/format.md), and look-alikes of them that are no date.
LEVEL_2_DATES = ["[1667,1668,1670..1672]", "{1960, 1961-12}", "[..1760-12-03]", "[1760-01, 1760-02, 1760-12..]",
                 "[1984?, 2004-06~]", "15XX-12-25", "XXXX-12-XX", "1XXX-XX", "156X-12-25", "Y-17E7",
                 "Y17101E4S3", "1950S2", "Y171010000S3", "2001-34", "2001-29", "2001-41", "2004-06-~11",
                 "2004-?06-11", "?2004-06-~11", "2004-06~-11", "2004?-06-11", "2004-06-~01/2004-06-~20",
                 "2004-06-XX/2004-07-03", "-1XXX/.."]
NOT_DATES = ["[1667,1668", "{1960", "[]", "[1667;1668]", "2004-06-~~11", "Y17E", "1950S", "2001-42", "2004-6-11"]


class Loader(yaml.SafeLoader):
    """YAML as editors read it: 2022-03-29 stays text (no timestamp type)."""


Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def read(path):
    """The one document in the file, or None when the YAML reader refuses it."""
    try:
        with open(path, "rb") as f:
            documents = list(yaml.load_all(f.read(), Loader=Loader))
    except (yaml.YAMLError, ValueError, UnicodeDecodeError, RecursionError):
        return None
    return documents[0] if len(documents) == 1 else None


def main():
    source = sys.argv[1]
    schema = json.load(open(os.path.join(source, "docs", "eventgraph-input.schema.json"), encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)
    data = os.path.join(source, "tests", "data")
    failures = []
    counts = {"valid": 0, "rejected": 0, "beyond": 0}

    def errors_of(document):
        return sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))

    good = sorted(glob.glob(os.path.join(data, "good", "*.yaml")))
    good += [os.path.join(source, "data", "events.yaml")]
    for path in good:
        document = read(path)
        name = os.path.relpath(path, source)
        if document is None:
            failures.append(f"{name}: the YAML reader refused a valid file")
            continue
        for error in errors_of(document)[:3]:
            failures.append(f"{name}: {list(error.absolute_path)}: {error.message[:200]}")
        counts["valid"] += 1

    for path in sorted(glob.glob(os.path.join(data, "bad", "*.yaml")) + glob.glob(os.path.join(data, "hostile", "*.yaml"))):
        name = os.path.relpath(path, data)
        document = read(path)
        if name in BEYOND_SCHEMA:
            if document is None:
                failures.append(f"{name}: listed as beyond the schema, but the YAML reader refuses it")
            elif errors := errors_of(document):
                failures.append(f"{name}: listed as beyond the schema, but the schema rejects it: {errors[0].message[:200]}")
            counts["beyond"] += 1
            continue
        if document is not None and not errors_of(document):
            failures.append(f"{name}: an invalid file passes the schema")
        counts["rejected"] += 1

    if len(sys.argv) > 2:
        for path in sorted(glob.glob(os.path.join(data, "import", "*.*"))):
            result = subprocess.run([sys.argv[2], "import", path], capture_output=True)
            name = os.path.relpath(path, source)
            if result.returncode != 0:
                failures.append(f"import {name}: exit {result.returncode}: {result.stderr.decode()[:300]}")
                continue
            document = yaml.load(result.stdout, Loader=Loader)
            for error in errors_of(document)[:3]:
                failures.append(f"import {name}: {list(error.absolute_path)}: {error.message[:200]}")
            counts["valid"] += 1

    # Misspelt keys at each level are rejected, with the key named.
    base = {"eventgraph": 1, "actors": {"a": {"name": "A"}}, "sources": {"s": {"title": "S"}},
            "events": [{"id": "e", "title": "E", "date": "2022", "causes": [{"event": "f"}]}]}
    for label, mutate in [
        ("top", lambda d: d.update(titel="x")),
        ("actor", lambda d: d["actors"]["a"].update(rol="x")),
        ("source", lambda d: d["sources"]["s"].update(publsher="x")),
        ("event", lambda d: d["events"][0].update(dat="2022")),
        ("relation", lambda d: d["events"][0]["causes"][0].update(claimd_by=["a"])),
    ]:
        document = json.loads(json.dumps(base))
        if errors_of(document):
            failures.append(f"the base document for the misspelt-key cases is invalid: {errors_of(document)[0].message}")
            break
        mutate(document)
        messages = [e.message for e in errors_of(document)]
        if not any("Additional properties" in m for m in messages):
            failures.append(f"misspelt key in {label}: not flagged ({messages})")

    # Dates: every form of docs/format.md's table passes; look-alikes do not.
    for date in ["2022", "2022-03", "2022-03-29", "2022-21", "2022-24", "201X", "20XX", "2025-XX", "2025-10-XX",
                 "2022?", "2004-06~", "2004-06-11%", "2022-03/2022-04", "2025-10/..", "../2021", "2025-10/", "/2021",
                 "-0001", "Y12000", "Y-12000", "2024-01-23T10:16:00+03:00", "2024-01-23T10:16:00Z", 2022, -1] + \
            LEVEL_2_DATES:
        document = {"eventgraph": 1, "events": [{"id": "e", "title": "E", "date": date}]}
        if errors_of(document):
            failures.append(f"date {date!r}: rejected by the schema")
    for date in ["March 2022", "2022/03/29", "22", 22, "2022-3", "2022-42", "2x25", "../..", "/", "2022?~", ""] + NOT_DATES:
        document = {"eventgraph": 1, "events": [{"id": "e", "title": "E", "date": date}]}
        if not errors_of(document):
            failures.append(f"date {date!r}: accepted by the schema")

    # The engine is the judge of a date: the schema agrees with `eventgraph date` on every sample.
    if len(sys.argv) > 2:
        for date in LEVEL_2_DATES + NOT_DATES:
            engine_says = subprocess.run([sys.argv[2], "date", date], capture_output=True).returncode == 0
            document = {"eventgraph": 1, "events": [{"id": "e", "title": "E", "date": date}]}
            if engine_says != (not errors_of(document)):
                failures.append(f"date {date!r}: eventgraph {'accepts' if engine_says else 'refuses'} it, the schema does not agree")

    for failure in failures:
        print("FAIL:", failure)
    print(f"{counts['valid']} valid files accepted, {counts['rejected']} invalid files rejected, "
          f"{counts['beyond']} invalid only beyond the schema; {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

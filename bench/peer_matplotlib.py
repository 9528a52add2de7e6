#!/usr/bin/env python3
"""The timeline peer: an event file drawn with matplotlib, the way a user would without eventgraph.

Loads the file with PyYAML's C loader, reads each date's first and last year
from its EDTF text with a regular expression, and draws one row per lane (the
affiliation of the event's first actor): a dot for a day, a bar for anything
longer, the title beside it, and every relation as a line between events.
Writes an SVG, as `eventgraph timeline FILE -o OUT.svg` does. It makes no
attempt to keep labels apart, so at thousands of events they overlap.

  python3 bench/peer_matplotlib.py FILE -o OUT.svg

Debian packages: python3-yaml, python3-matplotlib.
"""

import argparse
import re

import matplotlib

matplotlib.use("svg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend is chosen first)
from matplotlib.collections import LineCollection  # noqa: E402
import yaml  # noqa: E402

KINDS = ("causes", "references", "contradicts")
COLOURS = {"causes": "black", "references": "tab:blue", "contradicts": "tab:red"}
# YYYY, YYYY-MM, YYYY-MM-DD (X for an unknown digit, 21-24 for a season).
END = re.compile(r"^(-?[0-9X]{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def year_span(end):
    """(first, last) as fractional years for one end of an EDTF date, or None."""
    match = END.match(end.strip("?~%"))
    if not match:
        return None
    year, month, day = match.groups()
    first, last = int(year.replace("X", "0")), int(year.replace("X", "9")) + 1.0
    if month:
        m = int(month)
        m = {21: 3, 22: 6, 23: 9, 24: 12}.get(m, m)
        if 1 <= m <= 12:
            first += (m - 1) / 12
            last = first + (3 if int(month) > 20 else 1) / 12
    if day:
        first += (int(day) - 1) / 365
        last = first + 1 / 365
    return first, last


def date_span(text):
    """(first, last) fractional years for a date or interval; open ends take the other's."""
    ends = [year_span(part) for part in str(text).split("/") if part not in ("", "..")]
    ends = [end for end in ends if end]
    if not ends:
        return None
    return ends[0][0], ends[-1][1]


def draw(data, output):
    affiliation = {key: (actor or {}).get("affiliation", "unaffiliated")
                   for key, actor in (data.get("actors") or {}).items()}
    events = data.get("events") or []
    lanes, placed = {}, {}
    for event in events:
        span = date_span(event.get("date"))
        if span is None:
            continue
        actors = event.get("actors") or []
        lane = affiliation.get(actors[0], "unaffiliated") if actors else "unaffiliated"
        row = lanes.setdefault(lane, len(lanes))
        placed[event["id"]] = (span, row, event.get("title", ""))

    height = max(4.0, 0.6 * len(lanes) + 2)
    figure, axes = plt.subplots(figsize=(24, height))
    points = [(span[0], row) for span, row, _ in placed.values() if span[1] - span[0] <= 1 / 365]
    if points:
        axes.scatter(*zip(*points), s=12, zorder=3)
    for span, row, title in placed.values():
        if span[1] - span[0] > 1 / 365:
            axes.barh(row, span[1] - span[0], left=span[0], height=0.3, alpha=0.5, zorder=2)
        axes.text(span[0], row + 0.2, title, fontsize=6, clip_on=True)
    for kind in KINDS:
        segments = []
        for event in events:
            for item in event.get(kind) or []:
                other = item.get("event") if isinstance(item, dict) else item
                if event["id"] in placed and other in placed:
                    (a, row_a, _), (b, row_b, _) = placed[event["id"]], placed[other]
                    segments.append([(a[0], row_a), (b[0], row_b)])
        axes.add_collection(LineCollection(segments, colors=COLOURS[kind], linewidths=0.3,
                                           alpha=0.4, label=kind))
    axes.set_yticks(range(len(lanes)), list(lanes))
    axes.set_title(str(data.get("title", "")))
    axes.legend(loc="upper left")
    figure.tight_layout()
    figure.savefig(output, format="svg")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("-o", "--output", required=True, help="the SVG to write")
    args = parser.parse_args()
    with open(args.file, "rb") as f:
        data = yaml.load(f, Loader=yaml.CLoader)
    draw(data, args.output)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""datefinder's and dateparser's side of the peer benchmark (scripts/bench-peers.sh).

usage: py_spans.py {datefinder|dateparser} TEXT [--runs N] [--spans OUT.jsonl]

Times the tool over each line of TEXT (text already read and split, modules imported
and warmed up on one line first, so import and model load are excluded), N runs
(default 3); writes the first run's spans as JSON Lines
{"line": i, "spans": [[start, end, value], ...]} (offsets in code points) and prints
one JSON object with the timings.

- datefinder 1.x: `datefinder.extract(line, locales=["en"])`, its v2 API (Rust kernel);
  a value is rendered at the match's grain ("1917", "1917-10", "1917-10-25").
- dateparser: `dateparser.search.search_dates(line, languages=["en"])`, which returns
  (substring, datetime) pairs without offsets: each substring is located in the line
  after the previous one. It gives no precision, so a value is the full date.
"""
import argparse
import json
import statistics
import time


def datefinder_tool():
    import datefinder

    def value(m):
        v = m.value
        dt = getattr(v, "datetime_value", None) or getattr(v, "resolved_datetime", None)
        if dt is None and hasattr(v, "start"):
            return f"{v.start.date().isoformat()}/{v.end.date().isoformat()}"
        if dt is None:
            return None
        if m.grain == "year":
            return f"{dt.year:04d}"
        if m.grain == "month":
            return f"{dt.year:04d}-{dt.month:02d}"
        return dt.date().isoformat()

    def run(line):
        return [(m.start, m.end, value(m)) for m in datefinder.extract(line, locales=["en"])]

    return run


def dateparser_tool():
    from dateparser.search import search_dates

    def run(line):
        found = search_dates(line, languages=["en"]) or []
        out = []
        pos = 0
        for sub, dt in found:
            i = line.find(sub, pos)
            if i < 0:
                i = line.find(sub)
            if i < 0:
                continue
            out.append((i, i + len(sub), dt.date().isoformat()))
            pos = i + len(sub)
        return out

    return run


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tool", choices=["datefinder", "dateparser"])
    ap.add_argument("text")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--spans")
    a = ap.parse_args()
    run = {"datefinder": datefinder_tool, "dateparser": dateparser_tool}[a.tool]()
    with open(a.text, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    run("On 25 October 1917 the cruiser fired; a year later it was over.")  # warm-up
    runs = []
    first = None
    for r in range(a.runs):
        t = time.perf_counter()
        out = [run(line) for line in lines]
        runs.append(time.perf_counter() - t)
        if r == 0:
            first = out
    if a.spans:
        with open(a.spans, "w", encoding="utf-8") as f:
            for i, spans in enumerate(first):
                f.write(json.dumps({"line": i, "spans": [list(s) for s in spans]}) + "\n")
    print(json.dumps({
        "tool": a.tool,
        "chars": len(text),
        "runs_s": runs,
        "median_s": statistics.median(runs),
        "timed": "per-line calls, in-process, after import and a warm-up call",
    }))


if __name__ == "__main__":
    main()

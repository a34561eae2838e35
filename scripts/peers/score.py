#!/usr/bin/env python3
"""The one scorer of the peer benchmark (scripts/bench-peers.sh): scores every tool's
spans against the gold with the same rules, and prints the side-by-side table.

usage: score.py --gold GOLD.jsonl --dir RESULTS [--tools a,b,...] [--json OUT.json]

RESULTS holds, for each tool NAME:
  NAME.spans.jsonl   {"line": i, "spans": [[start, end, value], ...]} on the gold's text
  NAME.speed.json    the runner's timing object on the throughput text
                     ({"chars", "runs_s", "median_s", ...})
  NAME.speed.rss     peak resident set of that run in KB (GNU time's %M)
  NAME.version       one line, the tool and its version

Scoring (the shared bench README's rules):
  P   predictions that overlap some gold span / predictions
  R   gold spans that some prediction overlaps / gold spans ("found")
  F1  2PR / (P + R)
  exact-span recall   gold spans some prediction matches exactly / gold spans
  value right         over found gold spans that have a value: the prediction that
                      overlaps the gold span most has the right value. Values are
                      compared after writing sub-day durations "PT5H" as "P5H" (the
                      gold's form); a range "A/B" is right when A or B is; a prediction
                      at day or month precision is right for a coarser gold value it
                      falls in ("1914-12-27" for "1914-12"), since some tools give no
                      precision.
  date value right    the same, over found gold spans whose value is a calendar date
                      (year, month or day: "1917", "1917-10", "1917-10-25"), leaving
                      out durations, seasons, decades, centuries and partial dates.
"""
import argparse
import json
import re
from pathlib import Path

COARSE = re.compile(r"^\d{4}(-\d{2})?$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def read_jsonl(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                j = json.loads(line)
                rows[j["line"]] = j["spans"]
    return rows


def norm(v):
    return "P" + v[2:] if v.startswith("PT") else v


def value_ok(pred, gold):
    if pred is None:
        return False
    p, g = norm(pred), norm(gold)
    sides = [p] + (p.split("/") if "/" in p else [])
    for s in sides:
        if s == g or (COARSE.match(g) and s.startswith(g + "-")):
            return True
    return False


def score(gold, pred):
    n_pred = n_pred_ok = n_gold = n_found = n_exact = n_val = n_val_ok = 0
    n_date = n_date_ok = 0
    for li, gspans in gold.items():
        preds = pred.get(li, [])
        n_pred += len(preds)
        ov = lambda p, g: p[0] < g[1] and g[0] < p[1]  # noqa: E731
        n_pred_ok += sum(1 for p in preds if any(ov(p, g) for g in gspans))
        for g in gspans:
            n_gold += 1
            hits = [p for p in preds if ov(p, g)]
            if not hits:
                continue
            n_found += 1
            if any(p[0] == g[0] and p[1] == g[1] for p in hits):
                n_exact += 1
            if g[3] is not None:
                n_val += 1
                best = max(hits, key=lambda p: (min(p[1], g[1]) - max(p[0], g[0]),
                                                p[0] == g[0] and p[1] == g[1]))
                ok = value_ok(best[2], g[3])
                n_val_ok += ok
                if DATE.match(g[3]):
                    n_date += 1
                    n_date_ok += ok
    # predictions on lines without gold spans are false alarms too
    for li, preds in pred.items():
        if li not in gold:
            n_pred += len(preds)
    p = n_pred_ok / n_pred if n_pred else 0.0
    r = n_found / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "predictions": n_pred, "gold": n_gold, "P": p, "R": r, "F1": f,
        "exact_span_recall": n_exact / n_gold if n_gold else 0.0,
        "value_right": n_val_ok / n_val if n_val else 0.0,
        "with_value": n_val,
        "date_value_right": n_date_ok / n_date if n_date else 0.0,
        "with_date_value": n_date,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", required=True)
    ap.add_argument("--dir", required=True)
    ap.add_argument("--tools", default="histlint,chrono-node,datefinder,dateparser,heideltime")
    ap.add_argument("--json")
    a = ap.parse_args()
    d = Path(a.dir)
    # gold lines: [[start, end, type, value, text], ...] -> (start, end, type, value)
    gold = {li: [tuple(s[:4]) for s in spans] for li, spans in read_jsonl(a.gold).items()}
    rows = []
    for tool in a.tools.split(","):
        spans = d / f"{tool}.spans.jsonl"
        if not spans.exists():
            print(f"score.py: no spans for {tool} ({spans}); left out")
            continue
        row = {"tool": tool, **score(gold, read_jsonl(spans))}
        speed = d / f"{tool}.speed.json"
        if speed.exists():
            t = json.loads(speed.read_text())
            row["chars_per_s"] = t["chars"] / t["median_s"]
            row["speed_chars"] = t["chars"]
            row["timing"] = t
        rss = d / f"{tool}.speed.rss"
        if rss.exists():
            row["peak_rss_mb"] = int(rss.read_text().split()[0]) / 1024
        ver = d / f"{tool}.version"
        row["version"] = ver.read_text().strip() if ver.exists() else tool
        rows.append(row)

    def fmt(x, spec):
        return "n/a" if x is None else format(x, spec)

    print("| tool | chars/s (text timed) | peak RSS MB | P | R | F1 | exact-span recall | value right | date value right |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        size = r.get("speed_chars")
        where = f" ({size / 1e6:.1f} M chars)" if size else ""
        print(f"| {r['version']} | {fmt(r.get('chars_per_s'), ',.0f')}{where} "
              f"| {fmt(r.get('peak_rss_mb'), ',.0f')} | {r['P']:.2f} | {r['R']:.2f} "
              f"| {r['F1']:.2f} | {r['exact_span_recall']:.2f} | {r['value_right']:.2f} "
              f"| {r['date_value_right']:.2f} |")
    by = {r["tool"]: r for r in rows}
    h, c, ht = by.get("histlint"), by.get("chrono-node"), by.get("heideltime")
    print()
    if h and c and h.get("chars_per_s") and c.get("chars_per_s"):
        ratio = h["chars_per_s"] / c["chars_per_s"]
        print(f"throughput histlint / chrono-node: {ratio:,.1f}x (goal: at least 100x) "
              f"-> {'met' if ratio >= 100 else 'NOT met'}")
    if h and ht and h.get("chars_per_s") and ht.get("chars_per_s"):
        print(f"throughput histlint / HeidelTime: {h['chars_per_s'] / ht['chars_per_s']:,.0f}x")
    if h and ht:
        print(f"F1 histlint {h['F1']:.3f} vs HeidelTime {ht['F1']:.3f} "
              f"({h['F1'] - ht['F1']:+.3f}; goal: above) -> "
              f"{'met' if h['F1'] > ht['F1'] else 'NOT met'}")
    if a.json:
        Path(a.json).write_text(json.dumps(rows, indent=1) + "\n")


if __name__ == "__main__":
    main()

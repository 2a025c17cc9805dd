#!/usr/bin/env bash
# CTest bench-smoke: tests/bench/bench.sh end to end on a tiny corpus, so that the script, the corpus
# generator and the benchmark binaries keep working together. It checks that every figure is reported,
# not what the figures are (timings are for bench.sh runs on a quiet machine, not for tests): a difference of
# two small timings may come out negative, and is still a figure.
# Usage: tests/bench/smoke.sh BUILD_DIR WORK_DIR
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$1
work=$2
rm -rf "$work"
# Seed 5 gives 14 small files for 300K (other seeds start with a plan of megabytes), two in each final form.
out=$(BENCH_SEED=5 BENCH_REPEAT=1 BENCH_RUNS=3 BENCH_WC_LOOPS=1 BENCH_BIG=1M BENCH_MIN_TIME=0.01 BENCH_DUP_MEASURES="100 1000" BENCH_PAD=1000 BENCH_WORK="$work" \
      bash "$root/tests/bench/bench.sh" 300K "$build")
echo "$out"
missing=0
for want in '^corpus: [0-9]+ files' '^  wc -l ' '^  check -j 1 ' '^  check -j [0-9]+ ' '^  check -j 1, no dup\.' \
            '^  reading only -j 1 ' '^    of which draft ' '^    of which layout ' '^    of which blocks ' \
            '^  peak RSS -j 1 / -j [0-9]+  [0-9]+ MB / [0-9]+ MB' '^latency: .* ms = .* /bin/true' \
            '^one 1M plan .*peak RSS check [0-9]+ MB' 'BM_parse_draft/0 +[0-9.]+[kMG]?/s' \
            'BM_parse_layout/1 +[0-9.]+[kMG]?/s' 'BM_parse_blocks/1 +[0-9.]+[kMG]?/s' 'BM_compile_builtin_rules +[0-9.]+ us CPU' \
            '^  Python, 7 core rules ' '^  seven core rules .* Python' '^    exact duplicates .* Python' '^  all default rules .* Python' \
            '^language server: a keystroke in a 1 MB plan .*: [0-9.]+ ms' \
            '^ +1000 measures +-?[0-9.]+ us' '^  1000 / 100 measures: (-?[0-9.]+|n/a)x' \
            '^  10 enciphered copies of the 100 plan +-?[0-9.]+ us +\([0-9]+ measures, [0-9.]+ findings per 1,000' '^  those copies / 100 measures: (-?[0-9.]+|n/a)x' '^  with 1000 more answers in each answer file: [0-9.]+ ms' 'reading only \([0-9]+ MB; target <= 2x\)'; do
  if ! grep -Eq -- "$want" <<<"$out"; then
    echo "bench-smoke: no line matches /$want/" >&2
    missing=1
  fi
done
# Each form of final text is in the corpus: file i is a layout final when i % 7 == 5, block text when 6.
for form in draft layout blocks; do
  n=$(find "$work"/forms-300K-5/$form -name '*.txt' | wc -l)
  [ "$n" -gt 0 ] || { echo "bench-smoke: no $form files in the corpus" >&2; missing=1; }
done
exit $missing

#!/usr/bin/env bash
# The performance benchmark ("small and instant on a ward tablet"): ./scripts/bench.sh
#
# A measurement, not a test: it asserts nothing and exits 0 whether or not a target is met
# (non-zero only when it cannot measure at all). In order it
#   1. runs scripts/setup.sh (tools, crates, Chromium);
#   2. builds the release bundle, `trunk build --release --offline`, into target/bench/dist/ (the
#      same files as dist/, in a directory of its own so that a concurrent build of dist/ cannot
#      change the bundle while it is measured);
#   3. builds the Yew floor (benches/floor: a minimal Yew widget embedded the same way, not part
#      of the product) into target/floor/dist/, to put the figures in proportion; if that build
#      fails, it says so and measures without it (the floor is context, not a target);
#   4. runs `cargo bench --bench checker`: native evaluate() throughput and the whole discretised
#      input space (lines `name value unit`);
#   5. runs benches/browser.mjs in headless Chromium at 4x CPU slowdown: the bytes the embed
#      downloads (raw / gzip -9 / brotli q11), the load overhead against a plain page and the
#      update latency of a changed answer, with the floor (--floor) measured in the same runs;
# prints every figure, writes them to docs/benchmarks.md (the generated block between the BENCH
# markers; the rest of that file is hand-written) and ends with a one-line summary
# ("bench: SUMMARY ...").
#
# Options go to benches/browser.mjs, e.g. ./scripts/bench.sh --runs 15 --updates 21.
# Environment:
#   BENCH_DIST=dist    measure an existing build there instead of building (e.g. dist/)
#   BENCH_FLOOR=0      neither build nor measure the Yew floor
#   BLINCYTO_SHARED    as for scripts/test.sh (not needed here)
# Raw figures: target/bench/native.txt and target/bench/results.json. Takes about 5 minutes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD

echo "=== bench: setup ==="
# shellcheck source=scripts/setup.sh
. scripts/setup.sh

mkdir -p target/bench
dist=${BENCH_DIST:-}
if [ -z "$dist" ]; then
  dist=target/bench/dist
  echo
  echo "=== bench: trunk build --release --offline --dist $dist ==="
  trunk build --release --offline --dist "$dist"
fi
if ! grep -q mountWidget "$dist/blincyto-checker-core.js" 2>/dev/null; then
  echo "bench: error: $dist has no widget yet (no mountWidget in blincyto-checker-core.js)." >&2
  exit 1
fi

floor_args=()
if [ "${BENCH_FLOOR:-1}" != 0 ]; then
  floor=target/floor/dist
  echo
  echo "=== bench: the Yew floor: (cd benches/floor && trunk build --release --offline --dist $floor) ==="
  # Its own target directory (not benches/floor/target), beside the widget's.
  # Its crates are the widget's (fetched by setup.sh); fetch anyway in case the two locks drift.
  if (cd benches/floor && cargo fetch --quiet && CARGO_TARGET_DIR="$root/target/floor" trunk build --release --offline --dist "$root/$floor") \
    && grep -q mountWidget "$floor/blincyto-checker-core.js" 2>/dev/null; then
    floor_args=(--floor "$floor")
  else
    echo "bench: warning: the Yew floor did not build; measuring without it (it is context, not a target)." >&2
  fi
fi

echo
echo "=== bench: cargo bench --bench checker ==="
# --no-default-features: the bench needs only the library. With the native `cli` feature Cargo also
# builds the decision-table binary, i.e. the library twice in one profile (panic=abort for the
# binary, unwind for the bench; cargo#6313), and the two can clobber each other at link time.
cargo bench --offline --no-default-features --bench checker | tee target/bench/native.txt

echo
echo "=== bench: headless Chromium (benches/browser.mjs) ==="
node benches/browser.mjs --dist "$dist" --native target/bench/native.txt --json target/bench/results.json \
  ${floor_args[@]+"${floor_args[@]}"} "$@"

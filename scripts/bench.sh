#!/usr/bin/env bash
# The performance benchmark ("small and instant on a ward tablet"): ./scripts/bench.sh
#
# A measurement, not a test: it asserts nothing and exits 0 whether or not a target is met
# (non-zero only when it cannot measure at all). In order it
#   1. runs scripts/setup.sh (tools, crates, Chromium);
#   2. builds the release bundle, `trunk build --release --offline`, into target/bench/dist/ (the
#      same files as dist/, in a directory of its own so that a concurrent build of dist/ cannot
#      change the bundle while it is measured);
#   3. runs `cargo bench --bench checker`: native evaluate() throughput and the whole discretised
#      input space (lines `name value unit`);
#   4. runs benches/browser.mjs in headless Chromium at 4x CPU slowdown: the bytes the embed
#      downloads (raw / gzip -9 / brotli q11), the load overhead against a plain page and the
#      update latency of a changed answer;
# prints every figure, writes them to docs/benchmarks.md (the generated block between the BENCH
# markers; the rest of that file is hand-written) and ends with a one-line summary
# ("bench: SUMMARY ...").
#
# Options go to benches/browser.mjs, e.g. ./scripts/bench.sh --runs 15 --updates 21.
# Environment:
#   BENCH_DIST=dist    measure an existing build there instead of building (e.g. dist/)
#   BLINCYTO_SHARED    as for scripts/test.sh (not needed here)
# Raw figures: target/bench/native.txt and target/bench/results.json. Takes about 5 minutes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

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

echo
echo "=== bench: cargo bench --bench checker ==="
# --no-default-features: the bench needs only the library. With the native `cli` feature Cargo also
# builds the decision-table binary, i.e. the library twice in one profile (panic=abort for the
# binary, unwind for the bench; cargo#6313), and the two can clobber each other at link time.
cargo bench --offline --no-default-features --bench checker | tee target/bench/native.txt

echo
echo "=== bench: headless Chromium (benches/browser.mjs) ==="
node benches/browser.mjs --dist "$dist" --native target/bench/native.txt --json target/bench/results.json "$@"

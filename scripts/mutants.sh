#!/usr/bin/env bash
# The mutation score of the decision model (model/) and of the plain-Rust layers around it
# (src/form/, src/summary*, src/i18n*), with cargo-mutants and the whole workspace's tests; it
# writes the measured part of docs/mutants.md. Not part of the test command: a full run is
# about 1,300 mutants of a minute each on 2 cores, so it is sharded (round-robin, so every
# shard samples every file):
#
#   ./scripts/mutants.sh                     # everything (about a day on 2 cores)
#   ./scripts/mutants.sh --shard 3/20        # one twentieth of each layer (about an hour)
#   ./scripts/mutants.sh --shard 3/20 model  # one layer: model | layers
#
# Needs the shared contract (BLINCYTO_SHARED, default ../shared): cargo-mutants builds in a
# temporary copy of the tree, so the script hands it an absolute path.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

shard=""
layers=(model layers)
while [[ $# -gt 0 ]]; do
  case "$1" in
    --shard) shard="$2"; shift 2 ;;
    model|layers) layers=("$1"); shift ;;
    *) echo "usage: $0 [--shard K/N] [model|layers]" >&2; exit 2 ;;
  esac
done

MUTANTS_VERSION=27.1.0
if ! cargo mutants --version 2>/dev/null | grep -q "$MUTANTS_VERSION"; then
  cargo install --locked "cargo-mutants@$MUTANTS_VERSION"
fi

BLINCYTO_SHARED="$(cd "${BLINCYTO_SHARED:-../shared}" && pwd)"
export BLINCYTO_SHARED
# cargo-mutants' own baseline runs only the mutated package's tests: the workspace must pass
# first, or every mutant would count as caught.
cargo test --workspace --quiet >/dev/null

out=target/mutants
mkdir -p "$out"
shard_args=()
[[ -n "$shard" ]] && shard_args=(--shard "$shard" --sharding round-robin)
for layer in "${layers[@]}"; do
  case "$layer" in
    model) scope=(--package blincyto-model) ;;
    layers) scope=(--package blincyto-checker-core -f 'src/form/**' -f 'src/summary.rs' -f 'src/summary/**'
                   -f 'src/i18n.rs' -f 'src/i18n/**') ;;
  esac
  rm -rf "$out/$layer"
  # The baseline runs only the mutated package's tests (seconds), so cargo-mutants' own timeout
  # would cut the workspace's (about 30 s, minutes under load) and count the cut as a timeout:
  # give it a fixed, generous one. Exit code 2 means "some mutants were missed", 3 "some timed
  # out": that is the measurement, not a failure.
  cargo mutants "${scope[@]}" "${shard_args[@]}" --test-workspace=true --no-shuffle --timeout 600 \
    --output "$out/$layer" || { rc=$?; [[ $rc -eq 2 || $rc -eq 3 ]]; }
done
node scripts/mutants-report.mjs "$out" "${shard:-all}" "${layers[@]}"

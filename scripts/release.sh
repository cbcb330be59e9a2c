#!/usr/bin/env bash
# Builds the release and writes the versioned package: ./scripts/release.sh
#
#   ./scripts/release.sh             set up, build (trunk build --release --offline), package
#   ./scripts/release.sh --no-build  package the dist/ already built (the test stage `release`)
#
# Writes release/blincyto-checker-<version>/ (RELEASE_DIR overrides release/): the three module
# files, blincyto-checker.d.ts, custom-elements.json, docs/decision-table.md and the change report
# of the dataset version, a package.json with exports, types and customElements (so `npm pack` in
# the folder gives a tarball a build pipeline can install), a README and SHA256SUMS.
#
# <version> is the crate's version (Cargo.toml) with the dataset's version (data/blincyto.toml) as
# semver build metadata, e.g. 0.1.0+2026.11.30-1: the code's API version, and which decisions it
# carries. Nothing is published anywhere.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

build=1
for arg in "$@"; do
  case "$arg" in
    --no-build) build= ;;
    *) echo "usage: $0 [--no-build]" >&2; exit 2 ;;
  esac
done

# shellcheck source=scripts/setup.sh
. scripts/setup.sh
if [ -n "$build" ]; then
  trunk build --release --offline
fi
node scripts/package.mjs

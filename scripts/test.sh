#!/usr/bin/env bash
# Runs every test, from set-up to the browser: ./scripts/test.sh
#
# Stages run in the order of STAGES below and stop at the first failure (non-zero exit). To add
# one (axe, benchmarks, ...), write a stage_<name> function and add <name> to STAGES. A stage
# that has nothing to run yet calls `skip "<why>"` (exit 77, as in automake).
#
# Environment: BLINCYTO_SHARED  the shared contract and sources (default: ../shared beside the repo)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

STAGES=(native types manifest build size release contract web e2e firefox webkit clicks)
# BLINCYTO_STAGES replaces the list above, e.g. BLINCYTO_STAGES="build clicks" ./scripts/test.sh
if [ -n "${BLINCYTO_STAGES:-}" ]; then
  read -r -a STAGES <<<"$BLINCYTO_STAGES"
fi

SHARED=${BLINCYTO_SHARED:-../shared}
if [ ! -f "$SHARED/contract/run-examples.mjs" ]; then
  echo "test: error: the shared contract is not at $SHARED/contract/run-examples.mjs." >&2
  echo "test: put the shared/ directory beside this repository, or set BLINCYTO_SHARED=/path/to/shared." >&2
  exit 1
fi

start=$SECONDS
echo "=== test: setup ==="
# shellcheck source=scripts/setup.sh
. scripts/setup.sh
echo "test: setup done in $((SECONDS - start))s"

skip() { echo "test: SKIPPED: $*"; exit 77; }

# 1. The pure core, natively: checker, dataset validation, contract examples, sweeps.
stage_native() {
  cargo test --workspace
}

# 1b. The TypeScript declarations (www/blincyto-checker.d.ts): generated from the schema that the
#     native stage checked against the Rust types (tests/types.rs), then a typed usage file
#     (types/usage.ts) must compile, and its `@ts-expect-error` lines must still be errors.
stage_types() {
  node scripts/types.mjs
  tsc -p types
  echo "types: types/usage.ts compiles against www/blincyto-checker.d.ts (tsc $(tsc --version | cut -d' ' -f2))"
  # The React and Vue hosts of e2e/frameworks.spec.mjs, typed as the README tells an app to.
  tsc -p e2e/frameworks
  echo "types: e2e/frameworks (React 19 and Vue 3 hosts) compile against the same declarations"
}

# 1c. custom-elements.json (the Custom Elements Manifest): generated from types/element.json and
#     valid against the manifest's schema (ajv); the README's tables, widget.css's defaults, the
#     rendered parts and the observed attributes agree with the same source.
stage_manifest() {
  node scripts/manifest.mjs
}

# 2. The release build portals get: dist/blincyto-checker.js + the wasm core (wasm-opt -Oz).
stage_build() {
  trunk build --release --offline
}

# 2a. The size budget: what dist/embed.html downloads (recorded loading it in headless Chromium,
#     each file brotli q11: the measurement of ./scripts/bench.sh, benches/browser.mjs) must stay
#     within benches/size-budget.json. It prints the size and the budget. Raise the budget only
#     on purpose, in a commit that says what the bytes buy.
stage_size() {
  node benches/browser.mjs --dist dist --budget benches/size-budget.json
}

# 2b. The versioned package: ./scripts/release.sh's packaging step on the dist/ just built, into a
#     temporary folder; SHA256SUMS, `npm pack`, an offline install that Node, tsc and Chromium use
#     (e2e/package.mjs).
stage_release() {
  node --test --test-reporter=spec e2e/package.mjs
}

# 3. The public contract examples through the shipped module in headless Chromium.
stage_contract() {
  node "$SHARED/contract/run-examples.mjs"
}

# 4. wasm-bindgen-test in headless Chromium (tests/web*.rs): mounting, attributes, events.
#    The same feature set as the Trunk build (no native `cli`); browser flags in webdriver.json.
stage_web() {
  local targets=() f name
  for f in tests/web*.rs tests/web*/main.rs; do
    [ -e "$f" ] || continue
    name=${f#tests/}; name=${name%/main.rs}; name=${name%.rs}
    targets+=(--test "$name")
  done
  [ ${#targets[@]} -gt 0 ] || skip "no tests/web*.rs yet"
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    CHROMEDRIVER=$(command -v chromedriver) \
    WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/webdriver.json" \
    cargo test --target wasm32-unknown-unknown --no-default-features "${targets[@]}"
}

# 5. End-to-end specs against dist/ (e2e/*.spec.mjs: form, a11y, robust, fuzz) on Node's own test
#    runner: one file at a time (2 cores, and the specs time things), the spec reporter even when
#    the output is not a terminal (Node 20 would switch to TAP), so the stage ends with the runner's
#    summary (ℹ tests / pass / fail / cancelled / skipped) and exits non-zero when any test fails.
stage_e2e() {
  local specs=(e2e/*.spec.mjs)
  [ -f "${specs[0]}" ] || skip "no e2e/*.spec.mjs yet"
  node --test --test-concurrency=1 --test-reporter=spec "${specs[@]}"
}

# 6. and 7. The same build in Firefox ESR (geckodriver) and in WebKitGTK's MiniBrowser
#    (WebKitWebDriver under xvfb-run), through selenium-webdriver (e2e/engines/suite.mjs): every
#    public example through evaluate(), three through the form (sv, nb, en), the event, the
#    styling and its <style> fallback, no page error. SE_OFFLINE: selenium never downloads a driver.
#    The firefox stage also runs tests/web.rs under geckodriver (the wasm the `web` stage built;
#    browser binary in webdriver-firefox.json; the runner starts Firefox headless).
stage_firefox() {
  SE_OFFLINE=true ENGINE=firefox node --test --test-reporter=spec e2e/engines/suite.mjs
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    GECKODRIVER=$(command -v geckodriver) \
    WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/webdriver-firefox.json" \
    cargo test --target wasm32-unknown-unknown --no-default-features --test web
}

stage_webkit() {
  SE_OFFLINE=true ENGINE=webkit node --test --test-reporter=spec e2e/engines/suite.mjs
}

# 8. Every valid public example answered by plain WebDriver Element Click (no Actions API) on the
#    options' labels and "not known", on the demo page and embed.html, at 768×1024 and 360×740,
#    in Chromium (chromedriver), Firefox ESR (geckodriver) and WebKitGTK (WebKitWebDriver):
#    no click may land on the sticky verdict bar, every control must be scrolled into view
#    (e2e/engines/clicks.mjs).
stage_clicks() {
  local engine
  for engine in chromium firefox webkit; do
    SE_OFFLINE=true ENGINE=$engine node --test --test-reporter=spec e2e/engines/clicks.mjs
  done
}

passed=() skipped=()
for stage in "${STAGES[@]}"; do
  echo
  echo "=== test: $stage ==="
  t=$SECONDS
  # A subshell outside any `if`, so that `set -e` stops the stage at its first failing command.
  set +e
  ( set -euo pipefail; "stage_$stage" )
  rc=$?
  set -e
  if [ $rc -eq 77 ]; then
    skipped+=("$stage")
  elif [ $rc -ne 0 ]; then
    echo
    echo "test: FAILED at stage '$stage' (exit $rc) after $((SECONDS - start))s; passed before it: ${passed[*]:-none}"
    exit 1
  else
    passed+=("$stage")
    echo "test: $stage passed in $((SECONDS - t))s"
  fi
done

echo
echo "test: ALL PASSED in $((SECONDS - start))s — ${#passed[@]} stages passed (${passed[*]})${skipped[*]:+, ${#skipped[@]} skipped (${skipped[*]})}"

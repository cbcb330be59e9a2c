#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test blincyto-checker, then fetches the crates.
#
#   ./scripts/setup.sh        run it, or
#   . scripts/setup.sh        source it: the tools then stay on this shell's PATH
#
# Each step is skipped when its tool is already there in the right version, so running it again
# costs a few seconds. Only package registries are used (crates.io, npm, Debian apt): Trunk is told
# (Trunk.toml [tools]) to use the wasm-bindgen and wasm-opt found on PATH and never to download.
#
#   Rust target wasm32-unknown-unknown   rustup
#   trunk 0.21.14                        cargo install --locked
#   wasm-bindgen-cli = Cargo.lock's      cargo install (its wasm-bindgen-test-runner runs tests/web*.rs)
#     wasm-bindgen
#   playwright-core, axe-core, terser,   npm ci (package-lock.json); binaryen ships wasm-opt 132,
#     binaryen 132                       which goes first on PATH (Debian's binaryen is too old);
#   selenium-webdriver, typescript,      the same npm ci: Firefox/WebKit driving (SE_OFFLINE=true,
#     json-schema-to-typescript, ajv,    never a driver download), the .d.ts and its check, the
#     custom-elements-manifest           Custom Elements Manifest's schema
#   react, react-dom, vue, @types/react, the same npm ci: the React 19 and Vue 3 hosts of
#     @types/react-dom, esbuild          e2e/frameworks.spec.mjs (esbuild's Linux binary is the
#                                        npm package @esbuild/linux-x64)
#   chromium, chromium-driver            apt-get (headless browser for every browser test)
#   firefox-esr; geckodriver 0.37.1      apt-get; cargo install --locked (the `firefox` stage)
#   webkit2gtk-driver, xvfb              apt-get: WebKitWebDriver + MiniBrowser, under xvfb-run
#                                        (the `webkit` stage)

# Pinned tool versions. wasm-bindgen's comes from Cargo.lock (the CLI must match the library).
BLINCYTO_TRUNK_VERSION=0.21.14
BLINCYTO_GECKODRIVER_VERSION=0.37.1

BLINCYTO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# PATH, for the steps below and (when sourced) for the caller: wasm-opt 132 from node_modules
# first, then cargo-installed tools.
_blincyto_path() {
  local cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
  case ":$PATH:" in *":$cargo_bin:"*) ;; *) PATH="$cargo_bin:$PATH" ;; esac
  case ":$PATH:" in
    "$BLINCYTO_ROOT/node_modules/.bin:"*) ;;
    *) PATH="$BLINCYTO_ROOT/node_modules/.bin:$PATH" ;;
  esac
  export PATH
}

# The steps run in a subshell with strict error handling, so sourcing never changes the
# caller's shell options and a failed step cannot close the caller's shell.
_blincyto_setup() (
  set -euo pipefail
  cd "$BLINCYTO_ROOT"

  say() { printf 'setup: %s\n' "$*"; }
  die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }
  as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
    else die "need root for: $* (run it yourself, or install sudo)"
    fi
  }
  apt_updated=
  apt_install() {
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install $* by hand"
    if [ -z "$apt_updated" ]; then
      say "apt-get update"
      as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
      apt_updated=1
    fi
    say "apt-get install $*"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
  }

  # --- Rust ------------------------------------------------------------------------------------
  command -v cargo >/dev/null 2>&1 ||
    die "cargo not found: install Rust (stable, >= 1.84) with rustup first, see https://rustup.rs"
  if [ -d "$(rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown" ]; then
    say "rust target wasm32-unknown-unknown: present"
  else
    command -v rustup >/dev/null 2>&1 || die "rustup not found; cannot add target wasm32-unknown-unknown"
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi

  # --- trunk -----------------------------------------------------------------------------------
  if [ "$(trunk --version 2>/dev/null || true)" = "trunk $BLINCYTO_TRUNK_VERSION" ]; then
    say "trunk $BLINCYTO_TRUNK_VERSION: present"
  else
    say "cargo install --locked trunk --version $BLINCYTO_TRUNK_VERSION (takes several minutes)"
    cargo install --locked trunk --version "$BLINCYTO_TRUNK_VERSION"
    [ "$(trunk --version 2>/dev/null || true)" = "trunk $BLINCYTO_TRUNK_VERSION" ] ||
      die "installed trunk $BLINCYTO_TRUNK_VERSION, but PATH finds $(command -v trunk): $(trunk --version)"
  fi

  # --- wasm-bindgen-cli, the same version as the wasm-bindgen library in Cargo.lock -------------
  bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  [ -n "$bindgen_version" ] || die "no wasm-bindgen in Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $bindgen_version" ] &&
     command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
    say "wasm-bindgen-cli $bindgen_version: present"
  else
    say "cargo install wasm-bindgen-cli --version $bindgen_version (takes a few minutes)"
    cargo install wasm-bindgen-cli --version "$bindgen_version"
    [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $bindgen_version" ] ||
      die "installed wasm-bindgen-cli $bindgen_version, but PATH finds $(command -v wasm-bindgen): $(wasm-bindgen --version)"
  fi

  # --- npm packages (package-lock.json): playwright-core, axe-core, terser, binaryen (wasm-opt 132),
  #     selenium-webdriver, typescript, json-schema-to-typescript, ajv, custom-elements-manifest,
  #     react, react-dom, vue, their types and esbuild (the framework hosts) -----------------------
  if ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
  node_major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$node_major" -ge 20 ] ||
    die "Node.js $(node --version) is too old: playwright-core needs Node.js 20 or newer"
  lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
  stamp=node_modules/.blincyto-setup-stamp
  if [ -x node_modules/.bin/wasm-opt ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_sum" ]; then
    say "node_modules: up to date with package-lock.json"
  else
    say "npm ci (node_modules missing or older than package-lock.json)"
    npm ci --no-audit --no-fund
    echo "$lock_sum" >"$stamp"
  fi
  [ "$(wasm-opt --version 2>/dev/null | cut -d' ' -f1-3)" = "wasm-opt version 132" ] ||
    die "wasm-opt on PATH is not version 132: $(command -v wasm-opt || echo none)"
  node -e "require('esbuild').transformSync('')" ||
    die "esbuild from node_modules does not run (its binary is the npm package @esbuild/linux-x64)"

  # --- Chromium and chromedriver (Debian's; never a Playwright browser download) --------------
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  if [ ${#missing[@]} -eq 0 ]; then
    say "chromium and chromedriver: present"
  else
    apt_install "${missing[@]}"
  fi

  # --- Firefox ESR and geckodriver; WebKitGTK's WebKitWebDriver and MiniBrowser, Xvfb ----------
  missing=()
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null 2>&1 || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb)
  if [ ${#missing[@]} -eq 0 ]; then
    say "firefox-esr, WebKitWebDriver and xvfb-run: present"
  else
    apt_install "${missing[@]}"
  fi
  if [ "$(geckodriver --version 2>/dev/null | head -n1 | cut -d' ' -f1-2)" = "geckodriver $BLINCYTO_GECKODRIVER_VERSION" ]; then
    say "geckodriver $BLINCYTO_GECKODRIVER_VERSION: present"
  else
    say "cargo install --locked geckodriver --version $BLINCYTO_GECKODRIVER_VERSION (takes about four minutes)"
    cargo install --locked geckodriver --version "$BLINCYTO_GECKODRIVER_VERSION"
  fi

  # --- crates, for `--offline` builds ------------------------------------------------------------
  say "cargo fetch"
  cargo fetch --quiet
  say "done"
)

_blincyto_path
# Called outside any `||`/`if`, so that `set -e` inside the subshell really stops at a failing step
# (bash ignores errexit in a condition); the caller's own `set -e` is suspended meanwhile.
case $- in *e*) _blincyto_errexit=1; set +e ;; *) _blincyto_errexit= ;; esac
_blincyto_setup
_blincyto_rc=$?
[ -z "$_blincyto_errexit" ] || set -e
if [ $_blincyto_rc -ne 0 ]; then
  printf 'setup: FAILED (exit %s)\n' "$_blincyto_rc" >&2
fi
if [ "${BASH_SOURCE[0]}" != "$0" ]; then
  return $_blincyto_rc
else
  exit $_blincyto_rc
fi

#!/usr/bin/env bash
# Installs everything the page needs on a fresh machine of this kind, from
# the package registries only (crates.io, npm, Debian), into a tool cache
# that later runs reuse. Safe to run again: each step checks first.
# Source it (`. scripts/setup.sh`) to get the tools on PATH.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export TOOLS="${TOOLS_DIR:-$HOME/.cache/ca-tools}"
export PATH="$TOOLS/bin:$TOOLS/node_modules/.bin:$HOME/.cargo/bin:$PATH"
mkdir -p "$TOOLS"
# Trunk must never reach the network (its version check would hang here).
export TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
# Cuts the release wasm at its split points (scripts/build-wasm.sh); the
# same tool cargo-leptos uses for Leptos's #[lazy], as its own binary.
SPLIT_VERSION=0.2.4
# wasm-bindgen-cli must equal the wasm-bindgen crate of Cargo.lock.
WB_VERSION="$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/[" ]/, "", $0); sub("version=", "", $0); print; exit}' "$ROOT/Cargo.lock")"

SETUP_START=$SECONDS
log() { printf '\033[1m[setup %4ss]\033[0m %s\n' "$((SECONDS - SETUP_START))" "$*"; }

# The downloads that need no compiler run in the background while cargo
# compiles (2 cores: the compiler has them; the downloads mostly wait on the
# network). Their output is prefixed; a failure stops the setup at the end.
BG_PIDS=()
background() {
  local name="$1"
  shift
  log "$name (in the background)"
  ( "$@" 2>&1 | sed "s/^/[setup: $name] /" ) &
  BG_PIDS+=("$!:$name")
}

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  background "installing Debian's chromium and chromium-driver" bash -c \
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null'
fi

# Debian's binaryen (wasm-opt 108) breaks the bundle: use npm's.
if ! wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  background "installing binaryen $BINARYEN_VERSION (wasm-opt) from npm" \
    npm install --silent --no-audit --no-fund --prefix "$TOOLS" "binaryen@$BINARYEN_VERSION"
fi

if [ ! -d "$ROOT/e2e/node_modules/@playwright/test" ] || [ "$ROOT/e2e/package-lock.json" -nt "$ROOT/e2e/node_modules/.package-lock.json" ]; then
  background "installing the e2e packages (npm ci)" \
    env -C "$ROOT/e2e" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent --no-audit --no-fund
fi

if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The crates of Cargo.lock (Trunk builds offline): nothing to say when they
# are all in cargo's cache already.
if ! (cd "$ROOT" && cargo fetch --locked --offline -q 2>/dev/null); then
  log "downloading the crates of Cargo.lock (cargo fetch, once)"
  (cd "$ROOT" && cargo fetch --locked)
fi

# Our tools are built for this machine only, once: no link-time optimisation
# and parallel code generation (their upstream release profiles use fat LTO
# and one codegen unit, minutes more for a tool that runs seconds), and no
# debug info. TOOL_OPT sets the optimisation level: 0 for the tools whose
# work is done by others (Trunk runs cargo, wasm-bindgen and wasm-opt; it
# builds in 2 minutes instead of 3.5, and our release build took 42 s with
# either), 3 (the default) for those that do the work themselves.
tool_install() {
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_DEBUG=0 CARGO_PROFILE_RELEASE_OPT_LEVEL="${TOOL_OPT:-3}" \
    cargo install --root "$TOOLS" "$@"
}

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (compiles ~400 crates: about 2 minutes, once)"
  # No default features: no TLS stack (we serve plain http on loopback and
  # never download) and no update check (TRUNK_SKIP_VERSION_CHECK anyway).
  # (Upstream's CI checks every feature combination; should this one ever
  # fail to build, the default one is tried.)
  TOOL_OPT=0 tool_install trunk --version "$TRUNK_VERSION" --locked --no-default-features ||
    TOOL_OPT=0 tool_install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WB_VERSION" ]; then
  log "installing wasm-bindgen-cli $WB_VERSION (about a minute, once)"
  # --locked fails for this version (its lock pins a yanked crate). No
  # default features: no TLS (the test runner talks plain http to chromedriver).
  tool_install wasm-bindgen-cli --version "$WB_VERSION" --no-default-features ||
    tool_install wasm-bindgen-cli --version "$WB_VERSION"
fi

# (Its binary prints no version: the marker file says which one it is.)
if [ "$(cat "$TOOLS/wasm-split-cli.version" 2>/dev/null)" != "$SPLIT_VERSION" ] || ! command -v wasm-split-cli >/dev/null; then
  log "installing wasm-split-cli $SPLIT_VERSION (under a minute, once)"
  tool_install wasm_split_cli_support --version "$SPLIT_VERSION" --locked --features build-binary
  echo "$SPLIT_VERSION" >"$TOOLS/wasm-split-cli.version"
fi

for entry in "${BG_PIDS[@]}"; do
  if ! wait "${entry%%:*}"; then
    log "failed: ${entry#*:}"
    return 1 2>/dev/null || exit 1
  fi
done
# And what they install is there.
command -v chromium >/dev/null && command -v chromedriver >/dev/null || { log "chromium is missing"; return 1 2>/dev/null || exit 1; }
wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}" || { log "wasm-opt $BINARYEN_VERSION is missing"; return 1 2>/dev/null || exit 1; }
[ -d "$ROOT/e2e/node_modules/@playwright/test" ] || { log "the e2e packages are missing"; return 1 2>/dev/null || exit 1; }

if [ $((SECONDS - SETUP_START)) -gt 5 ]; then
  log "tools ready in $TOOLS ($((SECONDS - SETUP_START)) s)"
fi

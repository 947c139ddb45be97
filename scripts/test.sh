#!/usr/bin/env bash
# Runs every test from a fresh machine. See usage() below.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() {
  cat <<'EOF'
Usage: bash scripts/test.sh [--help]

Runs every test, installing what is missing first (scripts/setup.sh):
  1. cargo fmt --check, leptosfmt --check (view! macros), clippy -D warnings
  2. the native tests (domain, contract, demo backend), then the component
     tests in headless Chromium (tests/web.rs, wasm-bindgen-test-runner)
  3. the release build (trunk build --release) and its size
  4. the API fuzzing against contract/openapi.yaml (schemathesis)
  5. the Playwright suite against dist/ served by the demo backend
  6. the gallery's release build and its screenshots
Exits non-zero at the first failure.

Environment:
  SKIP_BUILD=1   reuse an existing dist/ (and dist-gallery/) instead of building
  TOOLS_DIR=DIR  the tool cache (default ~/.cache/ca-tools)
EOF
}

case "${1:-}" in
  -h | --help)
    usage
    exit 0
    ;;
  "") ;;
  *)
    echo "test.sh: unknown argument $1" >&2
    usage >&2
    exit 2
    ;;
esac

. "$ROOT/scripts/setup.sh"
cd "$ROOT"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

# The view! macro formatter, for the tests only (run.sh does not need it).
LEPTOSFMT_VERSION=0.1.33
if [ "$(leptosfmt --version 2>/dev/null)" != "leptosfmt $LEPTOSFMT_VERSION" ]; then
  step "installing leptosfmt $LEPTOSFMT_VERSION (under a minute, once)"
  TOOL_OPT=0 tool_install leptosfmt --version "$LEPTOSFMT_VERSION" --locked
fi

step "format (cargo fmt, then leptosfmt for the view! macros)"
cargo fmt --all -- --check
leptosfmt --check --quiet src tests

step "clippy (native, -D warnings)"
cargo clippy --workspace --all-targets --locked -q -- -D warnings

step "native tests (the first time compiles the workspace: a few minutes)"
# With the gallery feature: its own tests too (it is never in the bundle).
cargo test --workspace --locked --features customer-activity/gallery

step "component tests in headless Chromium (wasm-bindgen-test, chromedriver)"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --locked --target wasm32-unknown-unknown -p customer-activity --test web

if [ "${SKIP_BUILD:-}" != "1" ] || [ ! -f dist/index.html ]; then
  step "release build: trunk build --release (a few minutes)"
  trunk build --release
fi
step "bundle size"
bash scripts/bundle-size.sh

bash scripts/schemathesis.sh
step "end-to-end tests (Playwright, Debian chromium, release build)"
cargo build -q -p demo-server --locked
cd e2e
npx playwright test

step "gallery: release build (gallery feature) and screenshots (Playwright)"
cd "$ROOT"
if [ "${SKIP_BUILD:-}" != "1" ] || [ ! -f dist-gallery/index.html ]; then
  trunk build gallery.html --release --dist dist-gallery
fi
(cd e2e && npx playwright test -c playwright.gallery.config.ts)

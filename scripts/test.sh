#!/usr/bin/env bash
# Runs every test from a fresh machine: installs what is missing (once),
# checks format and lints, runs the native tests (domain, contract, demo
# backend), builds the release bundle once, and runs the Playwright suite
# against it in Debian's Chromium.
#   SKIP_BUILD=1  reuse an existing dist/ (for quick reruns)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/setup.sh"
cd "$ROOT"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all -- --check

step "clippy (native, -D warnings)"
cargo clippy --workspace --all-targets --locked -q -- -D warnings

step "native tests"
cargo test --workspace --locked

if [ "${SKIP_BUILD:-}" != "1" ] || [ ! -f dist/index.html ]; then
  step "release build"
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
trunk build gallery.html --release --dist dist-gallery
(cd e2e && npx playwright test -c playwright.gallery.config.ts)

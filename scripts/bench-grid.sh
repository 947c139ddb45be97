#!/usr/bin/env bash
# Side-by-side grid benchmark (prints figures; never fails on speed): our
# drilldown grid (the release build in dist/) vs AG Grid Community vs a
# plain-JS TanStack floor, on the demo backend's 100,000-record bench-100k
# entitlement, in one headless Chromium. Writes bench/results.md.
#   ITER=7 (iterations per page)   KEYS=timeout (the query typed)
#   PAGES=ours (a probe of some pages: figures printed, bench/results.md untouched)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
log() { printf '\033[1m[bench-grid]\033[0m %s\n' "$*"; }

# Chromium and Playwright (the e2e packages): the project's setup installs them.
if [ ! -x /usr/bin/chromium ] || [ ! -d e2e/node_modules/@playwright/test ]; then
  . "$ROOT/scripts/setup.sh"
fi

# The comparison's packages (AG Grid Community, TanStack, esbuild), pinned by bench/package-lock.json.
if [ ! -d bench/node_modules/ag-grid-community ] || [ bench/package-lock.json -nt bench/node_modules/.package-lock.json ]; then
  log "npm ci in bench/"
  (cd bench && npm ci --no-audit --no-fund --loglevel=error)
fi

log "building bench/out/ (aggrid.html, floor.html)"
node bench/build.mjs

log "building the demo backend (release)"
cargo build -q --release -p demo-server --locked

if [ ! -f dist/index.html ]; then
  log "dist/ (our release build) is missing: waiting for it (build it with: trunk build --release)"
fi
node bench/compare.mjs

#!/usr/bin/env bash
# The designers' gallery with live reload: every component in every state on
# fixed data (src/gallery/), rebuilt and reloaded on each change to src/,
# style/, public/ or gallery.html. Prints the URL; Ctrl-C stops it.
#   ?locale=it-IT&theme=dark picks the language and theme (or the switchers).
# Live reload comes from public/live-reload.js (CA_LIVE_RELOAD=1, see
# scripts/post-build.sh): Trunk's own is an inline script the CSP refuses.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/setup.sh"
cd "$ROOT"

PORT="${GALLERY_PORT:-8082}"
echo "Customer Activity gallery (live reload): http://127.0.0.1:$PORT/"
echo "  dark, Italian: http://127.0.0.1:$PORT/?locale=it-IT&theme=dark"
CA_LIVE_RELOAD=1 exec trunk serve gallery.html --dist dist-gallery --port "$PORT" \
  --watch src --watch style --watch public --watch crates --watch gallery.html --watch Cargo.toml

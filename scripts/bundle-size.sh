#!/usr/bin/env bash
# Prints the size of what a browser downloads to start the page: the wasm
# module, its JS glue, the loader and the stylesheets, raw, gzip and brotli.
set -euo pipefail
DIST="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/dist}"
python3 - "$DIST" <<'PY'
import gzip, os, sys, glob
try:
    import brotli  # optional
except ImportError:
    brotli = None
dist = sys.argv[1]
files = sorted(glob.glob(os.path.join(dist, "*.wasm")) + glob.glob(os.path.join(dist, "*.js")) + glob.glob(os.path.join(dist, "*.css")))
tot = [0, 0, 0]
print(f"{'file':44} {'raw':>10} {'gzip':>10} {'brotli':>10}")
for f in files:
    data = open(f, "rb").read()
    g = len(gzip.compress(data, 9))
    b = len(brotli.compress(data, quality=11)) if brotli else 0
    tot[0] += len(data); tot[1] += g; tot[2] += b
    print(f"{os.path.basename(f):44} {len(data):>10,} {g:>10,} {b if brotli else '-':>10}")
print(f"{'total':44} {tot[0]:>10,} {tot[1]:>10,} {tot[2] if brotli else '-':>10}")
if not brotli:
    print("(brotli column: pip install brotli)")
PY

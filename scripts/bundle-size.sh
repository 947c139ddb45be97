#!/usr/bin/env bash
# Prints the size of what a browser downloads to start the page (the main
# wasm module, its JS glue, the parts' loader, boot.js, embed.js and the
# stylesheet), and of the wasm parts it fetches when a view needs them
# (scripts/build-wasm.sh), raw, gzip and brotli.
set -euo pipefail
DIST="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/dist}"
python3 - "$DIST" <<'PY'
import gzip, os, re, sys, glob
try:
    import brotli  # optional
except ImportError:
    brotli = None
dist = sys.argv[1]
files = sorted(glob.glob(os.path.join(dist, "*.wasm")) + glob.glob(os.path.join(dist, "*.js")) + glob.glob(os.path.join(dist, "*.css")))
def sizes(f):
    data = open(f, "rb").read()
    return len(data), len(gzip.compress(data, 9)), (len(brotli.compress(data, quality=11)) if brotli else 0)
# A part: customer-activity-<name>-<hash>.wasm (the main module ends in _bg.wasm).
is_part = lambda f: re.fullmatch(r".*-[a-z]+-[0-9a-f]{16}\.wasm", os.path.basename(f)) is not None
print(f"{'file':48} {'raw':>10} {'gzip':>10} {'brotli':>10}")
for title, group in (("first load", [f for f in files if not is_part(f)]), ("parts, fetched when a view needs them", [f for f in files if is_part(f)])):
    if not group:
        continue
    print(f"-- {title}")
    tot = [0, 0, 0]
    code = [0, 0, 0]
    for f in group:
        s = sizes(f)
        tot = [a + b for a, b in zip(tot, s)]
        if not f.endswith(".css") and os.path.basename(f) not in ("boot.js", "embed.js"):
            code = [a + b for a, b in zip(code, s)]
        print(f"{os.path.basename(f):48} {s[0]:>10,} {s[1]:>10,} {s[2] if brotli else '-':>10}")
    if title == "first load":
        print(f"{'JS + wasm (glue, loader, main module)':48} {code[0]:>10,} {code[1]:>10,} {code[2] if brotli else '-':>10}")
    print(f"{'total':48} {tot[0]:>10,} {tot[1]:>10,} {tot[2] if brotli else '-':>10}")
if not brotli:
    print("(brotli column: pip install brotli)")
PY

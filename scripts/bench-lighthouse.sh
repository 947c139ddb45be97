#!/usr/bin/env bash
# Benchmark (prints figures; never fails on a threshold): Lighthouse 12 on
# the release build served with brotli as a CDN would (the demo backend
# compresses), mobile (Lighthouse's default profile: a mid-range phone on a
# slow 4G, simulated) and desktop (--preset=desktop), on the landing page and
# a drilldown, RUNS times each (default 3). Writes the medians to
# bench/lighthouse.md (between its figures markers) and prints them.
#   DIST=path   serve another build (default dist/, built when missing)
#   RUNS=n      runs per page and profile
#   LH_PORT=n   the server's port (default 4179)
#   REPORT=path where the medians go (default bench/lighthouse.md)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/setup.sh"
cd "$ROOT"

LH_VERSION=12.2.3
DIST="${DIST:-$ROOT/dist}"
RUNS="${RUNS:-3}"
PORT="${LH_PORT:-4179}"
REPORT="${REPORT:-$ROOT/bench/lighthouse.md}"
LH_DIR="$TOOLS/lighthouse"
OUT="$(mktemp -d)"
log() { printf '\033[1m[lighthouse]\033[0m %s\n' "$*"; }

if [ ! -f "$DIST/index.html" ]; then
  log "no $DIST/index.html: building the release"
  trunk build --release --dist "$DIST"
fi
cargo build -q -p demo-server --locked

if [ "$(cat "$LH_DIR/node_modules/lighthouse/package.json" 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])' 2>/dev/null)" != "$LH_VERSION" ]; then
  log "installing lighthouse@$LH_VERSION into $LH_DIR (once)"
  mkdir -p "$LH_DIR"
  [ -f "$LH_DIR/package.json" ] || echo '{"private":true}' >"$LH_DIR/package.json"
  npm install --silent --no-audit --no-fund -E --prefix "$LH_DIR" "lighthouse@$LH_VERSION" >/dev/null
fi

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "port $PORT is taken by another server: set LH_PORT" >&2
  exit 1
fi
./target/debug/demo-server --port "$PORT" --static "$DIST" >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$OUT"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/api/v1/me" >/dev/null && break; sleep 0.2; done
kill -0 "$SERVER" 2>/dev/null || { echo "the demo server did not start on port $PORT" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT"
# The main module (the parts are customer-activity-<part>-<hash>.wasm).
WASM="$(cd "$DIST" && ls *_bg.wasm | head -1)"
# The demo server compresses the hashed files once at brotli quality 11, in
# the background, as a CDN stores them (demo-server/src/packed.rs); until
# then it compresses on the fly (chunked). Wait for the stored bodies of
# every module: they carry a Content-Length.
header() { curl -s -o /dev/null -D - -H 'Accept-Encoding: br, gzip' "$BASE/$2" | tr -d '\r' | awk -F': ' -v h="$1" 'tolower($1)==h {print $2}'; }
for f in $(cd "$DIST" && ls *.wasm); do
  for _ in $(seq 150); do [ -n "$(header content-length "$f")" ] && break; sleep 0.2; done
done
ENCODING="$(header content-encoding "$WASM")"
WIRE="$(header content-length "$WASM")"
log "serving $DIST on $BASE ($WASM content-encoding: ${ENCODING:-none}, ${WIRE:-chunked} bytes)"

export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
FLAGS="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
PAGES="landing=/customer-activity drilldown=/customer-activity/entitlements/e-cu-reactive"
for profile in mobile desktop; do
  preset=""
  [ "$profile" = desktop ] && preset="--preset=desktop"
  for p in $PAGES; do
    name="${p%%=*}"; path="${p#*=}"
    for run in $(seq "$RUNS"); do
      log "$profile $name run $run/$RUNS"
      # shellcheck disable=SC2086
      "$LH_DIR/node_modules/.bin/lighthouse" "$BASE$path" $preset --only-categories=performance,best-practices \
        --output=json --output-path="$OUT/$profile-$name-$run.json" --quiet \
        --chrome-flags="$FLAGS" || log "run failed (left out of the medians)"
    done
  done
done

CHROMIUM="$("$CHROME_PATH" --version 2>/dev/null | grep -o 'Chromium [0-9.]*' | head -1)"
CPU="$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
python3 - "$OUT" "$REPORT" "$RUNS" "$CHROMIUM" "$CPU, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)" "${ENCODING:-none}, ${WIRE:-chunked} bytes on the wire" <<'PY'
import glob, json, os, statistics, sys, datetime
out, md, runs, chromium, machine, encoding = sys.argv[1:7]
rows, lines = [], []
for profile in ("mobile", "desktop"):
    for name, label in (("landing", "/customer-activity"), ("drilldown", "/customer-activity/entitlements/e-cu-reactive")):
        reps = []
        for f in sorted(glob.glob(os.path.join(out, f"{profile}-{name}-*.json"))):
            r = json.load(open(f))
            a = r["audits"]
            reps.append({
                "perf": round(100 * (r["categories"]["performance"]["score"] or 0)),
                "bp": round(100 * (r["categories"]["best-practices"]["score"] or 0)),
                "lcp": a["largest-contentful-paint"]["numericValue"],
                "cls": a["cumulative-layout-shift"]["numericValue"],
                "tbt": a["total-blocking-time"]["numericValue"],
                "fcp": a["first-contentful-paint"]["numericValue"],
                "bench": r.get("environment", {}).get("benchmarkIndex"),
            })
        if not reps:
            rows.append(f"| {label} | {profile} | – | – | – | – | – | – | 0 |")
            continue
        m = {k: statistics.median([x[k] for x in reps]) for k in ("perf", "lcp", "cls", "tbt", "fcp")}
        # Best practices: the lowest of the runs (it should never move).
        bp = min(x["bp"] for x in reps)
        rows.append(f"| {label} | {profile} | **{m['perf']:.0f}** | {m['lcp']/1000:.2f} s | {m['cls']:.3f} | {m['tbt']:.0f} ms | {m['fcp']/1000:.2f} s | {bp} | {len(reps)} |")
        each = ", ".join(f"{x['perf']}/{x['lcp']/1000:.2f}s/{x['cls']:.3f}/{x['tbt']:.0f}ms" for x in reps)
        lines.append(f"- {label} {profile}: {each} (benchmarkIndex {', '.join(str(round(x['bench'] or 0)) for x in reps)})")
figures = "\n".join([
    f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC by `bash scripts/bench-lighthouse.sh`:",
    f"Lighthouse 12.2.3, {chromium} (headless), {machine}; the wasm served with content-encoding `{encoding}`.",
    f"Medians of {runs} runs, each metric on its own.",
    "",
    "| page | profile | performance | LCP | CLS | TBT | FCP | best practices (lowest) | runs |",
    "|---|---|---|---|---|---|---|---|---|",
    *rows,
    "",
    "Each run (performance/LCP/CLS/TBT):",
    "",
    *lines,
])
start, end = "<!-- figures:start -->", "<!-- figures:end -->"
text = open(md).read() if os.path.exists(md) else f"# Lighthouse\n\n{start}\n{end}\n"
if start not in text:
    text += f"\n{start}\n{end}\n"
head, rest = text.split(start, 1)
tail = rest.split(end, 1)[1]
open(md, "w").write(f"{head}{start}\n{figures}\n{end}{tail}")
print(figures)
PY

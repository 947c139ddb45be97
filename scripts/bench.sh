#!/usr/bin/env bash
# Benchmark (prints figures; never fails on speed): the drilldown grid on
# 100,000 records from the demo backend's --bench dataset, release build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/setup.sh"
cd "$ROOT"
[ -f dist/index.html ] || trunk build --release
cargo build -q --release -p demo-server --locked
PORT="${BENCH_PORT:-8097}"
./target/release/demo-server --port "$PORT" --static dist --bench >/dev/null &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
sleep 1
node bench/grid.mjs "http://127.0.0.1:$PORT"
bash scripts/bundle-size.sh

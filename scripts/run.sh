#!/usr/bin/env bash
# Runs the page on its embedded demo data: installs what is missing, starts
# the demo backend on 127.0.0.1:8081 and `trunk serve` (live reload, API
# proxied) on 127.0.0.1:8080, and prints the URL. Ctrl-C stops both.
#   --release   serve the optimised build from the demo backend instead
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/setup.sh"
cd "$ROOT"

cargo build -q -p demo-server --locked
if [ "${1:-}" = "--release" ]; then
  trunk build --release
  echo "Customer Activity (release build, demo data): http://127.0.0.1:8081/customer-activity"
  exec ./target/debug/demo-server --port 8081 --static dist
fi

./target/debug/demo-server --port 8081 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
echo "Customer Activity (demo data): http://127.0.0.1:8080/customer-activity"
echo "Switch the demo user with the cookie demo_persona (see README: Personas)."
trunk serve --port 8080

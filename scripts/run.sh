#!/usr/bin/env bash
# Runs the page on its embedded demo data. See usage() below.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

usage() {
  cat <<'EOF'
Usage: bash scripts/run.sh [--release] [--help]

Runs Customer Activity on the demo backend's embedded demo data. Installs
what is missing first (scripts/setup.sh; the first run takes a few minutes,
later runs seconds). Ctrl-C stops everything it started.

  (no option)  the demo backend on 127.0.0.1:8081 and `trunk serve` (debug
               build, live reload, /api/v1 proxied to the backend) on
               http://127.0.0.1:8080/customer-activity
  --release    the optimised build (`trunk build --release` into dist/),
               served by the demo backend with the demo persona switcher on
               http://127.0.0.1:8081/customer-activity
  -h, --help   print this and exit

The demo user is the cookie demo_persona (README: Personas); with --release
the header's "Demo user" switch sets it.
EOF
}

RELEASE=0
for arg in "$@"; do
  case "$arg" in
    -h | --help)
      usage
      exit 0
      ;;
    --release) RELEASE=1 ;;
    *)
      echo "run.sh: unknown argument $arg" >&2
      usage >&2
      exit 2
      ;;
  esac
done

. "$ROOT/scripts/setup.sh"
cd "$ROOT"

step() { printf '\033[1m[run]\033[0m %s\n' "$*"; }

[ -x target/debug/demo-server ] || step "building the demo backend (first time: about a minute)"
cargo build -q -p demo-server --locked

if [ "$RELEASE" = 1 ]; then
  step "release build: trunk build --release (a few minutes the first time)"
  trunk build --release
  step "Customer Activity (release build, demo data, demo user switch): http://127.0.0.1:8081/customer-activity"
  exec ./target/debug/demo-server --port 8081 --static dist --demo-ui
fi

./target/debug/demo-server --port 8081 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
step "debug build and live reload: trunk serve (the first build takes a few minutes; the URL works once Trunk says it is serving)"
step "Customer Activity (demo data): http://127.0.0.1:8080/customer-activity"
step "Switch the demo user with the cookie demo_persona (see README: Personas)."
# Live reload from an external module (the page's CSP refuses Trunk's inline one).
CA_LIVE_RELOAD=1 trunk serve --port 8080

#!/usr/bin/env bash
# Fuzzes the demo backend against contract/openapi.yaml with schemathesis:
# for each persona that matters (an administrator, a delegated user who sees
# only part of the support requests, a user without access), every operation
# gets generated requests (valid and invalid path parameters) and every
# answer is checked: no 5xx, a status code the contract lists for the
# operation, the content type it lists for that status, and a body that
# validates against its schema. Exits non-zero on any failure.
#
# Installs schemathesis from PyPI into a venv in the tool cache once
# ($TOOLS_DIR/venv, default ~/.cache/ca-tools/venv) and reuses it.
#   SCHEMATHESIS_MAX_EXAMPLES  examples per operation and persona (default 50)
#   SCHEMATHESIS_SEED          the generation seed (default fixed, so that a
#                              run is reproducible; set another to explore)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${TOOLS_DIR:-$HOME/.cache/ca-tools}"
VENV="$TOOLS/venv"
VERSION=4.32.5
MAX_EXAMPLES="${SCHEMATHESIS_MAX_EXAMPLES:-50}"
SEED="${SCHEMATHESIS_SEED:-20261127}"
PERSONAS=(customer-admin activity-user no-access)
CHECKS=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,unsupported_method

log() { printf '\033[1m[schemathesis]\033[0m %s\n' "$*"; }

if [ "$("$VENV/bin/schemathesis" --version 2>/dev/null)" != "schemathesis, version $VERSION" ]; then
  log "installing schemathesis $VERSION into $VENV (once)"
  mkdir -p "$TOOLS"
  if ! python3 -m venv --clear "$VENV" 2>/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
    python3 -m venv --clear "$VENV"
  fi
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$VERSION"
fi

cd "$ROOT"
cargo build -q -p demo-server --locked

# The demo backend on a free loopback port (the OS picks it: --port 0).
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
target/debug/demo-server --port 0 >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
PORT=""
for _ in $(seq 1 100); do
  PORT="$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$WORK/server.log")"
  [ -n "$PORT" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log"; exit 1; }
  sleep 0.1
done
[ -n "$PORT" ] || { log "the demo backend did not start"; cat "$WORK/server.log"; exit 1; }
URL="http://127.0.0.1:$PORT/api/v1"

# contract/openapi.yaml's ActivityRecord discriminator has no `mapping`, so by
# OpenAPI's implicit rule its values would be the schema names
# (`SupportRequest`), while the contract's own `const`s (and every server)
# say `supportRequest`. Test against a copy with the mapping the consts
# imply; a contract that declares its mapping is used as it is.
SPEC="$WORK/openapi.yaml"
"$VENV/bin/python" - "$ROOT/contract/openapi.yaml" "$SPEC" <<'PY'
import sys, yaml
spec = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
schemas = spec["components"]["schemas"]
for name, schema in schemas.items():
    d = schema.get("discriminator") if isinstance(schema, dict) else None
    if not d or "mapping" in d:
        continue
    mapping = {}
    for ref in (s.get("$ref") for s in schema.get("oneOf", []) + schema.get("anyOf", [])):
        target = schemas.get((ref or "").rsplit("/", 1)[-1], {})
        const = target.get("properties", {}).get(d["propertyName"], {}).get("const")
        if const is not None:
            mapping[const] = ref
    if mapping:
        d["mapping"] = mapping
        print(f"[schemathesis] {name}: discriminator mapping taken from the consts: {sorted(mapping)}")
yaml.safe_dump(spec, open(sys.argv[2], "w", encoding="utf-8"), sort_keys=False, allow_unicode=True)
PY
log "demo backend on $URL; $MAX_EXAMPLES examples per operation, seed $SEED"

failed=()
for persona in "${PERSONAS[@]}"; do
  log "persona $persona"
  # Run from the scratch folder: no .hypothesis/ or report left in the tree.
  if ! (cd "$WORK" && "$VENV/bin/schemathesis" run "$SPEC" \
    --url "$URL" \
    --header "x-demo-persona: $persona" \
    --checks "$CHECKS" \
    --phases examples,coverage,fuzzing \
    --max-examples "$MAX_EXAMPLES" \
    --seed "$SEED" \
    --workers 2 \
    --generation-database none \
    --request-timeout 10 \
    --no-color); then
    failed+=("$persona")
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  log "FAILED for: ${failed[*]}"
  exit 1
fi
log "passed for: ${PERSONAS[*]}"

#!/usr/bin/env bash
# Trunk's post_build hook (Trunk.toml [[hooks]]): runs in the staging
# directory's parent after Trunk wrote index.html and the hashed assets, and
# before they replace dist/. Bash and sed only: it runs offline, on every
# build (`trunk build`, `trunk serve`, the gallery).
#
# 1. Writes the asset manifest into embed.js, the stable-named module that
#    boot.js, gallery-boot.js and embedding hosts load: the hashed names of
#    the glue, the wasm, the parts' loader (a release cut into parts) and
#    every stylesheet (in index.html's order), with their SRI hashes. Read from the finished index.html, so it
#    names exactly what Trunk emitted.
# 2. Live reload only when asked (CA_LIVE_RELOAD=1, set by scripts/run.sh and
#    scripts/gallery.sh for `trunk serve`): copies public/live-reload.js in.
#    A release dist/ never carries it.
set -euo pipefail

STAGE="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
SRC="${TRUNK_SOURCE_DIR:-.}"
BASE="${TRUNK_PUBLIC_URL:-/}"
HTML="$STAGE/index.html"
EMBED="$STAGE/embed.js"

fail() {
  echo "post-build.sh: $*" >&2
  exit 1
}
[ -f "$HTML" ] || fail "no $HTML"
[ -f "$EMBED" ] || fail "no $EMBED: index.html (or gallery.html) must copy public/embed.js"
grep -q '/\*ca:assets\*/ null' "$EMBED" || fail "embed.js has no /*ca:assets*/ null placeholder"

# A release build of index.html is cut into parts (its rust link asks for
# the `split` feature, and no wasm-opt): scripts/build-wasm.sh replaces
# Trunk's glue and wasm and their preloads. gallery.html, and any debug
# build, keep Trunk's.
if [ "${TRUNK_PROFILE:-}" = release ] && [ "$(basename "${TRUNK_HTML_FILE:-index.html}")" = index.html ]; then
  bash "$SRC/scripts/build-wasm.sh"
fi

# The standalone page's icon is in index.html itself (a data: URL of
# favicon.svg): one request less at the start of a load, when every request
# shares a phone's link with the wasm. favicon.svg stays in dist/ for hosts
# and the gallery.
if [ "$(basename "${TRUNK_HTML_FILE:-index.html}")" = index.html ] && [ -f "$STAGE/favicon.svg" ]; then
  icon="data:image/svg+xml;base64,$(base64 -w0 "$STAGE/favicon.svg")"
  grep -q '<link rel="icon" href="/favicon.svg"' "$HTML" || fail "index.html links no /favicon.svg icon"
  sed -i "s#<link rel=\"icon\" href=\"/favicon.svg\"#<link rel=\"icon\" href=\"$icon\"#" "$HTML"
fi

# The tags of one kind, one a line, in document order.
tags() { tr '\n' ' ' <"$HTML" | grep -o "<link rel=\"$1\"[^>]*>" || true; }
# An attribute's value from one tag.
attr() { sed -n "s/.* $1=\"\\([^\"]*\\)\".*/\\1/p" <<<"$2"; }
# A URL of index.html as a path relative to dist/ (what embed.js resolves
# against its own URL).
rel() {
  local u="$1"
  u="${u#"$BASE"}"
  echo "${u#/}"
}
# "key":"value" (values are file names and base64 hashes: nothing to escape).
pair() { printf '"%s":"%s"' "$1" "$2"; }

# (index.html's own modulepreload of embed.js is not the glue.)
glue_tag="$(tags modulepreload | grep -v 'embed\.js"' | head -n 1 || true)"
wasm_tag="$(tags preload | grep 'as="fetch"' | head -n 1 || true)"
[ -n "$glue_tag" ] || fail "index.html has no modulepreload of the glue (Trunk.toml: inject_scripts = true)"
[ -n "$wasm_tag" ] || fail "index.html has no preload of the wasm"
js="$(rel "$(attr href "$glue_tag")")"
wasm="$(rel "$(attr href "$wasm_tag")")"
[ -f "$STAGE/$js" ] || fail "the glue $js is not in the build"
[ -f "$STAGE/$wasm" ] || fail "the wasm $wasm is not in the build"

# A release cut into parts (scripts/build-wasm.sh): the parts' loader, which
# the glue imports, is the second modulepreload.
loader_tag="$(tags modulepreload | grep -v 'embed\.js"' | sed -n 2p || true)"
loader=""
if [ -n "$loader_tag" ]; then
  loader="$(rel "$(attr href "$loader_tag")")"
  [ -f "$STAGE/$loader" ] || fail "the parts' loader $loader is not in the build"
fi

css=""
while IFS= read -r tag; do
  [ -n "$tag" ] || continue
  href="$(rel "$(attr href "$tag")")"
  [ -f "$STAGE/$href" ] || fail "the stylesheet $href is not in the build"
  entry="{$(pair href "$href"),$(pair integrity "$(attr integrity "$tag")")}"
  css="${css:+$css,}$entry"
done < <(tags stylesheet)

live=false
if [ "${CA_LIVE_RELOAD:-}" = "1" ] && [ "${TRUNK_PROFILE:-}" != "release" ]; then
  cp "$SRC/public/live-reload.js" "$STAGE/live-reload.js"
  live=true
fi

parts=""
if [ -n "$loader" ]; then
  # Each part's files, written by scripts/build-wasm.sh (not for dist/).
  [ -f "$STAGE/.ca-parts.json" ] || fail "scripts/build-wasm.sh wrote no list of the parts' files"
  parts="$(pair loader "$loader"),$(pair loaderIntegrity "$(attr integrity "$loader_tag")"),\"parts\":$(cat "$STAGE/.ca-parts.json"),"
  rm -f "$STAGE/.ca-parts.json"
fi
manifest="{$(pair js "$js"),$(pair jsIntegrity "$(attr integrity "$glue_tag")"),$parts$(pair wasm "$wasm"),$(pair wasmIntegrity "$(attr integrity "$wasm_tag")"),\"css\":[$css],\"liveReload\":$live}"
sed -i "s#/\\*ca:assets\\*/ null#/*ca:assets*/ $manifest#" "$EMBED"
echo "post-build.sh: embed.js knows $js, $wasm and $(tags stylesheet | grep -c . || true) stylesheets (live reload: $live)"

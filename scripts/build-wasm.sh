#!/usr/bin/env bash
# The page's wasm in a release build, cut into parts (called by
# scripts/post-build.sh, Trunk's post_build hook). Trunk has built the
# module (index.html: `data-cargo-features="split"`, `data-wasm-opt="0"`)
# and run wasm-bindgen on it whole; this takes cargo's module instead and
# does the rest the way cargo-leptos does for Leptos's #[lazy]:
#
#   wasm-split-cli   the main module, one .wasm per part, and their loader
#                    (the module keeps its relocations for this: build.rs)
#   wasm-bindgen     the glue, for the main module
#   wasm-opt -Oz     each module
#
# It then replaces Trunk's glue and wasm in the staging directory, each file
# named by a content hash:
#   customer-activity-H.js             the glue (imports the loader)
#   customer-activity-split-H.js       the parts' loader (imports the glue)
#   customer-activity-W_bg.wasm        the main module
#   customer-activity-<part>-P.wasm    each part, fetched with its SRI hash
#   customer-activity-shared-P.wasm    code parts share, the same way
# and index.html's preloads with them (modulepreloads of both scripts, the
# preload of the main module, with SRI hashes, as Trunk writes them).
# A module without split points (a build without the feature) is only
# optimized and renamed the same way.
set -euo pipefail

STAGE="${TRUNK_STAGING_DIR:?run by trunk (scripts/post-build.sh)}"
SRC="${TRUNK_SOURCE_DIR:-.}"
BASE="${TRUNK_PUBLIC_URL:-/}"
PROFILE="${TRUNK_PROFILE:-}"
HTML="$STAGE/index.html"
NAME=customer-activity
CRATE=customer_activity

fail() {
  echo "build-wasm.sh: $*" >&2
  exit 1
}
[ "$PROFILE" = release ] || fail "only a release build is cut into parts"

TARGET="${CARGO_TARGET_DIR:-$SRC/target}"
WORK="$TARGET/ca-wasm"
rm -rf "$WORK"
mkdir -p "$WORK/split" "$WORK/out"

# 1. What Trunk built: cargo's module, and the glue and wasm it made of it
#    (replaced below), named by index.html's preloads.
wasm="$TARGET/wasm32-unknown-unknown/release/$CRATE.wasm"
[ -f "$wasm" ] || fail "no $wasm (Trunk's cargo build)"
[ -f "$HTML" ] || fail "no $HTML"
trunk_tags="$(tr '\n' ' ' <"$HTML" | grep -o '<link rel="\(modulepreload\|preload\)"[^>]*>' | grep -v 'embed\.js"' || true)"
[ "$(grep -c . <<<"$trunk_tags")" = 2 ] || fail "expected Trunk's two preloads (glue and wasm) in $HTML"
page="$(cat "$HTML")"
while IFS= read -r tag; do
  href="$(sed -n 's/.* href="\([^"]*\)".*/\1/p' <<<"$tag")"
  rm -f "$STAGE/${href#"$BASE"}"
  page="${page//"$tag"/}"
done <<<"$trunk_tags"
printf '%s\n' "$page" >"$HTML"
grep -q 'as="fetch"' "$HTML" && fail "Trunk's preload of the wasm is still in $HTML"
# Split points are imports of wasm_split_helpers's placeholder module.
split=0
grep -q __wasm_split_placeholder__ "$wasm" && split=1

# 2. The parts.
bindgen_args=(--target web --no-typescript --out-dir "$WORK/out" --out-name "$NAME")
if [ "$split" = 1 ]; then
  command -v wasm-split-cli >/dev/null || fail "wasm-split-cli is not installed (scripts/setup.sh)"
  wasm-split-cli "$wasm" "$WORK/split" --target web --out-name "$NAME"
  wasm="$WORK/split/$NAME.wasm"
  # The parts import the main module's exports, which must stay.
  bindgen_args+=(--keep-lld-exports --no-demangle)
fi

# 3. The glue.
wasm-bindgen "${bindgen_args[@]}" "$wasm"

# 4. Smaller modules (release): the main one and each part.
main="$WORK/out/${NAME}_bg.wasm"
parts=()
# (split_<part>.wasm: a part's own code; chunk_<n>.wasm: code that several
# parts share, fetched before any of them.)
for f in "$WORK"/split/split_*.wasm "$WORK"/split/chunk_*.wasm; do
  [ -e "$f" ] && parts+=("$f")
done
if [ "$PROFILE" = release ]; then
  # The main module defines the memory, fresh and zeroed at its start
  # (--zero-filled-memory: its data need not write zeros), and Rust puts the
  # stack first, growing down from 1 MB, with its data above (its lowest
  # 1,024 bytes would be the far end of a 1 MB stack: --low-memory-unused
  # lets an address's constant part fold into its loads and stores).
  # 1.6 KB brotli.
  wasm-opt -Oz --converge --zero-filled-memory --low-memory-unused "$main" -o "$main"
  for f in "${parts[@]}"; do
    wasm-opt -Oz --converge "$f" -o "$f"
  done
fi

# 5. Content-hashed names, SRI hashes, and the references between the
#    files. Each module is named by its own hash, so a release that leaves a
#    part unchanged leaves it cached. The glue and the loader import each
#    other: they share one hash, of both with the names they refer to.
glue="$WORK/out/$NAME.js"
loader="$WORK/split/__wasm_split.js"
hash_of() { cat "$@" | sha256sum | cut -c1-16; }
# An SRI hash with coreutils alone (sha384sum's hex, as bytes, in base64).
sri() { printf 'sha384-%s' "$(printf '%b' "$(sha384sum "$1" | cut -d' ' -f1 | sed 's/../\\x&/g')" | base64 -w0)"; }
out_wasm="$NAME-$(hash_of "$main")_bg.wasm"
cp "$main" "$STAGE/$out_wasm"
# The glue's own default wasm URL (unused: embed.js passes the module).
sed -e "s#'${NAME}_bg\.wasm'#'$out_wasm'#" "$glue" >"$WORK/glue.js"
if [ "$split" = 1 ]; then
  [ -f "$loader" ] || fail "wasm-split-cli wrote no loader"
  cp "$loader" "$WORK/loader.js"
  declare -A file_of
  for f in "${parts[@]}"; do
    b="$(basename "$f" .wasm)"
    case "$b" in
      split_*) part="${b#split_}" ;;
      *) part=shared ;;
    esac
    out_part="$NAME-$part-$(hash_of "$f").wasm"
    cp "$f" "$STAGE/$out_part"
    grep -q "fetch(new URL(\"./$b.wasm\", import.meta.url))" "$WORK/loader.js" ||
      fail "the loader does not fetch ./$b.wasm"
    sed -i "s#fetch(new URL(\"./$b\\.wasm\", import.meta.url))#fetch(new URL(\"./$out_part\", import.meta.url), { integrity: \"$(sri "$f")\" })#" "$WORK/loader.js"
    file_of[$b]="{\"href\":\"$out_part\",\"integrity\":\"$(sri "$f")\"}"
  done
  # Each part's files (its own and the shared ones it needs, as the loader
  # fetches them), for embed.js's manifest (post-build.sh): boot.js
  # preloads a part the address needs beside the main module.
  flat="$(tr '\n' ' ' <"$loader")"
  manifest=""
  for f in "$WORK"/split/split_*.wasm; do
    b="$(basename "$f" .wasm)"
    part="${b#split_}"
    rest="${flat#*"__wasm_split_load_$part = wrapAsyncCb(makeLoad("}"
    [ "$rest" != "$flat" ] || fail "the loader has no __wasm_split_load_$part"
    rest="${rest%%"]));"*}"
    files="${file_of[$b]}"
    for chunk in $(grep -o '__chunk_[0-9]*' <<<"${rest##*[}" | sed 's/^__//'); do
      [ -n "${file_of[$chunk]:-}" ] || fail "the loader's $chunk is not a part"
      files="$files,${file_of[$chunk]}"
    done
    manifest="${manifest:+$manifest,}\"$part\":[$files]"
  done
  printf '{%s}' "$manifest" >"$STAGE/.ca-parts.json"
  H="$(hash_of "$WORK/glue.js" "$WORK/loader.js")"
  out_js="$NAME-$H.js"
  out_loader="$NAME-split-$H.js"
  # The glue imports the loader by the name wasm-split-cli gave it (only
  # the import's specifier changes: the imports object keeps the module
  # name the wasm asks for), and the loader imports the glue.
  grep -q "from [\"']\./__wasm_split\.js[\"']" "$WORK/glue.js" || fail "the glue does not import ./__wasm_split.js"
  sed -i "s#from [\"']\./__wasm_split\.js[\"']#from \"./$out_loader\"#" "$WORK/glue.js"
  grep -q "from \"./$NAME.js\"" "$WORK/loader.js" || fail "the loader does not import ./$NAME.js"
  sed -i "s#from \"./$NAME\\.js\"#from \"./$out_js\"#" "$WORK/loader.js"
  cp "$WORK/loader.js" "$STAGE/$out_loader"
else
  out_js="$NAME-$(hash_of "$WORK/glue.js").js"
fi
cp "$WORK/glue.js" "$STAGE/$out_js"

# 6. The preloads, as Trunk writes them (post-build.sh reads them back for
#    embed.js's manifest: the glue is the first modulepreload after embed.js).
tags="<link rel=\"modulepreload\" href=\"$BASE$out_js\" crossorigin=\"anonymous\" integrity=\"$(sri "$STAGE/$out_js")\">"
if [ "$split" = 1 ]; then
  tags="$tags<link rel=\"modulepreload\" href=\"$BASE$out_loader\" crossorigin=\"anonymous\" integrity=\"$(sri "$STAGE/$out_loader")\">"
fi
tags="$tags<link rel=\"preload\" href=\"$BASE$out_wasm\" crossorigin=\"anonymous\" integrity=\"$(sri "$STAGE/$out_wasm")\" as=\"fetch\" type=\"application/wasm\">"
sed -i "s#</head>#$tags</head>#" "$HTML"
echo "build-wasm.sh: $out_wasm ($(stat -c %s "$STAGE/$out_wasm") bytes) and ${#parts[@]} part(s) (split: $split)"

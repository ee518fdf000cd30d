#!/usr/bin/env bash
# Run by Trunk's post-build hook (scripts/post-build.sh), after the teacher's page is
# added. In release builds it minifies the JS glue wasm-bindgen wrote for each page
# (Trunk's own minification leaves that file alone) with terser from tools/, and
# gives the pages' subresource-integrity attributes the minified files' hashes, so
# that browsers still check what they load. About 2 KB gzipped less per page
# (docs/size.md). Debug builds are left as they are.
set -euo pipefail
[ "$TRUNK_PROFILE" = release ] || exit 0
staging="$TRUNK_STAGING_DIR"
terser="$TRUNK_SOURCE_DIR/tools/node_modules/.bin/terser"
[ -x "$terser" ] || { echo "minify-glue: $terser is missing: run scripts/install-tools.sh" >&2; exit 1; }

# The integrity value Trunk writes: sha384, base64.
sri() {
  node -e 'const fs = require("fs"), crypto = require("crypto");
    process.stdout.write("sha384-" + crypto.createHash("sha384").update(fs.readFileSync(process.argv[1])).digest("base64"));' "$1"
}

shopt -s nullglob
for glue in "$staging"/*.js; do
  before=$(sri "$glue")
  grep -qF "$before" "$staging"/*.html || { echo "minify-glue: no page names $glue by its hash" >&2; exit 1; }
  # Only the module's local names are shortened: its exports, which the wasm imports
  # by name, and property names stay as they are.
  "$terser" "$glue" --module --compress --mangle --output "$glue.min"
  mv "$glue.min" "$glue"
  after=$(sri "$glue")
  for page in "$staging"/*.html; do
    sed -i "s|$before|$after|g" "$page"
  done
done

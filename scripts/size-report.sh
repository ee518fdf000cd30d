#!/usr/bin/env bash
# Prints the size of what a browser downloads on a first visit to a release dist/:
# each file raw and gzipped (gzip -9, as a static host would serve it), and the total.
set -euo pipefail
DIST="${1:-dist}"
[ -f "$DIST/index.html" ] || { echo "no $DIST/index.html: run trunk build --release first" >&2; exit 1; }
total_raw=0; total_gz=0
printf '%-44s %10s %10s\n' "file (first load)" "bytes" "gzipped"
# The bundled curricula count too: the app fetches the list and every file on it.
for file in "$DIST"/index.html "$DIST"/*.js "$DIST"/*.wasm "$DIST"/*.css "$DIST"/curricula/*.json; do
  [ -f "$file" ] || continue
  raw=$(wc -c <"$file"); gz=$(gzip -9 -c "$file" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-44s %10d %10d\n' "${file#"$DIST"/}" "$raw" "$gz"
done
printf '%-44s %10d %10d\n' "total" "$total_raw" "$total_gz"

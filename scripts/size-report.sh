#!/usr/bin/env bash
# Prints what a browser downloads on a first visit to each page of a release dist/:
# every file raw and gzipped (gzip -9, as a static host would serve it), and the total
# per page. A page's files are the ones its HTML names (script, wasm, style sheet,
# icon) and the bundled curricula, which the app fetches as it starts: the catalog
# and every file it lists. Last, the whole dist/ (both pages and the schema).
set -euo pipefail
DIST="${1:-dist}"
for page in index.html teacher.html; do
  [ -f "$DIST/$page" ] || { echo "no $DIST/$page: run trunk build --release first" >&2; exit 1; }
done

gz_size() { gzip -9 -c "$1" | wc -c; }

page_files() {
  echo "$1"
  grep -oE "(href=|from |module_or_path: )['\"]\./[^'\"]+" "$DIST/$1" | sed -E "s/.*['\"]\.\///" | sort -u
  echo curricula/index.json
  grep -oE '"file" *: *"[^"]+"' "$DIST/curricula/index.json" | sed -E 's/.*"([^"]+)"$/curricula\1/; s#^curricula#curricula/#'
}

for page in index.html teacher.html; do
  total_raw=0; total_gz=0
  printf '%-44s %10s %10s\n' "first visit to $page" "bytes" "gzipped"
  while read -r file; do
    path="$DIST/$file"
    [ -f "$path" ] || { echo "$page names $file, which is not in $DIST" >&2; exit 1; }
    raw=$(wc -c <"$path"); gz=$(gz_size "$path")
    total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
    printf '  %-42s %10d %10d\n' "$file" "$raw" "$gz"
  done < <(page_files "$page")
  printf '%-44s %10d %10d\n\n' "total for $page" "$total_raw" "$total_gz"
done

all_raw=0; all_gz=0
while read -r path; do
  all_raw=$((all_raw + $(wc -c <"$path"))); all_gz=$((all_gz + $(gz_size "$path")))
done < <(find "$DIST" -type f)
printf '%-44s %10d %10d\n' "whole dist/ ($(find "$DIST" -type f | wc -l) files)" "$all_raw" "$all_gz"

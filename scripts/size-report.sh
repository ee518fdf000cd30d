#!/usr/bin/env bash
# Prints what a browser downloads on a first visit to each page of a release dist/:
# every file raw and gzipped (gzip -9, as a static host would serve it), and the total
# per page. A page's files are the ones its HTML names (script, wasm, style sheet,
# icon), the catalog curricula/index.json, and the curricula the page fetches: the
# teacher's page every one; the student's page those the catalog lists by file name
# alone, and the first course a new student opens (the catalog's first entry); the
# others only when a student opens them. Last, the whole dist/ (both pages and the
# schema).
#
# Then each page's total is held against its budget in size-budget.txt (or the file
# named by SIZE_BUDGET): the script fails, naming the page, its figure and its budget,
# when a page is over, or when a page has no budget.
set -euo pipefail
DIST="${1:-dist}"
BUDGET_FILE="${SIZE_BUDGET:-$(dirname "$0")/../size-budget.txt}"
[ -r "$BUDGET_FILE" ] || { echo "no size budget file at $BUDGET_FILE" >&2; exit 1; }
for page in index.html teacher.html; do
  [ -f "$DIST/$page" ] || { echo "no $DIST/$page: run trunk build --release first" >&2; exit 1; }
done

gz_size() { gzip -9 -c "$1" | wc -c; }

# The curricula a page fetches on a first visit: "all", or "first-visit" (the
# student's page).
fetched_curricula() {
  node -e '
    const catalog = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    catalog.curricula.forEach((entry, index) => {
      if (process.argv[2] === "all" || !entry.id || index === 0) {
        console.log("curricula/" + entry.file);
      }
    });' "$DIST/curricula/index.json" "$1"
}

page_files() {
  echo "$1"
  # Attribute values may be quoted or not (a minified page leaves them bare).
  grep -oE "(href=|from |module_or_path: )['\"]?\./[^'\" >]+" "$DIST/$1" | sed -E "s/^[^.]*\.\///" | sort -u
  echo curricula/index.json
  if [ "$1" = teacher.html ]; then fetched_curricula all; else fetched_curricula first-visit; fi
}

budget_of() {
  awk -v page="$1" '$1 == page && $2 ~ /^[0-9]+$/ { print $2; found = 1; exit } END { if (!found) exit 1 }' \
    <(grep -v '^[[:space:]]*#' "$BUDGET_FILE")
}

over=()
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
  printf '%-44s %10d %10d\n' "total for $page" "$total_raw" "$total_gz"
  if ! budget=$(budget_of "$page"); then
    over+=("$page has no budget in $BUDGET_FILE")
  elif [ "$total_gz" -gt "$budget" ]; then
    over+=("$page: first visit $total_gz B gzipped is over its budget of $budget B ($BUDGET_FILE)")
    printf '%-44s %21d  OVER BUDGET\n\n' "budget for $page" "$budget"
  else
    printf '%-44s %21d  (%d B to spare)\n\n' "budget for $page" "$budget" "$((budget - total_gz))"
  fi
done

all_raw=0; all_gz=0
while read -r path; do
  all_raw=$((all_raw + $(wc -c <"$path"))); all_gz=$((all_gz + $(gz_size "$path")))
done < <(find "$DIST" -type f)
printf '%-44s %10d %10d\n' "whole dist/ ($(find "$DIST" -type f | wc -l) files)" "$all_raw" "$all_gz"

if [ ${#over[@]} -gt 0 ]; then
  echo >&2
  printf 'size budget: %s\n' "${over[@]}" >&2
  exit 1
fi

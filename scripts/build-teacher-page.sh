#!/usr/bin/env bash
# Run by Trunk's post-build hook (scripts/post-build.sh): builds the teacher's page, teacher.html with
# its own wasm, in release or debug as the student's build is (teacher.html names the
# release profile it is built with, tuned for speed), and adds it to the files
# Trunk is about to publish in dist/. `trunk build` and `trunk serve` both run it.
set -euo pipefail
source_dir="$TRUNK_SOURCE_DIR"
staging="$TRUNK_STAGING_DIR"
release=()
[ "$TRUNK_PROFILE" = release ] && release=(--release)
# The inner Trunk must not take the outer build's settings from the environment.
while read -r name; do unset "$name"; done < <(env | grep -o '^TRUNK_[A-Z_]*' || true)
out="$source_dir/target/teacher-dist"
trunk --config "$source_dir/Trunk.teacher.toml" build "${release[@]}" --dist "$out"
# Shared files (the style sheet, the icon) have the same hashed names in both builds.
cp -n "$out"/* "$staging"/

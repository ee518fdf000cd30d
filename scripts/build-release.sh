#!/usr/bin/env bash
# The release build of dist/ (`make dist`; `make test` and `make bench-browser` run it):
# `trunk build --release` on the stable compiler, with the options of Cargo.toml's
# release profiles (size for the student's page, speed for the teacher's).
#
# Stable only, and nothing taken from a warm cache: Trunk runs cargo offline, so any
# option that needs more than the project's own dependencies (rebuilding the standard
# library, for one) builds on the machine that made it and on no new one.
#
# The teacher's page is built by a Trunk run inside this one
# (scripts/build-teacher-page.sh).
set -euo pipefail
exec trunk build --release "$@"

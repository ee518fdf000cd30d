#!/usr/bin/env bash
# The release build of dist/ (`make dist`; `make test` and `make bench-browser` run it):
# `trunk build --release`, with the standard library rebuilt for size.
#
# Rust's prebuilt standard library carries the machinery to format and print a panic
# message, which a page can never show (on wasm32-unknown-unknown the message goes
# nowhere). Rebuilding the standard library from its source (the rust-src component,
# scripts/install-tools.sh) with panics that stop the program at once, and with its
# size-optimised code paths, makes the student's wasm about 16 KB smaller gzipped
# (docs/benchmarks.md). Those are unstable options of the stable compiler, allowed by
# RUSTC_BOOTSTRAP=1 in this build only; tests and `make serve` build without them.
# A panic in a release build still stops the page, as before, without a message.
#
# The settings reach both pages: the teacher's page is built by a Trunk run inside
# this one (scripts/build-teacher-page.sh), which inherits the environment.
set -euo pipefail
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
# Added to .cargo/config.toml's rustflags for the target, not replacing them.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
exec trunk build --release "$@"

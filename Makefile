# Masterly's two commands. Both install what they need first (scripts/install-tools.sh),
# skipping tools already present at the right version.
#
#   make serve   build and serve the app on http://127.0.0.1:8080
#   make test    every check CI runs, stopping at the first failure

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
# wasm-opt from npm's binaryen must come before any other on PATH (see toolchain notes).
export PATH := $(CURDIR)/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver

.PHONY: serve test tools tools-test lint test-native test-browser build test-e2e size dist

serve: tools
	trunk serve

test: tools-test lint test-native test-browser build test-e2e size

tools:
	scripts/install-tools.sh serve

tools-test:
	scripts/install-tools.sh test

lint:
	cargo fmt --check
	cargo clippy --all-targets --test e2e -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins --tests -- -D warnings

test-native:
	cargo test

test-browser:
	cargo test --target wasm32-unknown-unknown --test web

# The release build, the standard library rebuilt for size (scripts/build-release.sh).
build dist:
	scripts/build-release.sh

test-e2e:
	cargo test --test e2e

size:
	scripts/size-report.sh dist

# Benchmarks print figures and assert nothing about time; see docs/benchmarks.md.
.PHONY: bench bench-browser
# The engine twice, as each page ships it: the student's (release, tuned for size)
# and the teacher's (release-speed).
bench:
	@echo "== engine, release profile (the student's page)"
	cargo bench --bench engine
	@echo "== engine, release-speed profile (the teacher's page)"
	cargo bench --profile release-speed --bench engine

# The student's side in headless Chromium over the release build.
bench-browser: tools-test build
	cargo bench --bench browser

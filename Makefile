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

.PHONY: serve test tools tools-test lint test-native lint-content test-browser build test-e2e size dist

serve: tools
	trunk serve

test: tools-test lint test-native lint-content test-browser build test-e2e size

tools:
	scripts/install-tools.sh serve

tools-test:
	scripts/install-tools.sh test

# The shipped crates (masterly-core, masterly-text and masterly-web) are linted with the size
# rules of clippy.toml and no unwrap (docs/size.md); tests, benchmarks and the
# dev-only crates (test-kit, e2e) may sort with std as a reference or unwrap a
# fixture. The shell is linted for the browser only: it is never built natively.
TEST_LINT_ALLOWS := -A clippy::disallowed_methods -A clippy::disallowed_types \
	-A clippy::unwrap_used -A clippy::expect_used
NATIVE := --workspace --exclude masterly-web
WASM := --target wasm32-unknown-unknown

lint:
	cargo fmt --check
	cargo clippy -p masterly-core --lib -- -D warnings
	cargo clippy -p masterly-text --lib -- -D warnings
	cargo clippy $(NATIVE) --all-targets -- -D warnings $(TEST_LINT_ALLOWS)
	# The end-to-end tests are `test = false`, which --all-targets leaves out: named alone.
	cargo clippy -p masterly-e2e --test e2e -- -D warnings $(TEST_LINT_ALLOWS)
	cargo clippy $(WASM) -p masterly-core -p masterly-text -p masterly-web --lib --bins -- -D warnings
	cargo clippy $(WASM) -p masterly-web --tests -- -D warnings $(TEST_LINT_ALLOWS)

# Native tests never compile the shell (leptos, web-sys): it is tested in the browser.
test-native:
	cargo test $(NATIVE)

# The content linter (docs/curriculum-format.md, "Checking content"): the examples and
# the bundled curricula must have no finding but those their files mark as reviewed.
lint-content:
	cargo run -q -p masterly-tools --bin masterly-lint -- --quiet docs/examples/curriculum.json docs/examples/pictures.json curricula/demo.json curricula/fractions.json

test-browser:
	cargo test $(WASM) -p masterly-web --test web

# The release build on the stable compiler (scripts/build-release.sh).
build dist:
	scripts/build-release.sh

test-e2e:
	cargo test -p masterly-e2e --test e2e

# What each page downloads on a first visit, held against size-budget.txt; then the
# check itself is checked: with budgets of 1 byte it must fail and name both pages.
size:
	scripts/size-report.sh dist
	@printf 'index.html 1\nteacher.html 1\n' > target/size-budget-probe.txt
	@if out=$$(SIZE_BUDGET=target/size-budget-probe.txt scripts/size-report.sh dist 2>&1 >/dev/null); then \
	  echo "the size budget check passed budgets of 1 byte" >&2; exit 1; fi; \
	grep -q "index.html: first visit .* is over its budget of 1 B" <<<"$$out"; \
	grep -q "teacher.html: first visit .* is over its budget of 1 B" <<<"$$out"

# How often "Mastered" is true: simulated students through the real planner and
# replay, per setting and path (docs/mastery.md). Prints tables; asserts nothing.
.PHONY: validity
validity:
	cargo run --profile release-speed -p masterly-tools --bin masterly-validity -- --students 500

# Benchmarks print figures and assert nothing about time; see docs/benchmarks.md.
.PHONY: bench bench-browser
# The engine twice, as each page ships it: the student's (release, tuned for size)
# and the teacher's (release-speed).
bench:
	@echo "== engine, release profile (the student's page)"
	cargo bench -p masterly-core --bench engine
	@echo "== engine, release-speed profile (the teacher's page)"
	cargo bench -p masterly-core --profile release-speed --bench engine

# The student's side in headless Chromium over the release build.
bench-browser: tools-test build
	cargo bench -p masterly-e2e --bench browser

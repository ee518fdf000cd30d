#!/usr/bin/env bash
# Installs what Masterly's build and tests need, from the package registries only
# (crates.io, npm, Debian; the Rust toolchain's own parts through rustup), skipping every
# tool already present at the right version.
#
#   scripts/install-tools.sh serve   # wasm target, Trunk, wasm-bindgen CLI, wasm-opt
#   scripts/install-tools.sh test    # the same, plus Chromium, ChromeDriver and axe-core
#
# Versions are pinned here and nowhere else; crates/web/Cargo.toml pins wasm-bindgen to the same
# version because the CLI and the library must match exactly.
set -euo pipefail

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
MODE="${1:-serve}"

step() { printf '\n==> %s\n' "$*"; }
timed() {
  local start=$SECONDS
  "$@"
  printf '    (%ss)\n' "$((SECONDS - start))"
}

need() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "error: '$1' is not installed. $2" >&2
    exit 1
  fi
}

need cargo "Install Rust with rustup (https://rustup.rs), then run this again."
need rustup "Masterly needs rustup to add the wasm32-unknown-unknown target."
need npm "Install Node.js 18+ with npm (Debian: apt-get install nodejs npm)."

step "rustfmt and clippy"
for component in rustfmt clippy; do
  if rustup component list --installed | grep -q "^$component"; then
    echo "    $component already installed"
  else
    timed rustup component add "$component"
  fi
done

step "wasm32-unknown-unknown target"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "    already installed"
else
  timed rustup target add wasm32-unknown-unknown
fi

step "Trunk $TRUNK_VERSION"
if trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  echo "    already installed"
else
  # 0.22 needs a newer rustc than stable here; --locked keeps its tree reproducible.
  timed cargo install --locked trunk --version "$TRUNK_VERSION"
fi

step "wasm-bindgen CLI $WASM_BINDGEN_VERSION"
if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION" \
  && command -v wasm-bindgen-test-runner >/dev/null; then
  echo "    already installed"
else
  # No --locked: the CLI's lock file names a crate version the registry mirror lacks.
  timed cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

step "npm tools (binaryen's wasm-opt, terser$([ "$MODE" = test ] && echo ", axe-core"))"
# Debian's binaryen 108 breaks Leptos release builds at start-up; npm's 132 works.
# terser minifies the JS glue of release builds (scripts/minify-glue.sh).
# tools/package-lock.json pins every package; node_modules stays out of git.
if [ -x "$ROOT/tools/node_modules/.bin/wasm-opt" ] \
  && [ -x "$ROOT/tools/node_modules/.bin/terser" ] \
  && [ -f "$ROOT/tools/node_modules/axe-core/axe.min.js" ] \
  && cmp -s "$ROOT/tools/package-lock.json" "$ROOT/tools/node_modules/.package-lock.json.masterly"; then
  echo "    already installed"
else
  (cd "$ROOT/tools" && timed npm ci --no-audit --no-fund --loglevel=error)
  cp "$ROOT/tools/package-lock.json" "$ROOT/tools/node_modules/.package-lock.json.masterly"
fi

if [ "$MODE" = test ]; then
  step "Chromium and ChromeDriver (Debian packages)"
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    echo "    already installed"
  elif command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
      need sudo "Run as root, or install the Debian packages chromium and chromium-driver."
      SUDO=sudo
    fi
    timed $SUDO apt-get update -qq
    timed $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  else
    echo "error: no apt-get here. Install Chromium and a matching ChromeDriver with your" >&2
    echo "       package manager so that /usr/bin/chromium and /usr/bin/chromedriver exist" >&2
    echo "       (or set CHROMIUM and CHROMEDRIVER to their paths), then run this again." >&2
    if [ -z "${CHROMIUM:-}" ] || [ -z "${CHROMEDRIVER:-}" ]; then exit 1; fi
  fi
fi

step "tools ready"

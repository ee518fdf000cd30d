#!/usr/bin/env bash
# Run by Trunk's post-build hook (scripts/post-build.sh), last. In release builds it
# gives each page a Content-Security-Policy, so the browser itself holds the app to
# what the docs promise: scripts only from the app's own files (and the page's inline
# scripts, Trunk's start-up script and js/fault.js, by their hashes), requests only
# to the app's own origin, images only the app's own or data: URLs, no plugins, no forms sent anywhere. A static host
# needs no headers for it. Debug builds (`trunk serve`) are left without one: Trunk's
# live reload injects scripts of its own.
set -euo pipefail
[ "$TRUNK_PROFILE" = release ] || exit 0
shopt -s nullglob
for page in "$TRUNK_STAGING_DIR"/*.html; do
  node - "$page" <<'EOF'
const fs = require("fs"), crypto = require("crypto");
const page = process.argv[2];
let html = fs.readFileSync(page, "utf8");
// Inline scripts: Trunk's start-up module and the fault message's handler
// (js/fault.js), each allowed by the hash of its text.
const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)];
if (!inline.some(script => /type=["']?module/.test(script[0]))) {
  console.error(`content-policy: ${page} has no inline start-up script`);
  process.exit(1);
}
const hashes = inline
  .map(script => `'sha256-${crypto.createHash("sha256").update(script[1]).digest("base64")}'`)
  .join(" ");
const policy = [
  "default-src 'none'",
  // The JS glue, its wasm ('wasm-unsafe-eval' lets the page compile it) and the
  // inline scripts: the one that starts them and the fault handler.
  `script-src 'self' ${hashes} 'wasm-unsafe-eval'`,
  // The teacher's page reads files in a worker made from a blob: URL.
  "worker-src blob:",
  // Requests to the app's own files only; blob: lets the page read back a file it
  // offers for download.
  "connect-src 'self' blob:",
  "img-src 'self' data:",
  "style-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join("; ");
const meta = `<meta http-equiv=Content-Security-Policy content="${policy}">`;
// Right after the charset, before anything the policy governs.
const charset = html.match(/<meta charset=["']?utf-8["']?\s*\/?>/i);
if (!charset) {
  console.error(`content-policy: ${page} has no <meta charset=utf-8>`);
  process.exit(1);
}
const at = charset.index + charset[0].length;
html = html.slice(0, at) + meta + html.slice(at);
fs.writeFileSync(page, html);
EOF
done

#!/usr/bin/env bash
# Trunk's post-build hook (Trunk.toml), one script so that its steps run in order:
# the teacher's page is added to the build first, then (release builds only) every
# page's JS glue is minified, the bundled curricula are written without white space
# between tokens, and every page gets its content security policy.
set -euo pipefail
here="$(dirname "$0")"
"$here/build-teacher-page.sh"
"$here/minify-glue.sh"
"$here/compact-curricula.sh"
"$here/content-policy.sh"

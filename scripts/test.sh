#!/usr/bin/env bash
# The project's test command (README "Quick start"; .ci/run calls it too): installs what the
# tests need, then runs every test. On a fresh machine: the Python tools into .venv/ (about
# 2 minutes) and the Kubernetes test binaries from the Go module proxy (about 15 minutes, cached
# under ~/.cache afterwards).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/tools.sh
export PATH="$PWD/.venv/bin:$PATH"

# Go 1.26+ builds the test clusters; /usr/local/go is where the go.dev tarball installs it.
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
  export PATH="$PATH:/usr/local/go/bin"
fi
echo "== Kubernetes test binaries (testenv/kubernetes/build.sh)"
if ! testenv/kubernetes/build.sh >/dev/null; then
  echo "== FAILED: testenv/kubernetes/build.sh (see README \"Test clusters\")" >&2
  exit 1
fi

echo "== build and test"
mvn -B -ntp verify "$@"

#!/usr/bin/env bash
# Builds etcd, kube-apiserver and kube-controller-manager for the delivery tests from the Go
# module proxy, once: the binaries are cached under ~/.cache keyed by a hash of go.mod and
# go.sum. Prints the directory holding them. A cold build takes about 15 minutes on 2 cores.
#
#   build.sh           build when needed, print the bin directory
#   build.sh --check   print the bin directory when the binaries are cached, else exit 3 (no build)
set -euo pipefail
CHECK_ONLY=false
case "${1:-}" in
  --check) CHECK_ONLY=true ;;
  "") ;;
  *) echo "usage: build.sh [--check]" >&2; exit 2 ;;
esac
HERE="$(cd "$(dirname "$0")" && pwd)"
KEY=$(cat "$HERE/go.mod" "$HERE/go.sum" "$HERE/etcd/main.go" | sha256sum | cut -c1-16)
OUT="${RSET_TESTENV_CACHE:-$HOME/.cache/rset-testenv}/$KEY"
cached() {
  [ -x "$OUT/bin/kube-apiserver" ] && [ -x "$OUT/bin/kube-controller-manager" ] && [ -x "$OUT/bin/etcd" ]
}
if cached; then
  echo "$OUT/bin"
  exit 0
fi
if $CHECK_ONLY; then
  echo "build.sh: the Kubernetes test binaries are not built yet ($OUT/bin)" >&2
  exit 3
fi
command -v go >/dev/null || {
  echo "build.sh: 'go' is not on PATH. Go 1.26+ is needed to build the test clusters (apt's golang is too old);" >&2
  echo "build.sh: install it from https://go.dev/dl/ (e.g. to /usr/local/go) and add /usr/local/go/bin to PATH" >&2
  exit 1
}
# Never let the go command download a newer toolchain on its own: a too-old Go is an error here.
export GOTOOLCHAIN=local
GO_VERSION=$(go env GOVERSION)
case "$GO_VERSION" in
  go1.2[6-9]*|go1.[3-9][0-9]*) ;;
  *) echo "build.sh: $GO_VERSION is too old; Go 1.26+ is needed (see README \"Test clusters\")" >&2; exit 1 ;;
esac
mkdir -p "$OUT"
# A second build.sh (another test JVM, another terminal) waits for the first and reuses its result.
exec 9>"$OUT/.build.lock"
flock 9
if cached; then
  echo "$OUT/bin"
  exit 0
fi
TMP="$OUT/bin.partial"
rm -rf "$TMP"; mkdir -p "$TMP"
VERSION=v1.37.2
LDFLAGS=""
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  LDFLAGS="$LDFLAGS -X $pkg.gitVersion=$VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=37 -X $pkg.gitTreeState=clean"
done
cd "$HERE"
# One package at a time keeps the link's peak memory (about 3 GB) within a small machine.
export GOFLAGS="${GOFLAGS:--buildvcs=false}"
go build -trimpath -o "$TMP/etcd" ./etcd >&2
go build -trimpath -ldflags "$LDFLAGS" -o "$TMP/kube-apiserver" k8s.io/kubernetes/cmd/kube-apiserver >&2
go build -trimpath -ldflags "$LDFLAGS" -o "$TMP/kube-controller-manager" k8s.io/kubernetes/cmd/kube-controller-manager >&2
rm -rf "$OUT/bin"; mv "$TMP" "$OUT/bin"
echo "$OUT/bin"

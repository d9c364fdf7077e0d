#!/usr/bin/env bash
# Installs the Python tools the tests and checks use (scripts/tools.txt, pinned) into .venv/ of
# the project, with whatever python3 the machine has: a virtual environment needs no system-wide
# pip install, which Debian's Python refuses (externally-managed-environment). Idempotent: when
# .venv already holds exactly tools.txt's set, it returns at once. Prints nothing then.
#   scripts/tools.sh           install or check
#   .venv/bin/moto_server ...  the tests find it there (MotoServer.java), CI adds .venv/bin to PATH
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VENV="$ROOT/.venv"
REQS="$ROOT/scripts/tools.txt"
STAMP="$VENV/.tools-installed"

if [ -f "$STAMP" ] && cmp -s "$REQS" "$STAMP" && [ -x "$VENV/bin/moto_server" ] && [ -x "$VENV/bin/sam" ] \
    && [ -x "$VENV/bin/cfn-lint" ]; then
  exit 0
fi

PYTHON="${PYTHON:-$(command -v python3 || true)}"
if [ -z "$PYTHON" ]; then
  echo "scripts/tools.sh: python3 is needed (Debian/Ubuntu: apt-get install python3 python3-venv)" >&2
  exit 1
fi

# Debian splits venv's pip bootstrap (ensurepip) into python3-venv.
if ! "$PYTHON" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing python3-venv"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
  else
    echo "scripts/tools.sh: $PYTHON cannot create virtual environments; install python3-venv" \
      "(sudo apt-get install python3-venv) and run this again" >&2
    exit 1
  fi
fi

if [ ! -x "$VENV/bin/python" ]; then
  echo "== creating $VENV"
  "$PYTHON" -m venv "$VENV"
fi
echo "== installing $(grep -v '^#' "$REQS" | xargs) into .venv"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$REQS"
cp "$REQS" "$STAMP"

#!/usr/bin/env bash
# Started by start.sh when RSET_TESTENV_OWNER_PID is set: waits for the owner (a test JVM) to exit,
# however it exits (a JVM killed with SIGKILL runs no shutdown hook), then stops the clusters.
#   watchdog.sh STATE_DIR OWNER_PID OWNER_START_TIME
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/lib.sh"
STATE="$1" OWNER_PID="$2" OWNER_START="$3"
while [ "$(process_start_time "$OWNER_PID" 2>/dev/null)" = "$OWNER_START" ]; do
  sleep 1
done
echo "$(date -u +%FT%TZ) owner $OWNER_PID exited; stopping the clusters"
RSET_TESTENV_STATE="$STATE" exec "$HERE/stop.sh"

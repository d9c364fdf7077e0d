#!/usr/bin/env bash
# Stops test clusters started by start.sh, by the pids it recorded; data and ports are kept, so
# start.sh brings them back as they were.
#   stop.sh        stop everything: both clusters, etcd and the watchdog
#   stop.sh C...   stop cluster C's kube-apiserver and kube-controller-manager only
# Environment: RSET_TESTENV_STATE as for start.sh.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/lib.sh"

[ -d "$STATE" ] || exit 0
resolve_state
targets=("$@")
for c in "${targets[@]}"; do
  [[ " ${CLUSTERS[*]} " == *" $c "* ]] || die "unknown cluster '$c' (clusters: ${CLUSTERS[*]})"
done
everything=false
if [ ${#targets[@]} -eq 0 ]; then
  everything=true
  targets=("${CLUSTERS[@]}")
fi

lock_state
for c in "${targets[@]}"; do
  stop_process "$c-controller-manager"
  stop_process "$c-apiserver"
done
if $everything; then
  stop_process etcd
  # When the watchdog itself runs this script (it execs it), it ends by exiting.
  [ "$(pid_of watchdog)" = "$$" ] || stop_process watchdog
  rm -f "$STATE/run/watchdog.pid" "$STATE/run/owner"
fi

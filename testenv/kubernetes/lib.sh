# Shared by start.sh, stop.sh and watchdog.sh (sourced, not run).
#
# State directory layout (one directory = one set of test clusters):
#   pki/               CA, serving certificate for 127.0.0.1/localhost, service-account key pair
#   ports/NAME         the loopback port chosen once for etcd-client, etcd-peer and each cluster
#   etcd/              etcd's data (kept across restarts of a cluster)
#   C/                 per cluster C: server, ca.crt, admin.token, kubeconfig (what tests read),
#                      tokens.csv and controller-manager.kubeconfig (what the processes read)
#   run/NAME.pid       pid of each process this directory started
#   logs/NAME.log      its output
CLUSTERS=(a b)
STATE="${RSET_TESTENV_STATE:-/tmp/rset-testclusters-$(id -u)}"
STOP_GRACE_SECONDS=15

# The state directory as an absolute path without symlinks: processes are recognised by it.
resolve_state() {
  STATE="$(cd "$STATE" && pwd -P)"
}

die() {
  echo "${0##*/}: $*" >&2
  exit 1
}

# Serialises start.sh and stop.sh on one state directory. Every process started while holding the
# lock must close fd 8 (8>&-), or it would keep the lock after the script exits.
lock_state() {
  mkdir -p "$STATE"
  exec 8>"$STATE/.lock"
  flock 8
}

pid_of() {
  cat "$STATE/run/$1.pid" 2>/dev/null || true
}

# True when NAME's recorded pid is alive and is still the process this state directory started:
# every such process has the state directory on its command line, so a reused pid does not count.
is_running() {
  local pid
  pid=$(pid_of "$1")
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' '\n' <"/proc/$pid/cmdline" | grep -qF -- "$STATE/"
}

# Stops NAME by its recorded pid: SIGTERM, then SIGKILL after STOP_GRACE_SECONDS.
stop_process() {
  local name=$1 pid i
  if is_running "$name"; then
    pid=$(pid_of "$name")
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < STOP_GRACE_SECONDS * 10; i++)); do
      is_running "$name" || break
      sleep 0.1
    done
    if is_running "$name"; then
      echo "${0##*/}: $name (pid $pid) ignored SIGTERM for ${STOP_GRACE_SECONDS}s, killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
      while is_running "$name"; do sleep 0.1; done
    fi
  fi
  rm -f "$STATE/run/$name.pid"
}

# The start time of a process in clock ticks since boot (field 22 of /proc/PID/stat), which
# tells a process apart from a later one that got the same pid.
process_start_time() {
  [ -r "/proc/$1/stat" ] || return 1
  sed 's/^.*) //' "/proc/$1/stat" | cut -d' ' -f20
}

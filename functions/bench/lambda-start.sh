#!/usr/bin/env bash
# Lambda jars: size, and per function JVM start -> first handled event (min/median of RUNS fresh
# JVMs), run the way the Java runtime runs a function: the shaded jar alone on the class path, the
# handler class instantiated by name with its no-argument constructor, handleRequest called with a
# representative event, configuration from the environment, backends local (moto_server for AWS,
# a kube-apiserver of the test clusters for the reconciler). Then the same with an AppCDS archive
# made by one training run (-XX:ArchiveClassesAtExit). The time is measured inside the JVM, from
# the start the OS recorded for the process to the handler's answer (functions/bench/lambda-start/).
#
#   lambda-start.sh            every function, figures
#   lambda-start.sh --check    one run per function on its jar, no figures: fails when a jar lacks a
#                              class its handler loads (the thin webhook jar's keep-list), a
#                              handler does not answer, or SLF4J warns that it has no binding; also
#                              walks the webhook's other paths (with its SnapStart priming) and the
#                              API's cluster probe
#   FUNCTIONS="webhook api"    a subset;  RUNS=5  fresh JVMs per measurement
#   JAVA=/path/to/bin/java     another JDK (an archive is only valid for the JDK that wrote it)
#   JAVA_OPTS="..."            flags of every measured JVM (default: template.yaml's JAVA_TOOL_OPTIONS)
#   RSET_TESTENV_STATE=DIR     test clusters already started there (else started in a temp dir)
#   JARS=DIR                   the jars from DIR/rset-<function>-lambda.jar (e.g. a copy of an earlier
#                              build, to interleave before/after runs on a shared machine)
# The machine may be shared: the load average is printed before and after; read the figures as
# indications, the CPU time as the steadier one.
# Needs: the jars (mvn -B -DskipTests package), moto_server on PATH, a JDK (javac), the test
# cluster binaries (testenv/kubernetes/build.sh) for the reconciler.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
RUNS=${RUNS:-5}
JAVA=${JAVA:-java}
JAVAC=${JAVAC:-$(dirname "$(readlink -f "$(command -v "$JAVA")")")/javac}
# template.yaml's JAVA_TOOL_OPTIONS. SerialGC is also what the JVM picks by itself in a function of
# under 1,792 MB; on this machine (more memory, 2 CPUs) it would pick G1.
JAVA_OPTS=${JAVA_OPTS:--XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}
FUNCTIONS=${FUNCTIONS:-webhook api dispatcher scheduler reconciler}
CHECK=false
[ "${1:-}" = --check ] && { CHECK=true; RUNS=1; }
J=functions

jar_of() { if [ -n "${JARS:-}" ]; then echo "$JARS/rset-$1-lambda.jar"; else echo "$J/$1/target/rset-$1-lambda.jar"; fi; }
for f in webhook api dispatcher scheduler reconciler; do
  jar=$(jar_of "$f")
  [ -f "$jar" ] || { echo "$jar is missing: run 'mvn -B -DskipTests package' first" >&2; exit 1; }
  $CHECK || printf '%-11s jar %6.2f MB (%d bytes)\n' "$f" "$(echo "$(stat -c %s "$jar") / 1000000" | bc -l)" "$(stat -c %s "$jar")"
done
$CHECK || echo "load before: $(uptime)"

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
moto_server -H 127.0.0.1 -p "$PORT" >"$WORK/moto.log" 2>&1 &
MOTO=$!
STARTED_CLUSTERS=false
cleanup() {
  kill "$MOTO" 2>/dev/null || true
  # Clusters started here are stopped before their state directory goes (stop.sh needs it).
  if $STARTED_CLUSTERS; then testenv/kubernetes/stop.sh >/dev/null 2>&1 || true; fi
  [ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"
}
trap cleanup EXIT

# The reconciler applies to a real API server, the API probes it: the test clusters' cluster "a".
if [[ " $FUNCTIONS " == *" reconciler "* || " $FUNCTIONS " == *" api "* ]]; then
  if [ -z "${RSET_TESTENV_STATE:-}" ]; then
    export RSET_TESTENV_STATE="$WORK/clusters" RSET_TESTENV_OWNER_PID=$$
    STARTED_CLUSTERS=true
  fi
  testenv/kubernetes/start.sh >"$WORK/clusters.log" 2>&1 || { cat "$WORK/clusters.log" >&2; exit 1; }
  KUBECONFIG_FILE="$RSET_TESTENV_STATE/a/kubeconfig"
else
  # Setup registers a cluster either way; without the reconciler and the API nothing connects to it.
  KUBECONFIG_FILE="$WORK/kubeconfig"
  printf 'apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: https://127.0.0.1:1\n' \
    >"$KUBECONFIG_FILE"
  printf 'contexts:\n- name: c\n  context: {cluster: c, user: u}\ncurrent-context: c\nusers:\n- name: u\n  user: {token: t}\n' \
    >>"$KUBECONFIG_FILE"
fi
for _ in $(seq 120); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.5; done

ALL=$(for f in webhook api dispatcher scheduler reconciler; do printf '%s:' "$(jar_of "$f")"; done)
"$JAVAC" -d "$WORK/cls" -cp "$ALL" functions/bench/lambda-start/*.java
jar cf "$WORK/lambda-start.jar" -C "$WORK/cls" . # CDS archives only jars, not directories

export CLK_TCK; CLK_TCK=$(getconf CLK_TCK) # Start.sinceStart reads the process start in clock ticks
export AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
export RSET_AWS_ENDPOINT="http://127.0.0.1:$PORT" RSET_TABLE=rset-lambda-start RSET_EVENT_BUS=rset-lambda-start
export RSET_ALLOW_LOOPBACK_CLUSTERS=true
TICKS=$((2 * RUNS + 4))
"$JAVA" -cp "$(jar_of api):$(jar_of dispatcher):$WORK/lambda-start.jar" Setup "$KUBECONFIG_FILE" \
  rset-lambda-start-tick "$TICKS" >"$WORK/setup.out" 2>"$WORK/setup.err" \
  || { cat "$WORK/setup.err" >&2; exit 1; }
export "$(grep '^RSET_PAIR_QUEUE_URL=' "$WORK/setup.out")"

main_of() { case $1 in webhook) echo WebhookStart;; api) echo ApiStart;; dispatcher) echo DispatcherStart;;
  scheduler) echo SchedulerStart;; reconciler) echo ReconcilerStart;; esac; }
# One fresh JVM running function $1's handler, run number $2, extra JVM flags after.
run_one() {
  local f=$1 n=$2; shift 2
  local envs=()
  [ "$f" = scheduler ] && envs=(RSET_TABLE=rset-lambda-start-tick RSET_TICK_MAX_ITEMS=1)
  # shellcheck disable=SC2086
  env "${envs[@]}" "$JAVA" $JAVA_OPTS "$@" -cp "$(jar_of "$f"):$WORK/lambda-start.jar" "$(main_of "$f")" $n
}

if $CHECK; then
  export AWS_LAMBDA_INITIALIZATION_TYPE=snap-start # the webhook primes itself as before a snapshot
  for f in $FUNCTIONS; do
    args=1; [ "$f" = webhook ] || [ "$f" = api ] && args="paths 1"
    if ! out=$(run_one "$f" "$args" 2>"$WORK/$f.err"); then
      echo "lambda-start --check: $f's handler failed on $(jar_of "$f") alone:" >&2
      grep -m5 -E 'Exception|Error|Caused by' "$WORK/$f.err" >&2 || tail -n 20 "$WORK/$f.err" >&2
      exit 1
    fi
    if grep -q 'SLF4J' "$WORK/$f.err"; then
      echo "lambda-start --check: $f printed SLF4J's warnings (no binding in $(jar_of "$f")):" >&2
      grep -m3 'SLF4J' "$WORK/$f.err" >&2
      exit 1
    fi
    echo "$out" | sed 's/ after_ms=.*//'
  done
  exit 0
fi

run=100
measure() { # function, label, extra JVM flags...
  local f=$1 label=$2; shift 2
  : >"$WORK/times"
  for _ in $(seq "$RUNS"); do
    run=$((run + 1))
    run_one "$f" $run "$@" 2>>"$WORK/$f.err" | sed -n 's/.*after_ms=\([0-9]*\) cpu_ms=\([0-9]*\) init_ms=\([0-9]*\).*/\1 \2 \3/p' >>"$WORK/times"
  done
  local n; n=$(wc -l <"$WORK/times")
  [ "$n" -eq "$RUNS" ] || { echo "$label: only $n of $RUNS runs answered" >&2; tail -n 30 "$WORK/$f.err" >&2; return 1; }
  local m=$(( (RUNS + 1) / 2 ))
  local w c
  w=$(cut -d' ' -f1 "$WORK/times" | sort -n | awk -v m=$m 'NR==1{a=$1} NR==m{b=$1} END{print a " / " b}')
  c=$(cut -d' ' -f2 "$WORK/times" | sort -n | awk -v m=$m 'NR==1{a=$1} NR==m{b=$1} END{print a " / " b}')
  i=$(cut -d' ' -f3 "$WORK/times" | sort -n | awk -v m=$m 'NR==m{print $1}')
  printf '%-20s JVM start -> first handled event min/median %11s ms (handler built at %5s); CPU %11s ms; %d runs, load %s\n' \
    "$label" "$w" "$i" "$c" "$RUNS" "$(cut -d' ' -f1 /proc/loadavg)"
}
for f in $FUNCTIONS; do
  measure "$f" "$f"
  run=$((run + 1))
  run_one "$f" $run -XX:ArchiveClassesAtExit="$WORK/$f.jsa" >/dev/null 2>>"$WORK/$f.err"
  measure "$f" "$f + AppCDS" -XX:SharedArchiveFile="$WORK/$f.jsa" -Xshare:auto
done
echo "java: $("$JAVA" -version 2>&1 | head -1); flags: $JAVA_OPTS; load after: $(uptime)"

#!/usr/bin/env bash
# Lambda jars: size, and JVM start -> first handled event (min/median of RUNS fresh JVMs), run the
# way the Java runtime loads a function: the shaded jar alone on the class path, configuration from
# the environment, backends on a local moto_server. Then the same with an AppCDS archive made by
# one training run (-XX:ArchiveClassesAtExit). The time is measured inside the JVM, from the start
# the OS recorded for the process to the handler's answer (LambdaStart prints it). The machine
# may be shared: the load average is printed before and after; read the figures as indications.
# Needs: the jars (mvn -B -DskipTests package), moto_server on PATH, a JDK (javac).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-5}
J=functions
for f in webhook api dispatcher reconciler; do
  jar=$J/$f/target/rset-$f-lambda.jar
  [ "$f" = webhook ] && jar=${WEBHOOK_JAR:-$jar} # WEBHOOK_JAR: compare another build of the webhook
  [ -f "$jar" ] || { echo "$jar is missing: run 'mvn -B -DskipTests package' first" >&2; exit 1; }
  printf '%-11s jar %6.2f MB (%d bytes)\n' "$f" "$(echo "$(stat -c %s "$jar") / 1000000" | bc -l)" "$(stat -c %s "$jar")"
done
echo "load before: $(uptime)"

WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
moto_server -H 127.0.0.1 -p "$PORT" >"$WORK/moto.log" 2>&1 &
MOTO=$!
trap 'kill $MOTO 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 120); do curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break; sleep 0.5; done

WEBHOOK=${WEBHOOK_JAR:-$J/webhook/target/rset-webhook-lambda.jar}
FULL=$J/dispatcher/target/rset-dispatcher-lambda.jar # has the full clients the seeding needs
javac -d "$WORK/cls" -cp "$WEBHOOK:$FULL" functions/bench/lambda-start/LambdaStart.java
jar cf "$WORK/lambda-start.jar" -C "$WORK/cls" . # CDS archives only jars, not directories
export AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
export RSET_AWS_ENDPOINT="http://127.0.0.1:$PORT" RSET_TABLE=rset-lambda-start RSET_EVENT_BUS=rset-lambda-start
java -cp "$FULL:$WORK/lambda-start.jar" LambdaStart setup "$RSET_AWS_ENDPOINT" 2>/dev/null
# The thin jar must still answer on the paths one delivery does not take.
java -cp "$WEBHOOK:$WORK/lambda-start.jar" LambdaStart webhook-paths 1 2>/dev/null

run=100
measure() { # label, extra JVM flags...
  local label=$1; shift
  : >"$WORK/times"
  for _ in $(seq "$RUNS"); do
    run=$((run + 1))
    java "$@" -cp "$WEBHOOK:$WORK/lambda-start.jar" LambdaStart webhook $run 2>/dev/null \
      | sed -n 's/.*after_ms=\([0-9]*\) cpu_ms=\([0-9]*\).*/\1 \2/p' >>"$WORK/times"
  done
  local n; n=$(wc -l <"$WORK/times")
  [ "$n" -eq "$RUNS" ] || { echo "$label: only $n of $RUNS runs answered" >&2; return 1; }
  local m=$(( (RUNS + 1) / 2 ))
  local w c
  w=$(cut -d' ' -f1 "$WORK/times" | sort -n | awk -v m=$m 'NR==1{a=$1} NR==m{b=$1} END{print "min " a " ms, median " b " ms"}')
  c=$(cut -d' ' -f2 "$WORK/times" | sort -n | awk -v m=$m 'NR==1{a=$1} NR==m{b=$1} END{print "min " a " ms, median " b " ms"}')
  printf '%-18s JVM start -> first handled event: %s; CPU %s (%d runs)\n' "$label" "$w" "$c" "$RUNS"
}
measure "webhook" -XX:TieredStopAtLevel=1
java -XX:ArchiveClassesAtExit="$WORK/webhook.jsa" -XX:TieredStopAtLevel=1 -cp "$WEBHOOK:$WORK/lambda-start.jar" \
  LambdaStart webhook 99 >/dev/null 2>&1
measure "webhook + AppCDS" -XX:SharedArchiveFile="$WORK/webhook.jsa" -XX:TieredStopAtLevel=1
for f in api dispatcher reconciler; do
  printf '%-18s not measured: LambdaStart has no event for it yet\n' "$f"
done
echo "java: $(java -version 2>&1 | head -1); load after: $(uptime)"

#!/usr/bin/env bash
# Wall time of `rset build resourceset` on a small file, JVM start included (goal: under 1 s).
# Uses hyperfine when installed, else times N runs with bash's own clock.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=functions/cli/target/rset.jar
FILE=${1:-examples/per-tenant/resourceset.yaml}
RUNS=${RUNS:-10}
[ -f "$JAR" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 1; }
CMD="java -jar $JAR build resourceset -f $FILE"
if command -v hyperfine >/dev/null 2>&1; then
  exec hyperfine --warmup 2 --runs "$RUNS" "$CMD"
fi
$CMD >/dev/null # warm the page cache
times=()
for _ in $(seq "$RUNS"); do
  start=$(date +%s%N)
  $CMD >/dev/null
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
printf '%s\n' "${times[@]}" | sort -n | awk -v n="$RUNS" '{a[NR]=$1; s+=$1} END {
  printf "rset build, %d runs: mean %.0f ms, median %d ms, max %d ms\n", n, s/n, a[int((n+1)/2)], a[n] }'

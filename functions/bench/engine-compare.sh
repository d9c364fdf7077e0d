#!/usr/bin/env bash
# Whole-process figures of `rset build resourceset` on the three workloads of issue #12, each run
# a cold JVM through the launcher: min and median wall time, median CPU (user+sys) and the highest
# peak RSS of RUNS runs, one line per workload. Also the 10k build minus a 1-input build of the
# same ResourceSet (the cost of the 9,999 other input sets). With FLUX_OPERATOR_CLI set to a
# flux-operator binary, the same files go through `flux-operator build resourceset -f`, the two
# commands interleaved run by run so that a change in the machine's load hits both alike, and
# each line ends with the ratio of the median walls (theirs / ours: above 1, rset is faster).
#
#   functions/bench/engine-compare.sh                  # RUNS=5, bin/rset
#   RUNS=10 RSET="java -jar functions/cli/target/rset.jar" functions/bench/engine-compare.sh
#   FLUX_OPERATOR_CLI=/path/to/flux-operator functions/bench/engine-compare.sh
#   FLUX_OPERATOR_CLI=/path/to/old-rset OTHER_NAME=before functions/bench/engine-compare.sh
#
# Any command taking `build resourceset -f FILE` can stand in for the Flux Operator CLI (an older
# build of rset, for before/after figures); OTHER_NAME labels it.
#
# Files: examples/per-tenant/resourceset.yaml and, from BENCH_DIR (default ../shared/bench),
# tenants-1k-template.yaml and podinfo-10k.yaml. Needs GNU time (/usr/bin/time). Start with
# `uptime`: figures taken on a loaded machine say little about the wall time.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${RUNS:-5}
RSET=${RSET:-bin/rset}
BENCH_DIR=${BENCH_DIR:-../shared/bench}
FLUX=${FLUX_OPERATOR_CLI:-}
OTHER=${OTHER_NAME:-flux-operator}
[ -x /usr/bin/time ] || { echo "engine-compare: needs GNU time at /usr/bin/time" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The 10k file cut down to its first input set: the fixed cost of that ResourceSet's build.
one_input() {
  awk '
    /^  inputs:/ { inputs = 1; print; next }
    inputs && /^  [^ -]/ { inputs = 0 }
    inputs && /^  - / { items++ }
    !inputs || items <= 1 { print }
  ' "$1"
}
one_input "$BENCH_DIR/podinfo-10k.yaml" >"$work/podinfo-1.yaml"

workloads=(
  "small examples/per-tenant/resourceset.yaml"
  "1k-template $BENCH_DIR/tenants-1k-template.yaml"
  "10k $BENCH_DIR/podinfo-10k.yaml"
  "10k-1input $work/podinfo-1.yaml"
)
for w in "${workloads[@]}"; do
  f=${w#* }
  [ -f "$f" ] || { echo "engine-compare: missing $f" >&2; exit 1; }
done

# One cold run: "wall cpu rss_kib" of `$1... build resourceset -f FILE`, output discarded.
run_once() {
  local file=$1; shift
  local tf="$work/time"
  if ! /usr/bin/time -o "$tf" -f '%e %U %S %M' "$@" build resourceset -f "$file" >/dev/null 2>"$work/err"; then
    echo "engine-compare: '$* build resourceset -f $file' failed:" >&2
    cat "$work/err" >&2
    exit 1
  fi
  awk '{ printf "%.3f %.3f %d\n", $1, $2 + $3, $4 }' "$tf"
}

# Column $2 of the lines "wall cpu rss" in file $1, sorted: its first, middle or last value.
stat() {
  sort -n -k"$2,$2" "$1" | awk -v c="$2" -v which="$3" '{ v[NR] = $c } END {
    if (which == "min") print v[1]; else if (which == "max") print v[NR];
    else print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# "min median cpu_median rss_max" of file $1.
summary() {
  echo "$(stat "$1" 1 min) $(stat "$1" 1 median) $(stat "$1" 2 median) $(stat "$1" 3 max)"
}

read -r -a rset_cmd <<<"$RSET"
flux_cmd=()
[ -n "$FLUX" ] && flux_cmd=("$FLUX")

echo "# $(date -u +%FT%TZ) $(uptime | sed 's/.*load/load/') runs=$RUNS rset='$RSET'${FLUX:+ $OTHER='$FLUX'}"
# Warm the page cache (jar, archive, files); not counted.
for w in "${workloads[@]}"; do
  run_once "${w#* }" "${rset_cmd[@]}" >/dev/null
  [ -z "$FLUX" ] || run_once "${w#* }" "${flux_cmd[@]}" >/dev/null
done

declare -A med
for w in "${workloads[@]}"; do
  name=${w%% *} file=${w#* }
  : >"$work/rset.$name"
  : >"$work/flux.$name"
  for _ in $(seq "$RUNS"); do
    run_once "$file" "${rset_cmd[@]}" >>"$work/rset.$name"
    [ -z "$FLUX" ] || run_once "$file" "${flux_cmd[@]}" >>"$work/flux.$name"
  done
  read -r min median cpu rss < <(summary "$work/rset.$name")
  med[$name]=$median
  line=$(printf '%-12s rset: min %6.3f s  median %6.3f s  cpu %6.3f s  rss %4d MiB' \
    "$name" "$min" "$median" "$cpu" $((rss / 1024)))
  if [ -n "$FLUX" ]; then
    read -r fmin fmedian fcpu frss < <(summary "$work/flux.$name")
    line+=$(printf "  | %s: min %6.3f s  median %6.3f s  cpu %6.3f s  rss %4d MiB  | ratio %.2fx" "$OTHER" \
      "$fmin" "$fmedian" "$fcpu" $((frss / 1024)) "$(awk -v a="$fmedian" -v b="$median" 'BEGIN { print a / b }')")
  fi
  echo "$line"
done
printf '10k minus 1-input build (median walls): %.3f s\n' \
  "$(awk -v a="${med[10k]}" -v b="${med[10k-1input]}" 'BEGIN { print a - b }')"

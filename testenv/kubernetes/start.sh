#!/usr/bin/env bash
# Starts the Kubernetes test clusters on loopback: one etcd, and per cluster (a, b) a
# kube-apiserver with its own etcd prefix and port plus a kube-controller-manager. Idempotent:
# what runs is left alone, what is missing is started again with the same ports and data, so a
# test can stop cluster b (stop.sh b) and start it again. Returns once every cluster is ready.
#
# Environment:
#   RSET_TESTENV_STATE        state directory (default /tmp/rset-testclusters-$UID); see lib.sh
#   RSET_TESTENV_BIN          directory holding etcd, kube-apiserver, kube-controller-manager
#                             (default: what build.sh prints, building them when needed)
#   RSET_TESTENV_OWNER_PID    stop everything once this process has exited (test JVMs set it)
#   RSET_TESTENV_TIMEOUT      seconds to wait for each component (default 180)
#   RSET_TESTENV_CONTROLLERS  kube-controller-manager's --controllers
#
# Per cluster C it writes C/server (https://127.0.0.1:PORT), C/ca.crt, C/admin.token (a member of
# system:masters) and C/kubeconfig (self-contained: token and CA inline).
set -euo pipefail
umask 077
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/lib.sh"

BIN="${RSET_TESTENV_BIN:-$("$HERE/build.sh")}"
TIMEOUT="${RSET_TESTENV_TIMEOUT:-180}"
# The namespace controller empties and removes deleted namespaces, the garbage collector serves
# ownerReferences and foreground deletion, the service-account controller creates each
# namespace's "default" ServiceAccount (pods cannot be created without it).
CONTROLLERS="${RSET_TESTENV_CONTROLLERS:-namespace-controller,garbage-collector-controller,serviceaccount-controller}"
for tool in openssl curl ss flock setsid base64; do
  command -v "$tool" >/dev/null || die "'$tool' is needed (packages openssl, curl, iproute2, util-linux, coreutils)"
done
for tool in etcd kube-apiserver kube-controller-manager; do
  [ -x "$BIN/$tool" ] || die "$BIN/$tool is missing; run $HERE/build.sh"
done

mkdir -p "$STATE"
resolve_state
lock_state
mkdir -p "$STATE/run" "$STATE/logs" "$STATE/ports"
trap 'echo "start.sh: failed at line $LINENO; logs in $STATE/logs" >&2' ERR

# Each runs in its own session with its output in logs/, so neither the caller's terminal signals
# nor its pipes tie it to this script; stop.sh and the watchdog end it by pid.
launch() { # NAME COMMAND...
  local name=$1
  shift
  echo "=== $(date -u +%FT%TZ) starting" >>"$STATE/logs/$name.log"
  setsid "$@" </dev/null >>"$STATE/logs/$name.log" 2>&1 8>&- &
  local pid=$! i
  echo "$pid" >"$STATE/run/$name.pid"
  # Until the forked shell has exec'd the command, its command line is this script's, and
  # is_running (which looks for the state directory in it) would call the process gone: on a
  # loaded machine await() then gave up on an apiserver that had not started yet.
  for ((i = 0; i < 500; i++)); do
    [ -r "/proc/$pid/cmdline" ] || break
    tr '\0' '\n' <"/proc/$pid/cmdline" | grep -qF -- "$STATE/" && break
    sleep 0.01
  done
}

# Waits until CHECK succeeds, failing early with the log's tail when NAME's process has exited.
await() { # NAME WHAT CHECK...
  local name=$1 what=$2 deadline=$((SECONDS + TIMEOUT))
  shift 2
  until "$@" >/dev/null 2>&1; do
    if ! is_running "$name"; then
      tail -n 30 "$STATE/logs/$name.log" >&2 || true
      die "$name exited before $what; log: $STATE/logs/$name.log"
    fi
    ((SECONDS < deadline)) || die "$name: no $what within ${TIMEOUT}s; log: $STATE/logs/$name.log"
    sleep 0.2
  done
}

# The token goes to curl through a pipe, not its command line, which any local user can read.
api_get() { # CLUSTER PATH
  curl -sf --max-time 5 --cacert "$STATE/$1/ca.crt" -H @<(printf 'Authorization: Bearer %s\n' "$(<"$STATE/$1/admin.token")") \
    "$(<"$STATE/$1/server")$2"
}

# --- watchdog ----------------------------------------------------------------------------------
# Started before any other process, so whatever this script starts is stopped with its owner, even
# when the script fails half-way.
if [ -n "${RSET_TESTENV_OWNER_PID:-}" ]; then
  owner="$RSET_TESTENV_OWNER_PID:$(process_start_time "$RSET_TESTENV_OWNER_PID" || die "owner pid $RSET_TESTENV_OWNER_PID does not exist")"
  if ! is_running watchdog || [ "$(cat "$STATE/run/owner" 2>/dev/null)" != "$owner" ]; then
    stop_process watchdog
    echo "$owner" >"$STATE/run/owner"
    launch watchdog bash "$HERE/watchdog.sh" "$STATE/" "${owner%%:*}" "${owner#*:}"
  fi
fi

# --- ports -------------------------------------------------------------------------------------
# A port is chosen once per state directory and kept. Candidates lie below the kernel's ephemeral
# range, so outgoing connections do not take them, and nothing may listen on them. Each chosen
# port is claimed in a per-user registry by an atomic rename, so two state directories set up at
# the same moment (two test JVMs) never pick the same one; a claim whose state directory is gone
# is stale and released.
PORT_REGISTRY="${TMPDIR:-/tmp}/rset-testenv-ports-$(id -u)"

release_stale_claims() {
  local claim owner
  for claim in "$PORT_REGISTRY"/[0-9]*; do
    [ -d "$claim" ] || continue
    owner=$(cat "$claim/owner" 2>/dev/null || true)
    [ -d "$owner" ] && continue
    mv -T "$claim" "$PORT_REGISTRY/.stale.$$.${claim##*/}" 2>/dev/null || continue
    rm -rf "$PORT_REGISTRY/.stale.$$.${claim##*/}"
  done
}

claim_port() {
  local low high first last span port tmp i
  read -r low high </proc/sys/net/ipv4/ip_local_port_range
  if ((low > 12000)); then first=10000 last=$((low - 1)); else first=$((high + 1)) last=65535; fi
  span=$((last - first + 1))
  ((span > 100)) || die "no port range outside the ephemeral range $low-$high"
  mkdir -p "$PORT_REGISTRY"
  release_stale_claims
  for ((i = 0; i < 500; i++)); do
    port=$((first + (RANDOM * 32768 + RANDOM) % span))
    [ -d "$PORT_REGISTRY/$port" ] && continue
    ss -Htan "( sport = :$port )" | grep -q . && continue
    tmp=$(mktemp -d "$PORT_REGISTRY/.claim.XXXXXX")
    echo "$STATE" >"$tmp/owner"
    if mv -T "$tmp" "$PORT_REGISTRY/$port" 2>/dev/null; then
      echo "$port"
      return 0
    fi
    rm -rf "$tmp"
  done
  die "found no free loopback port in $first-$last"
}

port() {
  local file="$STATE/ports/$1"
  if [ ! -s "$file" ]; then
    claim_port >"$file.tmp"
    mv "$file.tmp" "$file"
  fi
  cat "$file"
}

ETCD_PORT=$(port etcd-client)
ETCD_PEER_PORT=$(port etcd-peer)

# --- credentials -------------------------------------------------------------------------------
PKI="$STATE/pki"
if [ ! -s "$PKI/sa.pub" ]; then
  rm -rf "$STATE/pki.tmp"
  mkdir -p "$STATE/pki.tmp"
  (
    cd "$STATE/pki.tmp"
    # P-256 keys: generated in milliseconds even on a loaded machine, where RSA takes seconds.
    for key in ca serving sa; do
      openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$key.key"
    done
    openssl req -x509 -key ca.key -days 3650 -out ca.crt -subj "/CN=rset-testclusters-ca" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
    openssl req -new -key serving.key -out serving.csr -subj "/CN=127.0.0.1"
    printf '%s\n' "subjectAltName=IP:127.0.0.1,DNS:localhost" "extendedKeyUsage=serverAuth" \
      "keyUsage=critical,digitalSignature" "basicConstraints=CA:FALSE" >serving.ext
    openssl x509 -req -in serving.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 3650 \
      -extfile serving.ext -out serving.crt
    openssl pkey -in sa.key -pubout -out sa.pub
    rm -f serving.csr serving.ext ca.srl
  ) 2>>"$STATE/logs/pki.log"
  rm -rf "$PKI"
  mv "$STATE/pki.tmp" "$PKI"
fi

write_kubeconfig() { # FILE CLUSTER SERVER TOKEN USER
  cat >"$1.tmp" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: rset-test-$2
  cluster:
    server: $3
    certificate-authority-data: $(base64 -w0 <"$PKI/ca.crt")
users:
- name: $5
  user:
    token: $4
contexts:
- name: rset-test-$2
  context:
    cluster: rset-test-$2
    user: $5
current-context: rset-test-$2
preferences: {}
EOF
  mv "$1.tmp" "$1"
}

for c in "${CLUSTERS[@]}"; do
  dir="$STATE/$c"
  if [ ! -s "$dir/kubeconfig" ]; then
    mkdir -p "$dir"
    server="https://127.0.0.1:$(port "$c")"
    admin_token=$(openssl rand -hex 32)
    kcm_token=$(openssl rand -hex 32)
    printf '%s\n' \
      "$admin_token,rset-test-admin,rset-test-admin,\"system:masters\"" \
      "$kcm_token,system:kube-controller-manager,system:kube-controller-manager,\"system:masters\"" \
      >"$dir/tokens.csv"
    echo "$server" >"$dir/server"
    cp "$PKI/ca.crt" "$dir/ca.crt"
    echo "$admin_token" >"$dir/admin.token"
    write_kubeconfig "$dir/controller-manager.kubeconfig" "$c" "$server" "$kcm_token" system:kube-controller-manager
    write_kubeconfig "$dir/kubeconfig" "$c" "$server" "$admin_token" rset-test-admin
  fi
done

# --- processes ---------------------------------------------------------------------------------
if ! is_running etcd; then
  mkdir -p "$STATE/etcd"
  launch etcd "$BIN/etcd" --data-dir "$STATE/etcd/data" \
    --listen-client-url "http://127.0.0.1:$ETCD_PORT" --listen-peer-url "http://127.0.0.1:$ETCD_PEER_PORT"
fi
await etcd "health on port $ETCD_PORT" curl -sf --max-time 2 "http://127.0.0.1:$ETCD_PORT/health"

for c in "${CLUSTERS[@]}"; do
  is_running "$c-apiserver" && continue
  launch "$c-apiserver" "$BIN/kube-apiserver" \
    --bind-address=127.0.0.1 --secure-port="$(port "$c")" \
    --advertise-address=127.0.0.1 --endpoint-reconciler-type=none \
    --tls-cert-file="$PKI/serving.crt" --tls-private-key-file="$PKI/serving.key" \
    --etcd-servers="http://127.0.0.1:$ETCD_PORT" --etcd-prefix="/rset-testclusters/$c" \
    --token-auth-file="$STATE/$c/tokens.csv" --authorization-mode=RBAC \
    --service-account-issuer="https://$c.testclusters.rset.invalid" \
    --service-account-key-file="$PKI/sa.pub" --service-account-signing-key-file="$PKI/sa.key" \
    --service-cluster-ip-range=10.96.0.0/24 \
    --profiling=false
done

for c in "${CLUSTERS[@]}"; do
  await "$c-apiserver" "/readyz on $(cat "$STATE/$c/server")" api_get "$c" /readyz
  is_running "$c-controller-manager" && continue
  # Started after /readyz: the controller-manager gives up when the API server is not healthy soon.
  launch "$c-controller-manager" "$BIN/kube-controller-manager" \
    --kubeconfig="$STATE/$c/controller-manager.kubeconfig" \
    --controllers="$CONTROLLERS" --leader-elect=false --secure-port=0 \
    --root-ca-file="$PKI/ca.crt" --profiling=false
done

# A cluster is ready when its controllers act: the service-account controller has created the
# "default" ServiceAccount of the "default" namespace.
for c in "${CLUSTERS[@]}"; do
  await "$c-controller-manager" "ServiceAccount default/default" \
    api_get "$c" /api/v1/namespaces/default/serviceaccounts/default
done

echo "$STATE"

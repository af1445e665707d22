#!/usr/bin/env bash
# Brings up the private swarm the swarm e2e tests run against, then prints
# the variables to use (appended to .engine.env by `make engine`):
#
#   scripts/swarm.sh          one node: a single-manager swarm (make test)
#   scripts/swarm.sh 3        three nodes on loopback addresses (make swarm3)
#   scripts/swarm.sh down     stops every swarm node and deletes their state
#
# Every node is its own dockerd, separate from the main e2e engine (which
# must stay out of any swarm): own socket, data root, exec root, pidfile,
# containerd namespace, bridge, and its own address on the loopback
# interface for the swarm ports. Node 1 is the first manager; the next
# E2E_SWARM_MANAGERS-1 nodes join as managers, the rest as workers. A second
# run reuses the nodes that are up, starts those that have state but are
# down, and only joins what is missing. Nodes started by an earlier larger
# run are kept (E2E_SWARM_NODES reports how many are up). Driven with curl
# over the sockets, like engine.sh, whose engine must be up: the busybox
# fixture is copied from it to every node.
#
# Settings, all derived from the environment so that several checkouts can
# run side by side (defaults follow the third octet X of E2E_BRIDGE_CIDR):
#   E2E_STATE            state root; the nodes live in $E2E_STATE/swarm/N
#   E2E_SWARM_NODES      node count when no argument is given (default 1)
#   E2E_SWARM_MANAGERS   managers among them (default 1)
#   E2E_SWARM_IP_PREFIX  node N listens on <prefix>.<N+1> (default 127.0.X)
#   E2E_SWARM_PORT       swarm control port on every address (default 2377)
#   E2E_SWARM_DATA_PORT  VXLAN port of the swarm (default 4800+X)
#   E2E_SWARM_CIDR       a /24 cut into /27s for the nodes' bridges and
#                        docker_gwbridge networks (default 172.31.X.0/24)
#
# Machine-global side effects, and what is done about them:
#  - bridges: each node gets two bridges named after E2E_BRIDGE, <b>sN for
#    its default bridge network and <b>gN for its docker_gwbridge (created
#    here, before the node joins, so it never makes the machine-wide
#    "docker_gwbridge" interface); `down` deletes them.
#  - iptables: nodes run with --iptables=false --ip-masq=false, so nothing
#    is written to the machine's firewall; ports published through the
#    routing mesh are not reachable from the host.
#  - VXLAN: overlay networks (ingress included) are VXLAN devices bound to
#    E2E_SWARM_DATA_PORT in the host network namespace, which all nodes
#    share: two nodes of one swarm cannot both hold the same network's
#    device, so a task on an overlay network only starts on the first node
#    that takes it (see /work/brief/swarm-notes.md); a distinct data port
#    per checkout keeps separate swarms apart.
#  - network namespaces are files under each node's exec root.
#  - the engine ID: every dockerd 20.10 on the machine shares
#    /etc/docker/key.json, so `docker info` shows the same ID on all nodes;
#    swarm node IDs are distinct.
set -euo pipefail

state=${E2E_STATE:-/tmp/dockerclone-engine}
bridge=${E2E_BRIDGE:-dclone0}
bridge_cidr=${E2E_BRIDGE_CIDR:-172.30.213.1/24}
octet=$(cut -d. -f3 <<<"$bridge_cidr")
prefix=${E2E_SWARM_IP_PREFIX:-127.0.$octet}
port=${E2E_SWARM_PORT:-2377}
data_port=${E2E_SWARM_DATA_PORT:-$((4800 + octet))}
cidr=${E2E_SWARM_CIDR:-172.31.$octet.0/24}
managers=${E2E_SWARM_MANAGERS:-1}
want=${1:-${E2E_SWARM_NODES:-1}}
root=$state/swarm

log() { echo "swarm.sh: $*" >&2; }
die() {
  log "$*"
  exit 1
}

[ "$(id -u)" = 0 ] || die "needs root (dockerd)"
command -v dockerd >/dev/null || die "dockerd missing; run scripts/engine.sh first"
mkdir -p "$root"
exec 9>"$root/lock"
flock 9

sock() { echo "$root/$1/docker.sock"; }
api() {
  local n=$1
  shift
  curl -sS --max-time 120 --unix-socket "$(sock "$n")" "$@"
}
alive() { [ "$(curl -s --max-time 3 --unix-socket "$(sock "$1")" http://localhost/_ping 2>/dev/null)" = OK ]; }
ours() {
  local pid
  pid=$(cat "$1" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$2"
}
addr() { echo "$prefix.$(($1 + 1))"; }
# subnet N K: the K-th /27 (0: bridge, 1: docker_gwbridge) of node N.
subnet() {
  local base=${cidr%/*} i=$((($1 - 1) * 2 + $2))
  echo "${base%.*}.$((i * 32))/27"
}
gateway() {
  local s=${1%/*}
  echo "${s%.*}.$((${s##*.} + 1))/27"
}
# jq-less reading of one field of the daemon's JSON.
field() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4; }
node_state() { api "$1" http://localhost/info | field LocalNodeState; }

# stop_nodes stops the given nodes' daemons together (a swarm member takes
# seconds to shut down), then deletes their bridges and state.
stop_nodes() {
  local n d pids=()
  for n in "$@"; do
    d=$root/$n
    if ours "$d/docker.pid" "$d/docker.pid"; then
      pids+=("$(cat "$d/docker.pid")")
      log "stopping node $n (dockerd ${pids[-1]})"
      kill "${pids[-1]}"
    fi
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 120); do [ -d "/proc/$pid" ] || break; sleep 0.25; done
  done
  for n in "$@"; do
    d=$root/$n
    for b in "${bridge}s$n" "${bridge}g$n"; do
      if ip link show "$b" >/dev/null 2>&1; then ip link del "$b"; fi
    done
    # Network namespaces and leftover layer mounts are bind mounts under the
    # node's directories; unmount them (deepest first) before deleting.
    awk -v d="$d/" 'index($5, d) == 1 {print $5}' /proc/self/mountinfo | sort -r |
      while read -r m; do umount -l "$m" 2>/dev/null || true; done
    rm -rf "$d" || log "could not delete all of $d"
  done
}

if [ "$want" = down ]; then
  nodes=()
  for d in "$root"/[0-9]*; do
    [ -d "$d" ] && nodes+=("$(basename "$d")")
  done
  [ ${#nodes[@]} -eq 0 ] || stop_nodes "${nodes[@]}"
  exit 0
fi
[[ $want =~ ^[1-7]$ ]] || die "node count must be 1..7 (got $want)"
[ "$managers" -ge 1 ] && [ "$managers" -le "$want" ] || die "E2E_SWARM_MANAGERS must be 1..$want"

# Nodes an earlier run left behind are kept and restarted: a swarm whose
# managers are down has no quorum.
count=$want
for d in "$root"/[0-9]*; do
  [ -d "$d" ] || continue
  n=$(basename "$d")
  [ "$n" -gt "$count" ] && count=$n
done

start_node() {
  local n=$1 d=$root/$1 b=${bridge}s$1
  alive "$n" && return 0
  mkdir -p "$d"
  if ! ours "$d/docker.pid" "$d/docker.pid"; then
    rm -f "$d/docker.pid" "$(sock "$n")"
    echo '{}' >"$d/daemon.json"
    if ! ip link show "$b" >/dev/null 2>&1; then
      ip link add "$b" type bridge
      ip addr add "$(gateway "$(subnet "$n" 0)")" dev "$b"
    fi
    ip link set "$b" up
    log "starting node $n on $(sock "$n")"
    setsid -f dockerd \
      --config-file "$d/daemon.json" \
      --host "unix://$(sock "$n")" \
      --data-root "$d/data" \
      --exec-root "$d/exec" \
      --pidfile "$d/docker.pid" \
      --containerd-namespace "dockerclone-s$n" \
      --containerd-plugins-namespace "dockerclone-s$n-plugins" \
      --bridge="$b" --iptables=false --ip-masq=false \
      </dev/null >>"$d/dockerd.log" 2>&1 9>&-
  fi
}

wait_node() {
  for _ in $(seq 120); do alive "$1" && return 0; sleep 0.25; done
  die "node $1 did not come up; see $root/$1/dockerd.log"
}

# The docker_gwbridge network must exist before a node takes part in a
# swarm, or the daemon creates it on the machine-wide interface name.
gwbridge() {
  local n=$1 s
  [ "$(api "$n" -o /dev/null -w '%{http_code}' http://localhost/networks/docker_gwbridge)" = 200 ] && return 0
  s=$(subnet "$n" 1)
  api "$n" -o /dev/null -X POST -H 'Content-Type: application/json' http://localhost/networks/create -d "{
    \"Name\":\"docker_gwbridge\",\"Driver\":\"bridge\",
    \"IPAM\":{\"Config\":[{\"Subnet\":\"$s\",\"Gateway\":\"$(gateway "$s" | cut -d/ -f1)\"}]},
    \"Options\":{\"com.docker.network.bridge.name\":\"${bridge}g$n\",
      \"com.docker.network.bridge.enable_icc\":\"false\",
      \"com.docker.network.bridge.enable_ip_masquerade\":\"false\"}}"
}

# The busybox fixture of the main engine (scripts/engine.sh), saved there and
# loaded on every node: the same image, with the same ID, everywhere.
fixture() {
  local n=$1 out
  [ "$(api "$n" -o /dev/null -w '%{http_code}' http://localhost/images/busybox:latest/json)" = 200 ] && return 0
  log "loading busybox:latest on node $n"
  out=$(curl -sS --max-time 120 --unix-socket "$state/docker.sock" http://localhost/images/busybox:latest/get |
    api "$n" -X POST -H 'Content-Type: application/x-tar' --data-binary @- 'http://localhost/images/load?quiet=1')
  if ! grep -q 'Loaded image' <<<"$out"; then die "loading busybox:latest on node $n: $out (run scripts/engine.sh first)"; fi
}

for n in $(seq "$count"); do start_node "$n"; done
for n in $(seq "$count"); do
  wait_node "$n"
  gwbridge "$n"
  fixture "$n"
done

# Node 1 founds the swarm (again, if it is not a manager of one).
if [ "$(node_state 1)" != inactive ] && ! api 1 http://localhost/info | grep -q '"ControlAvailable":true'; then
  log "node 1 is not a manager; leaving its swarm"
  api 1 -o /dev/null -X POST 'http://localhost/swarm/leave?force=1'
fi
if [ "$(node_state 1)" != active ]; then
  log "swarm init on node 1 ($(addr 1):$port)"
  out=$(api 1 -X POST -H 'Content-Type: application/json' http://localhost/swarm/init -d "{
    \"ListenAddr\":\"$(addr 1):$port\",\"AdvertiseAddr\":\"$(addr 1):$port\",
    \"DataPathPort\":$data_port,\"Spec\":{}}")
  [ "$(node_state 1)" = active ] || die "swarm init failed: $out"
fi
tokens=$(api 1 http://localhost/swarm)
members=$(api 1 http://localhost/nodes)
for n in $(seq 2 "$count"); do
  info=$(api "$n" http://localhost/info)
  id=$(field NodeID <<<"$info")
  if [ "$(field LocalNodeState <<<"$info")" != inactive ]; then
    # A member of this swarm stays; one of an earlier swarm (node 1 was
    # re-initialised) leaves it first.
    [ -n "$id" ] && grep -q "\"ID\":\"$id\"" <<<"$members" && continue
    log "node $n belongs to another swarm; leaving it"
    api "$n" -o /dev/null -X POST 'http://localhost/swarm/leave?force=1'
  fi
  role=Worker
  [ "$n" -le "$managers" ] && role=Manager
  log "node $n joins as $role ($(addr "$n"):$port)"
  out=$(api "$n" -X POST -H 'Content-Type: application/json' http://localhost/swarm/join -d "{
    \"ListenAddr\":\"$(addr "$n"):$port\",\"AdvertiseAddr\":\"$(addr "$n"):$port\",
    \"RemoteAddrs\":[\"$(addr 1):$port\"],\"JoinToken\":\"$(field "$role" <<<"$tokens")\"}")
  [ "$(node_state "$n")" = active ] || die "node $n did not join: $out"
done

hosts=() addrs=()
for n in $(seq "$count"); do
  hosts+=("unix://$(sock "$n")")
  addrs+=("$(addr "$n")")
done
echo "export E2E_SWARM_HOST=unix://$(sock 1) E2E_SWARM_NODES=$count E2E_SWARM_MANAGERS=$managers"
echo "export E2E_SWARM_HOSTS='${hosts[*]}' E2E_SWARM_ADDRS='${addrs[*]}' E2E_SWARM_PORT=$port E2E_SWARM_DATA_PORT=$data_port"

# Sourced by engine.sh when ENGINE=podman: brings up Debian's podman as a
# private Docker-compatible API service and sets $sock to its socket.
#
# Everything lives under $state/podman: its own store (--root), runroot,
# tmp dir, file locks, events log, network configs and socket, so the
# machine's own podman (if any) is never touched. Its default network is a
# bridge of its own, named after $bridge, with a subnet taken from the third
# octet of $bridge_cidr. Needs: state, bridge, bridge_cidr, registry, log, die,
# ours (from engine.sh).

pstate=$state/podman
sock=$pstate/podman.sock

podman_alive() { [ "$(curl -s --max-time 10 --unix-socket "$sock" http://localhost/_ping 2>/dev/null)" = OK ]; }

# podman_config writes containers.conf, storage.conf and registries.conf.
podman_config() {
  local octet nofile nproc
  octet=$(cut -d. -f3 <<<"$bridge_cidr")
  # Containers get the limits the service itself may hand out: without
  # CAP_SYS_RESOURCE podman's defaults (1048576) are refused by runc, and
  # podman caps its own process limit at the kernel's pid_max.
  nofile=$(ulimit -Hn)
  nproc=$(ulimit -Hu)
  [ "$nproc" = unlimited ] || [ "$nproc" -gt "$(cat /proc/sys/kernel/pid_max)" ] && nproc=$(cat /proc/sys/kernel/pid_max)
  [ "$nofile" = unlimited ] && nofile=1048576
  mkdir -p "$pstate/networks" "$pstate/tmp"
  cat >"$pstate/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=$nofile:$nofile", "nproc=$nproc:$nproc"]

[network]
network_config_dir = "$pstate/networks"
default_subnet_pools = [{"base" = "10.89.$octet.0/24", "size" = 28}]

[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$pstate/events.log"
tmp_dir = "$pstate/tmp"
lock_type = "file"
CONF
  cat >"$pstate/storage.conf" <<CONF
[storage]
driver = "overlay"
graphroot = "$pstate/root"
runroot = "$pstate/run"
CONF
  # Podman logs in to a plain-HTTP registry only when it is listed as
  # insecure, and names it localhost:PORT (127.0.0.1 would be refused).
  {
    echo 'unqualified-search-registries = ["docker.io"]'
    echo 'short-name-mode = "permissive"'
    for r in "localhost:${registry##*:}" ${E2E_PODMAN_INSECURE:-}; do
      printf '[[registry]]\nlocation = "%s"\ninsecure = true\n' "$r"
    done
  } >"$pstate/registries.conf"
  # The default network, defined here so that it never is the machine's
  # podman0 on 10.88.0.0/16.
  cat >"$pstate/networks/podman.json" <<JSON
{
  "name": "podman",
  "id": "2f259bab93aaaaa2542ba43ef33eb990d0999ee1b9924b557b7be53c0b7a1bb9",
  "driver": "bridge",
  "network_interface": "${bridge}p",
  "created": "2024-01-01T00:00:00Z",
  "subnets": [{"subnet": "10.88.$octet.0/24", "gateway": "10.88.$octet.1"}],
  "ipv6_enabled": false,
  "internal": false,
  "dns_enabled": false,
  "ipam_options": {"driver": "host-local"}
}
JSON
}

podman_up() {
  command -v podman >/dev/null || die "podman is not installed"
  podman_alive && return 0
  if ours "$pstate/podman.pid" "$sock"; then
    log "podman $(cat "$pstate/podman.pid") is up but not answering yet; waiting"
  else
    rm -f "$pstate/podman.pid" "$sock"
    podman_config
    log "starting podman on $sock"
    CONTAINERS_CONF=$pstate/containers.conf CONTAINERS_STORAGE_CONF=$pstate/storage.conf \
      CONTAINERS_REGISTRIES_CONF=$pstate/registries.conf \
      setsid -f sh -c 'echo $$ >"$1"; shift; exec "$@"' sh "$pstate/podman.pid" \
      podman --root "$pstate/root" --runroot "$pstate/run" --tmpdir "$pstate/tmp" \
      system service --time 0 "unix://$sock" \
      </dev/null >>"$pstate/podman.log" 2>&1 9>&-
  fi
  for _ in $(seq 120); do podman_alive && break; sleep 0.5; done
  podman_alive || die "podman did not come up; see $pstate/podman.log"
  # The first /version takes seconds (podman probes its runtimes): pay it here.
  curl -s -o /dev/null --max-time 60 --unix-socket "$sock" http://localhost/version || true
}

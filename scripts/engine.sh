#!/usr/bin/env bash
# Brings up the private engine and registry the e2e tests run against, then
# prints the variables to use:   eval "$(scripts/engine.sh)"
#
# Everything lives under $E2E_STATE (default /tmp/dockerclone-engine): its own
# dockerd (socket, data-root, exec-root, pidfile, containerd namespace) and a
# docker-registry with basic auth on $E2E_REGISTRY. It never uses or stops an
# engine the machine already runs. A second run reuses what is up and only
# checks it. The engine is driven with curl over its socket, so this works
# before bin/docker supports anything and without any docker CLI installed.
# Needs root and Debian's packages.
#
# ENGINE=podman brings up Debian's podman as a private Docker-compatible API
# service instead of dockerd (scripts/podman.sh), with the same registry and
# fixture images; the registry is then named localhost:PORT.
set -euo pipefail

state=${E2E_STATE:-/tmp/dockerclone-engine}
registry=${E2E_REGISTRY:-127.0.0.1:5066}
bridge=${E2E_BRIDGE:-dclone0} bridge_cidr=${E2E_BRIDGE_CIDR:-172.30.213.1/24}
user=${E2E_REG_USER:-e2euser}
pass=${E2E_REG_PASS:-e2epass}
image=busybox:latest
engine=${ENGINE:-docker}
case $engine in docker | podman) ;; *) echo "engine.sh: ENGINE must be docker or podman, not $engine" >&2; exit 1 ;; esac
# The name the engine knows the registry by (Podman: see podman.sh).
reg_name=$registry
[ "$engine" = podman ] && reg_name=localhost:${registry##*:}
remote=$reg_name/e2e/busybox

sock=$state/docker.sock
log() { echo "engine.sh: $*" >&2; }
die() { log "$*"; exit 1; }

[ "$(id -u)" = 0 ] || die "needs root (dockerd and apt-get)"
case $state in /tmp/compat-engine | /tmp/compat-engine/) die "E2E_STATE must not be the compat harness's state dir" ;; esac
mkdir -p "$state"

# One run at a time; fd 9 is closed for every daemon started below so that a
# long-lived child never keeps holding the lock.
exec 9>"$state/lock"
flock 9

# --- packages ----------------------------------------------------------------
need=()
command -v dockerd >/dev/null || need+=(docker.io)
command -v docker-registry >/dev/null || need+=(docker-registry)
command -v htpasswd >/dev/null || need+=(apache2-utils)
command -v curl >/dev/null || need+=(curl)
# What the test suites drive for real: shells for completion, man for the
# pages, sshd/ssh for the ssh transport, gpg for the pass credential helper.
[ -f /usr/share/bash-completion/bash_completion ] || need+=(bash-completion)
command -v fish >/dev/null || need+=(fish)
command -v zsh >/dev/null || need+=(zsh)
command -v man >/dev/null || need+=(man-db)
command -v groff >/dev/null || need+=(groff-base)
[ -x /usr/sbin/sshd ] || need+=(openssh-server)
command -v ssh >/dev/null || need+=(openssh-client)
command -v gpg >/dev/null || need+=(gnupg)
command -v ip >/dev/null || need+=(iproute2)
if [ "$engine" = podman ]; then
  command -v podman >/dev/null || need+=(podman)
  command -v catatonit >/dev/null || need+=(catatonit) # run --init
fi
# The image needs a static busybox; Debian's dynamic one would not run in it.
if ! [ -x /bin/busybox ] || ldd /bin/busybox >/dev/null 2>&1; then need+=(busybox-static); fi
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"; } >&2
fi

# --- dockerd -----------------------------------------------------------------
api() { curl -sS --max-time 120 --unix-socket "$sock" "$@"; }
engine_alive() { [ "$(curl -s --max-time 3 --unix-socket "$sock" http://localhost/_ping 2>/dev/null)" = OK ]; }

# ours reports whether pidfile $1 names a live process whose command line
# mentions $2, so a pid recycled by an unrelated process is never trusted.
ours() {
  local pid
  pid=$(cat "$1" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$2"
}

if [ "$engine" = podman ]; then
  . "$(dirname "$0")/podman.sh"
  podman_up
elif ! engine_alive; then
  if ours "$state/docker.pid" "$state/docker.pid"; then
    log "dockerd $(cat "$state/docker.pid") is up but not answering yet; waiting"
  else
    rm -f "$state/docker.pid" "$sock"
    echo '{}' >"$state/daemon.json" # keep the host's /etc/docker/daemon.json out
    # Our own bridge, never docker0: a dockerd given --bridge=none deletes an
    # existing docker0 (another engine's), and the default would fight over it.
    if ! ip link show "$bridge" >/dev/null 2>&1; then
      ip link add "$bridge" type bridge
      ip addr add "$bridge_cidr" dev "$bridge"
    fi
    ip link set "$bridge" up
    net=(--bridge="$bridge" --iptables=false --ip-masq=false)
    log "starting dockerd on $sock"
    setsid -f dockerd \
      --config-file "$state/daemon.json" \
      --host "unix://$sock" \
      --data-root "$state/data" \
      --exec-root "$state/exec" \
      --pidfile "$state/docker.pid" \
      --containerd-namespace dockerclone \
      --containerd-plugins-namespace dockerclone-plugins \
      "${net[@]}" \
      </dev/null >>"$state/dockerd.log" 2>&1 9>&-
  fi
  for _ in $(seq 120); do engine_alive && break; sleep 0.5; done
  engine_alive || die "dockerd did not come up; see $state/dockerd.log"
fi

# --- registry ----------------------------------------------------------------
reg_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 3 -u "$user:$pass" "http://$registry/v2/" 2>/dev/null || true; }

code=$(reg_status)
if [ "$code" != 200 ] && ours "$state/registry.pid" "$state/registry.yml"; then
  # Ours but with other credentials (or wedged): restart it with these.
  log "restarting registry (got HTTP $code)"
  kill "$(cat "$state/registry.pid")" 2>/dev/null || true
  for _ in $(seq 20); do ours "$state/registry.pid" "$state/registry.yml" || break; sleep 0.25; done
  code=$(reg_status)
fi
case $code in
200) ;;
000)
  htpasswd -Bbn "$user" "$pass" >"$state/htpasswd"
  cat >"$state/registry.yml" <<YML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $state/registry
  delete:
    enabled: true
http:
  addr: $registry
auth:
  htpasswd:
    realm: dockerclone-e2e
    path: $state/htpasswd
YML
  log "starting registry on $registry"
  setsid -f sh -c 'echo $$ >"$1"; exec docker-registry serve "$2"' sh \
    "$state/registry.pid" "$state/registry.yml" </dev/null >>"$state/registry.log" 2>&1 9>&-
  for _ in $(seq 40); do [ "$(reg_status)" = 200 ] && break; sleep 0.25; done
  [ "$(reg_status)" = 200 ] || die "registry did not come up on $registry; see $state/registry.log"
  ;;
*) die "something else answers on $registry (HTTP $code for $user); set E2E_REGISTRY to a free address" ;;
esac

# --- fixture images ----------------------------------------------------------
# stream_ok fails when a JSON progress stream (import, push) carries an error.
stream_ok() {
  local out=$1
  if grep -q '"error"' <<<"$out"; then
    log "engine: $(grep -o '"error":"[^"]*"' <<<"$out" | head -1)"
    return 1
  fi
}

imported=no
if [ "$(api -o /dev/null -w '%{http_code}' "http://localhost/images/$image/json")" != 200 ]; then
  log "importing $image"
  root=$(mktemp -d)
  trap 'rm -rf "$root"' EXIT
  mkdir -p "$root/rootfs/bin" "$root/rootfs/etc" "$root/rootfs/root" "$root/rootfs/tmp"
  chmod 1777 "$root/rootfs/tmp"
  cp /bin/busybox "$root/rootfs/bin/busybox"
  for a in $(/bin/busybox --list); do
    [ "$a" = busybox ] || ln -s busybox "$root/rootfs/bin/$a"
  done
  printf '%s\n' 'root:x:0:0:root:/root:/bin/sh' 'nobody:x:65534:65534:nobody:/:/bin/sh' >"$root/rootfs/etc/passwd"
  printf '%s\n' 'root:x:0:' 'nogroup:x:65534:' >"$root/rootfs/etc/group"
  tar -C "$root/rootfs" --numeric-owner --owner=0 --group=0 --sort=name -cf "$root/rootfs.tar" .
  # changes: CMD ["sh"]  and  ENV PATH=/bin
  out=$(api -X POST -H 'Content-Type: application/x-tar' --data-binary "@$root/rootfs.tar" \
    "http://localhost/images/create?fromSrc=-&repo=busybox&tag=latest&changes=CMD%20%5B%22sh%22%5D&changes=ENV%20PATH%3D%2Fbin")
  stream_ok "$out" || die "import of $image failed"
  imported=yes
fi

manifest_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 -u "$user:$pass" \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "http://$registry/v2/e2e/busybox/manifests/latest" || true
}
# The fixture is a schema 2 manifest on both engines (Podman pushes OCI
# unless told), as the manifest tests expect.
push_query=tag=latest
[ "$engine" = podman ] && push_query+="&format=v2s2"
if [ "$imported" = yes ] || [ "$(manifest_status)" != 200 ]; then
  log "pushing $remote:latest"
  auth=$(printf '{"username":"%s","password":"%s","serveraddress":"%s"}' "$user" "$pass" "$reg_name" |
    base64 -w0 | tr '+/' '-_')
  api -X POST -o /dev/null "http://localhost/images/$image/tag?repo=$remote&tag=latest"
  out=$(api -X POST -H "X-Registry-Auth: $auth" "http://localhost/images/$remote/push?$push_query")
  stream_ok "$out" || die "push of $remote:latest failed"
  # Untag again so pull tests start with the image absent locally.
  api -X DELETE -o /dev/null "http://localhost/images/$remote:latest"
  [ "$(manifest_status)" = 200 ] || die "registry does not serve $remote:latest after the push"
fi

echo "export DOCKER_HOST=unix://$sock"
echo "export E2E_REGISTRY=$reg_name E2E_REG_USER=$user E2E_REG_PASS=$pass"
echo "export E2E_IMAGE=$image E2E_REGISTRY_IMAGE=$remote:latest"
echo "export E2E_STATE=$state" # engine and registry logs, recorded e2e output

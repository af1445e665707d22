#!/usr/bin/env bash
# Brings up a notary server for the content-trust tests and prints the
# variables to use:   eval "$(scripts/notary.sh)"
#
# notary-server (github.com/theupdateframework/notary, cmd/notary-server) is
# built once from the Go module proxy into $NOTARY_CACHE (outside the
# checkout), then run with memory storage and its own signing keys (trust
# service "local": no notary-signer needed), over TLS with a certificate for
# 127.0.0.1 signed by a throwaway CA. Everything it writes lives under
# $E2E_STATE/notary. A second run reuses a server that is up.
set -euo pipefail

state=${E2E_STATE:-/tmp/dockerclone-engine}/notary
cache=${NOTARY_CACHE:-/var/cache/dockerclone/notary}
port=${E2E_NOTARY_PORT:-4443}
version=v0.7.0
server=$cache/bin/notary-server
url=https://127.0.0.1:$port

log() { echo "notary.sh: $*" >&2; }
die() { log "$*"; exit 1; }
mkdir -p "$state" "$cache/bin"

exec 9>"$state/lock"
flock 9

if ! [ -x "$server" ]; then
  command -v go >/dev/null || die "go is needed to build notary-server"
  log "building notary-server $version into $cache (once; takes a few minutes)"
  GOBIN=$cache/bin GOFLAGS= CGO_ENABLED=0 go install "github.com/theupdateframework/notary/cmd/notary-server@$version" >&2
fi

if ! [ -f "$state/ca.pem" ]; then
  log "creating a CA and a server certificate for 127.0.0.1"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$state/ca.key" -out "$state/ca.pem" -days 3650 \
    -subj "/CN=dockerclone notary test CA" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -keyout "$state/server.key" -out "$state/server.csr" \
    -subj "/CN=127.0.0.1" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$state/ext.cnf"
  openssl x509 -req -in "$state/server.csr" -CA "$state/ca.pem" -CAkey "$state/ca.key" -CAcreateserial \
    -out "$state/server.pem" -days 3650 -extfile "$state/ext.cnf" 2>/dev/null
fi

cat >"$state/server.json" <<EOF
{
  "server": {"http_addr": "127.0.0.1:$port", "tls_key_file": "$state/server.key", "tls_cert_file": "$state/server.pem"},
  "trust_service": {"type": "local", "key_algorithm": "ecdsa"},
  "logging": {"level": "info"},
  "storage": {"backend": "memory"}
}
EOF

alive() { curl -s --max-time 3 --cacert "$state/ca.pem" "$url/_notary_server/health" >/dev/null 2>&1; }
if ! alive; then
  pid=$(cat "$state/server.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF "$state/server.json"; then
    kill "$pid" || true
  fi
  log "starting notary-server on $url"
  nohup "$server" -config "$state/server.json" -logf logfmt >"$state/server.log" 2>&1 9>&- &
  echo $! >"$state/server.pid"
  for _ in $(seq 50); do alive && break; sleep 0.2; done
  alive || die "notary-server did not come up; see $state/server.log"
fi

echo "export E2E_NOTARY=$url E2E_NOTARY_CA=$state/ca.pem"

#!/usr/bin/env bash
# Builds the real CLI plugins the e2e tests drive (compose and buildx) from the
# Go module proxy, once, into a cache outside the checkout so that every clone
# and every CI run on this machine reuses them:
#
#   $PLUGIN_CACHE/<name>-<version>/docker-<name>   (default /var/cache/dockerclone/plugins)
#
# Prints the variables the tests read (appended to .engine.env by `make engine`):
#   export E2E_PLUGIN_COMPOSE=... E2E_PLUGIN_BUILDX=...
#
# Idempotent: a plugin that exists and answers docker-cli-plugin-metadata is
# kept; a failed build leaves nothing behind and the script exits non-zero with
# the build log's tail. Concurrent runs serialise on a lock per plugin.
set -euo pipefail

cache=${PLUGIN_CACHE:-/var/cache/dockerclone/plugins}
GO=${GO:-go}
log() { echo "plugins.sh: $*" >&2; }
die() { log "$*"; exit 1; }

command -v "$GO" >/dev/null || die "no Go toolchain ($GO) on PATH"
mkdir -p "$cache" || die "cannot create $cache (set PLUGIN_CACHE to a writable directory)"

# valid reports whether $1 is a plugin binary that answers its metadata call.
valid() { [ -x "$1" ] && "$1" docker-cli-plugin-metadata 2>/dev/null | grep -q '"SchemaVersion"'; }

# build NAME MODULE VERSION MAINPKG LDFLAGS
build() {
  local name=$1 mod=$2 version=$3 main=$4 ldflags=$5
  local dir=$cache/$name-$version out
  out=$dir/docker-$name
  mkdir -p "$dir"
  (
    exec 9>"$dir/.lock"
    flock 9
    valid "$out" && exit 0
    log "building docker-$name $version from $mod (takes minutes the first time)"
    local src work start
    start=$(date +%s)
    src=$(GOFLAGS=-mod=mod "$GO" mod download -json "$mod@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
    [ -n "$src" ] && [ -d "$src" ] || die "go mod download $mod@$version gave no directory"
    # The module cache is read-only, and `go install mod@version` refuses
    # modules whose go.mod has exclude/replace directives: build in a copy.
    work=$(mktemp -d "$dir/.src.XXXXXX")
    trap 'rm -rf "$work"' EXIT
    cp -R "$src/." "$work/"
    chmod -R u+w "$work"
    if ! (cd "$work" && CGO_ENABLED=0 GOFLAGS=-mod=mod "$GO" build -trimpath -ldflags "-s -w $ldflags" \
      -o "$work/docker-$name" "$main") >"$dir/build.log" 2>&1; then
      tail -n 30 "$dir/build.log" >&2
      die "building docker-$name failed; full log in $dir/build.log"
    fi
    valid "$work/docker-$name" || die "docker-$name was built but does not answer docker-cli-plugin-metadata"
    mv -f "$work/docker-$name" "$out"
    log "docker-$name $version built in $(($(date +%s) - start))s: $out"
  )
}

compose_version=v5.6.0
buildx_version=v0.38.2
build compose github.com/docker/compose/v5 "$compose_version" ./cmd \
  "-X github.com/docker/compose/v5/internal.Version=$compose_version"
build buildx github.com/docker/buildx "$buildx_version" ./cmd/buildx \
  "-X github.com/docker/buildx/version.Version=$buildx_version -X github.com/docker/buildx/version.Revision=$buildx_version -X github.com/docker/buildx/version.Package=github.com/docker/buildx"

echo "export E2E_PLUGIN_COMPOSE=$cache/compose-$compose_version/docker-compose"
echo "export E2E_PLUGIN_BUILDX=$cache/buildx-$buildx_version/docker-buildx"

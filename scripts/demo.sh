#!/usr/bin/env bash
# The Engine API "getting started" walkthrough, run with our client.
# Usage: scripts/demo.sh BIN   (with DOCKER_HOST and E2E_* from scripts/engine.sh)
set -uo pipefail
bin=${1:-bin/docker}
cfg=$(mktemp -d); trap 'rm -rf "$cfg"' EXIT
export DOCKER_CONFIG=$cfg
step() { printf '\n$ docker'; printf ' %q' "$@"; printf '\n'; "$bin" "$@"; printf '(exit %d)\n' $?; }

step version
step run --rm busybox echo hello world
step run -d --name demo-bg busybox sleep 300
step ps
step run -d --name demo-logs busybox sh -c 'echo one; echo two >&2'
sleep 1
step logs demo-logs
step stop demo-bg demo-logs
step ps -a --filter name=demo-
step images
step pull "$E2E_REGISTRY/e2e/busybox:latest"
printf '%s' "$E2E_REG_PASS" | step login -u "$E2E_REG_USER" --password-stdin "$E2E_REGISTRY"
step pull "$E2E_REGISTRY/e2e/busybox:latest"
step commit -m "demo commit" demo-logs demo/committed:1
step images demo/committed
step rm demo-bg demo-logs
step rmi demo/committed:1 "$E2E_REGISTRY/e2e/busybox:latest"

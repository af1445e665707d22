#!/usr/bin/env bash
# Runs every Go fuzz target of the module, one after the other, for
# $FUZZTIME each (default 10m) with $FUZZPARALLEL workers (default 1), and
# ends with one line: targets, minutes and crashes. Not part of CI.
# FUZZ=<regexp> picks targets by name. A crashing input is left by go test in
# the package's testdata/fuzz/<Target>/, where every later `go test` replays it.
set -u
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-10m}
parallel=${FUZZPARALLEL:-1}
only=${FUZZ:-.}
start=$(date +%s)
targets=0 crashes=0 failed=()
for dir in $(grep -rl --include='*_test.go' '^func Fuzz' . | xargs -n1 dirname | sort -u); do
  for target in $(grep -h --include='*_test.go' -o '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go | cut -d' ' -f2 | sort); do
    [[ $target =~ $only ]] || continue
    targets=$((targets + 1))
    echo "== $dir $target ($fuzztime)"
    if ! go test -run '^$' -fuzz "^$target\$" -fuzztime "$fuzztime" -parallel "$parallel" "$dir"; then
      crashes=$((crashes + 1))
      failed+=("$dir:$target")
    fi
  done
done
echo "fuzz: $targets targets, $(( ($(date +%s) - start) / 60 )) minutes, $crashes crashes ${failed[*]:-}"
[ "$crashes" = 0 ]

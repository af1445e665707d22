#!/usr/bin/env bash
# Regenerates the golden files: each testdata/NAME.json is replayed through a fake
# engine to the reference CLI (`docker pull`), its stdout recorded with stdout
# piped (NAME.pipe.golden) and on a pseudo-terminal of W columns (NAME.ttyW.golden),
# minus the pull command's own last line. A failed pull leaves its stderr in NAME.err.
# For streams with a start time, NAME.ttyW.now holds the clock (unix ns) just before the run.
#   usage: (cd cli/progress && testdata/capture/capture.sh [NAME...])
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); td=$(dirname "$here")
tmp=$(mktemp -d); trap 'kill $fake 2>/dev/null; rm -rf "$tmp"' EXIT
python3 "$here/fake.py" "$tmp/sock" "$tmp/current" & fake=$!
for _ in $(seq 50); do [ -S "$tmp/sock" ] && break; sleep 0.1; done
export DOCKER_HOST=unix://$tmp/sock DOCKER_CONFIG=$tmp/cfg
ref=docker.io/hx-fake/img:1
names=("$@"); [ ${#names[@]} -gt 0 ] || names=($(cd "$td" && ls *.json | sed 's/\.json$//'))
# strip FILE RC: drop the pull command's final reference line on success
strip() { if [ "$2" = 0 ]; then python3 -c 'import sys;p=sys.argv[1];b=open(p,"rb").read();s=sys.argv[2].encode()+b"\n";assert b.endswith(s),p;open(p,"wb").write(b[:-len(s)])' "$1" "$ref"; fi; }
for n in "${names[@]}"; do
  echo "$td/$n.json" >"$tmp/current"
  widths="120"
  case $n in synth-bars) widths="200 111 110 80 51 50 0";; pull-real|push-real|synth-misc) widths="120 80";; time-left) widths="80";; esac
  rc=0; docker pull hx-fake/img:1 >"$td/$n.pipe.golden" 2>"$tmp/err" || rc=$?
  strip "$td/$n.pipe.golden" $rc
  rm -f "$td/$n.err"; [ $rc = 0 ] || cp "$tmp/err" "$td/$n.err"
  for w in $widths; do
    now=$(date +%s%N)
    rc=$(python3 "$here/ptyrun.py" "$w" "$td/$n.tty$w.golden" docker pull hx-fake/img:1 2>"$tmp/err" | sed 's/rc=//')
    strip "$td/$n.tty$w.golden" "$rc"
    if grep -q '"start"' "$td/$n.json"; then echo "$now" >"$td/$n.tty$w.now"; fi
    if [ "$rc" = 0 ] && [ -e "$td/$n.err" ] || [ "$rc" != 0 ] && ! cmp -s "$tmp/err" "$td/$n.err"; then
      echo "$n: tty and pipe runs disagree on the error" >&2; exit 1
    fi
  done
done

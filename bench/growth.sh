#!/usr/bin/env bash
# Cost growth (issue 12): time, peak heap (-Xmx128m) and peak RSS of sealing and opening a package
# with one attachment of 1 MiB to 4 GiB, and with 1 to 1,000 attachments, on one JDK. The
# attachments come from an in-memory generated stream (no input file); the package is written to
# bench/data/pkg and opened from there. Each line: one process, rounds 1 (fresh) and 2 (warm).
#   JDK [/usr/lib/jvm/temurin-25-jdk-amd64]  SIZES ["1MiB 16MiB 256MiB 1GiB 4GiB"]  COUNTS ["1 10 100 1000"]
#   COUNT_BYTES (each of the COUNTS attachments) [262144]
set -euo pipefail
cd "$(dirname "$0")"
JDK=${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
SIZES=${SIZES:-"1MiB 16MiB 256MiB 1GiB 4GiB"}
COUNTS=${COUNTS:-"1 10 100 1000"}
COUNT_BYTES=${COUNT_BYTES:-262144}
[ -f target/classpath.txt ] || { echo "growth.sh: run bench/build.sh first" >&2; exit 2; }
cp="target/classes:$(cat target/classpath.txt)"
stamp=$(date -u +%Y%m%dT%H%MZ)
mkdir -p results data/pkg
out="results/$stamp-growth.txt"
[ -f data/pkg/de.p12 ] || "$JDK/bin/java" -cp "$cp" dev.mlat.bench.PackageRun setup data/pkg > /dev/null 2>&1
{
  echo "# growth.sh $stamp, $("$JDK/bin/java" -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
  ps -eo ni,pcpu,comm --sort=-pcpu | head -6 | sed 's/^/  /'
} | tee -a "$out"
bytesof() { case "$1" in *MiB) echo $(( ${1%MiB} << 20 ));; *GiB) echo $(( ${1%GiB} << 30 ));; *) echo "$1";; esac; }
run() { # label count each
  local label=$1 count=$2 each=$3 pkg=data/pkg/growth.mlat rounds=2 tf
  [ "$each" -ge $((4 << 30)) ] && rounds=1
  for op in seal open; do
    tf=$(mktemp)
    local l; l=$(cut -d' ' -f1 /proc/loadavg)
    if [ $op = seal ]; then
      so=$(/usr/bin/time -v -o "$tf" "$JDK/bin/java" -Xmx128m -cp "$cp" dev.mlat.bench.PackageRun seal data/pkg "$pkg" \
        --generated "$each" --attachments "$count" --rounds $rounds 2>&1 | grep -E '^round|Exception' | tr '\n' ' ' || true)
    else
      so=$(/usr/bin/time -v -o "$tf" "$JDK/bin/java" -Xmx128m -cp "$cp" dev.mlat.bench.PackageRun open data/pkg "$pkg" \
        --rounds $rounds 2>&1 | grep -E '^round|Exception' | tr '\n' ' ' || true)
    fi
    echo "growth $label attachments=$count each=$each op=$op load=$l rssMiB=$(grep 'Maximum resident' "$tf" | awk '{print int($NF/1024)}') package=$(stat -c %s "$pkg") | $so" | tee -a "$out"
    rm -f "$tf"
  done
  rm -f "$pkg"
}
for size in $SIZES; do run "size=$size" 1 "$(bytesof "$size")"; done
for count in $COUNTS; do run "count=$count" "$count" "$COUNT_BYTES"; done
echo "load at end $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"

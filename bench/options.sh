#!/usr/bin/env bash
# Fresh-process options (issue 12, target 4): seals and opens the 1 GiB file as a package, one
# process per operation, REPS times, for each JDK and option set; prints the process wall time and
# MB/s (size / process wall), peak RSS, the start-up (main to sealer/opener ready) and the operation.
# Option sets (;-separated; {v} = JDK feature version, {op} = seal|open):
#   none                        nothing
#   -Dbench.early=true          JIT warm-up and BouncyCastle's loading on background threads at start-up
#   cds                         an AppCDS archive of the operation's classes (JDK 17: -XX:ArchiveClassesAtExit
#                               in a training run; JDK 19+: -XX:+AutoCreateSharedArchive), then -XX:SharedArchiveFile
#   any JVM options, e.g. -XX:+UseParallelGC
set -euo pipefail
cd "$(dirname "$0")"
JDKS=${JDKS:-"/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64"}
SETS=${SETS:-"none;-Dbench.early=true;cds;-XX:+UseParallelGC;cds -Dbench.early=true -XX:+UseParallelGC"}
SIZE=${SIZE:-1GiB}
REPS=${REPS:-2}
# AppCDS archives only classes from jars (a non-empty directory on the class path stops the dump)
jar cf data/bench-classes.jar -C target/classes .
cp="data/bench-classes.jar:$(cat target/classpath.txt)"
stamp=$(date -u +%Y%m%dT%H%MZ)
mkdir -p results data/pkg data/cds
out="results/$stamp-options.txt"
file="data/attachment-$SIZE.bin"
pkg="data/pkg/options.mlat"
bytes=$(stat -c %s "$file")
{
  echo "# options.sh $stamp, $SIZE, load $(cut -d' ' -f1-3 /proc/loadavg)"
  ps -eo ni,pcpu,comm --sort=-pcpu | head -6 | sed 's/^/  /'
} | tee -a "$out"
IFS=';' read -r -a sets <<< "$SETS"
for jdk in $JDKS; do
  v=$("$jdk/bin/java" -version 2>&1 | head -1 | sed 's/.*version "\([0-9]*\).*/\1/')
  rm -f "$pkg"
  "$jdk/bin/java" -Xmx128m -cp "$cp" dev.mlat.bench.PackageRun seal data/pkg "$pkg" "$file" > /dev/null 2>&1
  for op in seal open; do # CDS training runs (untimed)
    a="data/cds/$op-$v.jsa"
    [ -f "$a" ] && continue
    args=(data/pkg "$pkg"); [ $op = seal ] && args=(data/pkg data/pkg/train.mlat "$file")
    rm -f data/pkg/train.mlat
    if [ "$v" -ge 19 ]; then train=(-XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=$a"); else train=("-XX:ArchiveClassesAtExit=$a"); fi
    "$jdk/bin/java" -Xmx128m "${train[@]}" -cp "$cp" dev.mlat.bench.PackageRun $op "${args[@]}" > /dev/null 2>&1 \
      || { echo "options.sh: CDS training run for $op on JDK $v failed" >&2; exit 1; }
    [ -f "$a" ] || { echo "options.sh: no archive $a written" >&2; exit 1; }
    rm -f data/pkg/train.mlat
  done
  for set in "${sets[@]}"; do
    for op in seal open; do
      opts=(-Xmx128m)
      for o in $set; do
        case "$o" in
          none) ;;
          cds) opts+=("-XX:SharedArchiveFile=data/cds/$op-$v.jsa") ;;
          *) opts+=("$o") ;;
        esac
      done
      for i in $(seq "$REPS"); do
        args=(data/pkg "$pkg"); [ $op = seal ] && args=(data/pkg data/pkg/options-seal.mlat "$file")
        rm -f data/pkg/options-seal.mlat
        l=$(cut -d' ' -f1 /proc/loadavg)
        tf=$(mktemp)
        t0=$(date +%s.%N)
        so=$(/usr/bin/time -v -o "$tf" "$jdk/bin/java" "${opts[@]}" -cp "$cp" dev.mlat.bench.PackageRun $op "${args[@]}" 2>/dev/null | grep -v '^setup' | tr '\n' ' ')
        t1=$(date +%s.%N)
        wall=$(echo "$t1 - $t0" | bc)
        printf 'options jdk=%s set=%s op=%s load=%s wall=%.2fs MBps=%.0f rssMiB=%s | %s\n' "$v" "${set// /+}" "$op" "$l" "$wall" \
          "$(echo "$bytes / $wall / 1000000" | bc -l)" "$(grep 'Maximum resident' "$tf" | awk '{print int($NF/1024)}')" "$so" | tee -a "$out"
        rm -f "$tf"
      done
    done
  done
done
rm -f "$pkg" data/pkg/options-seal.mlat
echo "load at end $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"

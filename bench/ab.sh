#!/usr/bin/env bash
# A/B of two mlat-transport jars on the 1 GiB file, alternating, in one JVM per run (rounds: round 1
# fresh, later warm): gateway pass (stages 1-2), seal and open of a package.
#   bench/ab.sh BEFORE.jar [AFTER.jar (default: the built mlat-transport jar)]
set -euo pipefail
cd "$(dirname "$0")"
JDK=${JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}
REPS=${REPS:-2}
built=/work/wt-perf/mlat-transport/target/mlat-transport-0.1.0-SNAPSHOT.jar
before=$(realpath "$1"); after=$(realpath "${2:-$built}")
base=$(cat target/classpath.txt)
cpof() { echo "target/classes:${base//$built/$1}"; }
stamp=$(date -u +%Y%m%dT%H%MZ)
out="results/$stamp-ab.txt"
file=data/attachment-1GiB.bin
echo "# ab.sh $stamp before=$before after=$after $("$JDK/bin/java" -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
ps -eo ni,pcpu,comm --sort=-pcpu | head -6 | sed 's/^/  /' | tee -a "$out"
rm -f data/pkg/ab.mlat
"$JDK/bin/java" -Xmx128m -cp "$(cpof "$after")" dev.mlat.bench.PackageRun seal data/pkg data/pkg/ab.mlat "$file" > /dev/null 2>&1
for i in $(seq "$REPS"); do
  for v in before after; do
    jar=$before; [ $v = after ] && jar=$after
    for op in gateway seal open; do
      case $op in
        gateway) args=(gateway data/pkg data/pkg/ab.mlat 4) ;;
        seal) rm -f data/pkg/ab-seal.mlat; args=(seal data/pkg data/pkg/ab-seal.mlat "$file" --rounds 4) ;;
        open) args=(open data/pkg data/pkg/ab.mlat --rounds 4) ;;
      esac
      l=$(cut -d' ' -f1 /proc/loadavg)
      echo "ab $v op=$op load=$l | $("$JDK/bin/java" -Xmx128m -cp "$(cpof "$jar")" dev.mlat.bench.PackageRun "${args[@]}" 2>/dev/null | grep '^round' | awk '{print $4, $5, $10, $11}' | tr '\n' ' ')" | tee -a "$out"
    done
  done
done
rm -f data/pkg/ab.mlat data/pkg/ab-seal.mlat

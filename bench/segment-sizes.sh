#!/usr/bin/env bash
# Segment size x direction x JDK (issue 6), through the package API as `mlat seal` / `mlat open` use it:
# for each size, one process seals bench/data/attachment-1GiB.bin into a package R times
# (-Dmlat.bench.segmentSize), then one process opens that package R times; -Xmx128m; JDK 17 and 25.
# Prints every round; the median of rounds 3..R is the warm figure, round 1 the fresh one.
#   SIZES ["65536 131072 262144 1048576 4194304"]  ROUNDS [6]  JDKS [17 and 25 under /usr/lib/jvm]
set -euo pipefail
cd "$(dirname "$0")"
SIZES=${SIZES:-"65536 131072 262144 1048576 4194304"}
ROUNDS=${ROUNDS:-6}
JDKS=${JDKS:-"/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64"}
FILE=${FILE:-data/attachment-1GiB.bin}
[ -f target/classpath.txt ] || { echo "segment-sizes.sh: run bench/build.sh first" >&2; exit 2; }
[ -f "$FILE" ] || { echo "segment-sizes.sh: run bench/gen-data.sh first" >&2; exit 2; }
cp="target/classes:$(cat target/classpath.txt)"
stamp=$(date -u +%Y%m%dT%H%MZ)
mkdir -p results data/pkg
out="results/$stamp-segments.txt"
[ -f data/pkg/de.p12 ] || java -cp "$cp" dev.mlat.bench.PackageRun setup data/pkg > /dev/null 2>&1
{
  echo "# segment-sizes.sh $stamp, load $(cut -d' ' -f1-3 /proc/loadavg)"
  ps -eo ni,pcpu,comm --sort=-pcpu | head -6 | sed 's/^/  /'
} | tee -a "$out"
pkg=data/pkg/segments.mlat
for size in $SIZES; do
  for jdk in $JDKS; do
    name=$(basename "$jdk")
    rm -f "$pkg"
    "$jdk/bin/java" -Xmx128m -Dmlat.bench.segmentSize="$size" -cp "$cp" dev.mlat.bench.PackageRun seal data/pkg "$pkg" "$FILE" \
      --rounds "$ROUNDS" 2>&1 | grep "round=" | sed "s|^|$name segment=$size load=$(cut -d' ' -f1 /proc/loadavg) |" | tee -a "$out"
    "$jdk/bin/java" -Xmx128m -cp "$cp" dev.mlat.bench.PackageRun open data/pkg "$pkg" --rounds "$ROUNDS" 2>&1 | grep "round=" \
      | sed "s|^|$name segment=$size load=$(cut -d' ' -f1 /proc/loadavg) |" | tee -a "$out"
  done
done
rm -f "$pkg"
python3 - "$out" <<'PY' | tee -a "$out"
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    m = re.match(r'(\S+) segment=(\d+) load=\S+ round=(\d+) op=(\w+) .* MBps=(\d+)', line)
    if m and int(m.group(3)) >= 3:
        rows.setdefault((int(m.group(2)), m.group(4), m.group(1)), []).append(int(m.group(5)))
print("| segment | op | JDK | median MB/s (rounds 3..) | range |")
print("|---|---|---|---|---|")
for (size, op, jdk), v in sorted(rows.items()):
    print(f"| {size >> 10} KiB | {op} | {jdk} | {statistics.median(v):.0f} | {min(v)}-{max(v)} |")
PY

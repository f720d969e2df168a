#!/usr/bin/env bash
# The figures for the chosen configuration: fresh processes file to file, and JMH warm.
set -euo pipefail
cd "$(dirname "$0")"
stamp=$(date -u +%Y%m%dT%H%MZ)
mkdir -p results
J17=/usr/lib/jvm/java-17-openjdk-amd64
J25=/usr/lib/jvm/temurin-25-jdk-amd64
log() { tee -a "results/$stamp-$1.txt"; }
# D. fresh process, file to file (page cache), the default segment size
JDKS="$J17 $J25" SIZES="16MiB 256MiB 1GiB" SEGMENT_SIZES="${CHOSEN:-1048576}" ROUNDS=1 OUTPUT=file ./fresh.sh | log fresh-files
rm -f data/*.bin.out
# E. JMH warm figures
for jdk in $J25 $J17; do
  JAVA_HOME=$jdk ./jmh.sh -p segmentSize="${CHOSEN:-1048576}" -wi 4 -i 6 2>&1 | grep -E "load average|^Segment|^Benchmark|Error|Exception" | log "jmh-$(basename "$jdk")"
done

#!/usr/bin/env bash
# Small packages (issue 12): seal and open of the sample request (no attachment) per second on one
# core (taskset), next to P-256 sign / verify / ECDH per second on BouncyCastle's provider and on
# SunEC, on each JDK; the floor under the target (SmallFloor: the unavoidable non-public-key steps
# of a seal and of an open with the libraries mlat must use, files on this disk and on tmpfs, and
# the public-key share each would have at that floor); then a JFR profile of the package loop,
# summarised by bench/jfr-summary.py.
set -euo pipefail
cd "$(dirname "$0")"
JDKS=${JDKS:-"/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64"}
SECONDS_EACH=${SECONDS_EACH:-10}
PASSES=${PASSES:-6}
CORE=${CORE:-1}
cp="target/classes:$(cat target/classpath.txt)"
stamp=$(date -u +%Y%m%dT%H%MZ)
mkdir -p results data/jfr
out="results/$stamp-small.txt"
{
  echo "# small.sh $stamp, pinned to core $CORE, load $(cut -d' ' -f1-3 /proc/loadavg)"
  ps -eo ni,pcpu,comm --sort=-pcpu | head -6 | sed 's/^/  /'
} | tee -a "$out"
# Each run deletes tens of thousands of files when it ends; on ext4 the next run's file creation is
# slower for a while after that (the inode allocator checks recently freed inodes): settle first.
settle() { sync; sleep "${SETTLE:-15}"; }
for jdk in $JDKS; do
  settle
  taskset -c "$CORE" "$jdk/bin/java" -cp "$cp" dev.mlat.bench.SmallPackages "$SECONDS_EACH" all "$PASSES" 2>&1 | grep -v "HV0\|hibernate" | sed "s|^|$(basename "$jdk") |" | tee -a "$out"
  # the floor: the unavoidable non-public-key steps one by one, files on this disk and on tmpfs
  for tmp in "${TMPDIR:-/tmp}" /dev/shm; do
    settle
    taskset -c "$CORE" "$jdk/bin/java" -Djava.io.tmpdir="$tmp" -cp "$cp" dev.mlat.bench.SmallFloor "${FLOOR_SECONDS:-4}" 4 2>&1 \
      | grep "^steady\|^floor\|^public-key" | sed "s|^|$(basename "$jdk") floor, folders in $tmp: |" | tee -a "$out"
  done
  settle
  taskset -c "$CORE" "$jdk/bin/java" -XX:StartFlightRecording=filename=data/jfr/small-$(basename "$jdk").jfr,settings=profile \
    -cp "$cp" dev.mlat.bench.SmallPackages "$SECONDS_EACH" packages "$PASSES" > /dev/null 2>&1
  jfr print --events jdk.ExecutionSample --stack-depth 64 "data/jfr/small-$(basename "$jdk").jfr" | SKIP=0.5 ./jfr-summary.py measured \
    | sed "s|^|$(basename "$jdk") jfr java: |" | tee -a "$out"
  jfr print --events jdk.NativeMethodSample --stack-depth 64 "data/jfr/small-$(basename "$jdk").jfr" | SKIP=0.5 ./jfr-summary.py measured \
    | sed -n 1,16p | sed "s|^|$(basename "$jdk") jfr native: |" | tee -a "$out"
done

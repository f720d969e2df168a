#!/usr/bin/env bash
# Small packages, A against B (issue 12): SmallPackages alternating two builds made by
# bench/snapshot.sh, on one core, ROUNDS times per JDK; each run prints its steady-state rates.
#   bench/small-ab.sh A_DIR B_DIR
set -euo pipefail
cd "$(dirname "$0")"
JDKS=${JDKS:-"/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64"}
ROUNDS=${ROUNDS:-2}
SECONDS_EACH=${SECONDS_EACH:-10}
PASSES=${PASSES:-6}
CORE=${CORE:-1}
a=$(realpath "$1"); b=$(realpath "$2")
stamp=$(date -u +%Y%m%dT%H%MZ)
mkdir -p results
out="results/$stamp-small-ab.txt"
echo "# small-ab.sh $stamp A=$a B=$b, pinned to core $CORE, $SECONDS_EACH CPU-s x $PASSES passes, load $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
# Each run deletes tens of thousands of files when it ends; on ext4 the next run's file creation is
# slower for a while after that (the inode allocator checks recently freed inodes): settle first.
settle() { sync; sleep "${SETTLE:-15}"; }
for jdk in $JDKS; do
  for round in $(seq "$ROUNDS"); do
    for v in A B; do
      dir=$a; [ $v = B ] && dir=$b
      settle
  taskset -c "$CORE" "$jdk/bin/java" -cp "$(cat "$dir/cp")" dev.mlat.bench.SmallPackages "$SECONDS_EACH" packages "$PASSES" 2>&1 \
        | grep "^message\|^steady" | sed "s|^|$(basename "$jdk") round=$round $v load=$(cut -d' ' -f1 /proc/loadavg) |" | tee -a "$out"
    done
  done
done

#!/usr/bin/env bash
# The measurement series behind docs/PERFORMANCE.md; raw output in bench/results/<stamp>-*.txt.
# About 12 minutes on 2 cores; run it on a quiet machine (every line records the load average).
# Needs bench/build.sh and bench/gen-data.sh first.
set -euo pipefail
cd "$(dirname "$0")"
stamp=$(date -u +%Y%m%dT%H%MZ)
mkdir -p results
J17=/usr/lib/jvm/java-17-openjdk-amd64
J25=/usr/lib/jvm/temurin-25-jdk-amd64
log() { tee -a "results/$stamp-$1.txt"; }
echo "$(nproc) cores,$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2); load at start $(cut -d' ' -f1-3 /proc/loadavg)" | log info
rm -f data/*.seg data/*.seg.manifest data/*.out

# F. where the time goes, one thread, per GiB
cp="target/classes:$(cat target/classpath.txt)"
for jdk in $J17 $J25; do
  for seg in 65536 1048576; do "$jdk/bin/java" -Xmx128m -cp "$cp" dev.mlat.bench.PhaseCosts "$seg" 3 | sed "s|^|$(basename "$jdk") |" | log phases; done
done

# A1. segment size x JDK, engine only (discard), 1 GiB, 4 rounds per process (round 1 = fresh)
JDKS="$J17 $J25" JIT_OPTIONS=none SIZES=1GiB SEGMENT_SIZES="32768 65536 131072 262144 1048576 4194304" ROUNDS=4 OUTPUT=discard \
  ./fresh.sh | log segment-size
# A2. JIT thresholds in the launcher
JDKS="$J17 $J25" JIT_OPTIONS="-XX:CompileThresholdScaling=0.1;-XX:CompileThresholdScaling=0.01" SIZES=1GiB \
  SEGMENT_SIZES="65536 1048576" ROUNDS=4 OUTPUT=discard ./fresh.sh | log jit-options
# B and C use measurement switches (mlat.segment.decrypt, mlat.segment.updateBytes) that existed only
# up to commit 643d211, removed once the choice was made; on later commits they change nothing.
# B. decryption: the JDK's GCM decryption (one call per segment) vs AES-CTR + GCM re-encryption in 16 KiB calls
JDKS="$J17 $J25" JIT_OPTIONS="-Dmlat.segment.decrypt=gcm;-Dmlat.segment.decrypt=ctr" SIZES=1GiB \
  SEGMENT_SIZES="65536 1048576" ROUNDS=2 OUTPUT=discard ./fresh.sh | grep "op=open" | log decrypt-strategy
# C. the JIT warm-up by call count, and the size of the update calls
JDKS="$J17 $J25" JIT_OPTIONS="-Dmlat.segment.warmup=false;none;-Dmlat.segment.updateBytes=8192;-Dmlat.segment.updateBytes=65536" \
  SIZES=1GiB SEGMENT_SIZES=65536 ROUNDS=2 OUTPUT=discard ./fresh.sh | log warmup-update
# D. fresh process, file to file (page cache), the default segment size (256 KiB)
JDKS="$J17 $J25" JIT_OPTIONS=none SIZES="16MiB 256MiB 1GiB" SEGMENT_SIZES=262144 ROUNDS=1 OUTPUT=file ./fresh.sh | log fresh-files
rm -f data/*.out
# E. JMH, warm
for jdk in $J25 $J17; do
  JAVA_HOME=$jdk ./jmh.sh -p segmentSize=262144 -wi 4 -i 6 2>&1 | grep -E "load average|^Segment|^Benchmark|Error|Exception" | log "jmh-$(basename "$jdk")"
done
echo "load at end $(cut -d' ' -f1-3 /proc/loadavg)" | log info

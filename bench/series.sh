#!/usr/bin/env bash
# The measurement series behind docs/PERFORMANCE.md: writes bench/results/<stamp>-*.txt.
# Takes about 15 minutes on 2 cores; run it on a quiet machine (every line records the load).
set -euo pipefail
cd "$(dirname "$0")"
stamp=$(date -u +%Y%m%dT%H%MZ)
mkdir -p results
J17=/usr/lib/jvm/java-17-openjdk-amd64
J25=/usr/lib/jvm/temurin-25-jdk-amd64
log() { tee -a "results/$stamp-$1.txt"; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2), start load $(cut -d' ' -f1-3 /proc/loadavg)" | log info

# A. segment size x JDK x JIT options, engine only (discard output), 1 GiB, 4 rounds per process
JDKS="$J17 $J25" SIZES=1GiB SEGMENT_SIZES="65536 262144 1048576 4194304" ROUNDS=4 OUTPUT=discard ./fresh.sh | log segment-size

# B. decryption: JDK GCM decryption (one call per segment) vs AES-CTR + GCM re-encryption in 16 KiB calls
JDKS="$J17 $J25" JIT_OPTIONS="-Dmlat.segment.decrypt=gcm;-Dmlat.segment.decrypt=ctr" SIZES=1GiB \
  SEGMENT_SIZES="65536 1048576" ROUNDS=2 OUTPUT=discard ./fresh.sh | grep "op=open" | log decrypt-strategy

# C. size of the update calls into the JDK's GCM
JDKS="$J17 $J25" JIT_OPTIONS="-Dmlat.segment.updateBytes=8192;-Dmlat.segment.updateBytes=16384;-Dmlat.segment.updateBytes=65536" \
  SIZES=1GiB SEGMENT_SIZES="${CHOSEN:-1048576}" ROUNDS=2 OUTPUT=discard ./fresh.sh | log update-size

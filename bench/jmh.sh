#!/usr/bin/env bash
# Runs the JMH benchmarks (warm figures) with the given java (JAVA_HOME or the default java),
# printing the load average every 20 s beside JMH's output.
# Extra arguments go to JMH, e.g.  bench/jmh.sh -p size=1GiB -p segmentSize=65536,262144
set -euo pipefail
cd "$(dirname "$0")"
[ -f target/classpath.txt ] || { echo "jmh.sh: run bench/build.sh first" >&2; exit 2; }
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) ($("$java" -version 2>&1 | head -1))"
( while sleep 20; do echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; done ) &
sampler=$!
trap 'kill $sampler 2>/dev/null || true' EXIT
"$java" -cp "target/classes:$(cat target/classpath.txt)" org.openjdk.jmh.Main SegmentBenchmark \
  -jvmArgsPrepend "-Dmlat.bench.data=$PWD/data" "$@"

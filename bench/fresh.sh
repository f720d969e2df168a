#!/usr/bin/env bash
# Times sealing and opening in fresh JVMs (one process per operation, as a command-line user sees
# it), for each JDK, JIT option set, size and segment size; prints one line per run with the load
# average. Build first (bench/build.sh) and generate data (bench/gen-data.sh).
#
# Environment (defaults in brackets):
#   JDKS          java homes ["/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64"]
#   JIT_OPTIONS   ;-separated sets of JVM options (space-separated within a set), "none" for none ["none;-XX:CompileThresholdScaling=0.1;-XX:CompileThresholdScaling=0.01"]
#   SIZES         ["1GiB"]
#   SEGMENT_SIZES [262144]
#   ROUNDS        rounds per process (round 1 = fresh) [1]
#   OUTPUT        "file" (write the sealed / opened file) or "discard" [file]
set -euo pipefail
cd "$(dirname "$0")"
JDKS=${JDKS:-"/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64"}
JIT_OPTIONS=${JIT_OPTIONS:-"none;-XX:CompileThresholdScaling=0.1;-XX:CompileThresholdScaling=0.01"}
SIZES=${SIZES:-1GiB}
SEGMENT_SIZES=${SEGMENT_SIZES:-262144}
ROUNDS=${ROUNDS:-1}
OUTPUT=${OUTPUT:-file}
[ -f target/classpath.txt ] || { echo "fresh.sh: run bench/build.sh first" >&2; exit 2; }
cp="target/classes:$(cat target/classpath.txt)"
discard=()
[ "$OUTPUT" = discard ] && discard=(--discard)
IFS=';' read -r -a jits <<< "$JIT_OPTIONS"
for jdk in $JDKS; do
  version=$("$jdk/bin/java" -version 2>&1 | head -1 | sed 's/.*version "\([^"]*\)".*/\1/')
  for jit in "${jits[@]}"; do
    opts=(-Xmx128m)
    # shellcheck disable=SC2206
    [ "$jit" = none ] || opts+=($jit)
    for size in $SIZES; do
      file="data/attachment-$size.bin"
      [ -f "$file" ] || { echo "fresh.sh: $file missing, run bench/gen-data.sh $size" >&2; exit 2; }
      for seg in $SEGMENT_SIZES; do
        sealed="$file.$seg.seg"
        if [ ! -f "$sealed.manifest" ]; then # the file the open runs read (untimed)
          "$jdk/bin/java" -cp "$cp" dev.mlat.bench.FreshRun seal "$file" --segment-size "$seg" > /dev/null
        fi
        for op in seal open; do
          load=$(cut -d' ' -f1 /proc/loadavg)
          wall0=$(date +%s.%N)
          line=$("$jdk/bin/java" "${opts[@]}" -cp "$cp" dev.mlat.bench.FreshRun "$op" "$file" --segment-size "$seg" \
            --rounds "$ROUNDS" "${discard[@]}" | tr '\n' ' ')
          wall1=$(date +%s.%N)
          printf 'jdk=%s jit=%s size=%s segment=%s output=%s load=%s processWall=%.2fs | %s\n' \
            "$version" "${jit// /+}" "$size" "$seg" "$OUTPUT" "$load" "$(echo "$wall1 - $wall0" | bc)" "$line"
        done
      done
    done
  done
done

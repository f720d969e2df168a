#!/usr/bin/env bash
# One run, same generated files, side by side (issue 12): the ceiling on this JVM (SHA-256 and
# AES-256-GCM over the bytes, read alone, `cp`), OpenSSL's sign|encrypt and decrypt|verify
# pipelines, a naive BouncyCastle CMS path on the BouncyCastle provider, and mlat sealing and
# opening a package with the file as its one attachment, in a fresh process and warm (rounds in one
# process), on JDK 17 and JDK 25, every Java process with -Xmx128m. Peak RSS from /usr/bin/time -v.
# Raw lines in bench/results/<stamp>-compare.txt; bench/compare-table.py turns them into the tables
# of docs/PERFORMANCE.md. Needs bench/build.sh first; generates the data it lacks.
#
# Environment (defaults in brackets):
#   SIZES         ["256MiB 1GiB"]
#   JDKS          ["/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64"]
#   WARM_ROUNDS   rounds of the warm mlat runs (round 1 excluded from the warm figure) [5]
#   PARTS         which parts to run ["ceiling openssl bc mlat"]
#   MLAT_OPTIONS  extra JVM options for the mlat runs [none]
set -euo pipefail
cd "$(dirname "$0")"
SIZES=${SIZES:-"256MiB 1GiB"}
JDKS=${JDKS:-"/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64"}
WARM_ROUNDS=${WARM_ROUNDS:-5}
PARTS=${PARTS:-"ceiling openssl bc mlat"}
MLAT_OPTIONS=${MLAT_OPTIONS:-}
[ -f target/classpath.txt ] || { echo "compare.sh: run bench/build.sh first" >&2; exit 2; }
cp="target/classes:$(cat target/classpath.txt)"
stamp=$(date -u +%Y%m%dT%H%MZ)
mkdir -p results data/pkg data/openssl
out="results/$stamp-compare.txt"
log() { tee -a "$out"; }
load() { cut -d' ' -f1 /proc/loadavg; }
has() { [[ " $PARTS " == *" $1 "* ]]; }
jdkname() { "$1/bin/java" -version 2>&1 | head -1 | sed 's/.*version "\([^"]*\)".*/\1/'; }

# timed KEY=VALUE... -- command...: runs the command under /usr/bin/time -v, prints one line with
# the wall time, peak RSS (largest process), the load at the start, the given fields and the
# command's own stdout lines joined.
timed() {
  local fields=()
  while [ "$1" != "--" ]; do fields+=("$1"); shift; done
  shift
  local l; l=$(load)
  local tf; tf=$(mktemp)
  local so; so=$(/usr/bin/time -v -o "$tf" "$@" 2>/dev/null | tr '\n' ' ' || true)
  local wall rss status
  wall=$(grep "Elapsed (wall clock)" "$tf" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  rss=$(grep "Maximum resident set size" "$tf" | awk '{print int($NF/1024)}')
  status=$(grep "Exit status" "$tf" | awk '{print $NF}')
  rm -f "$tf"
  echo "${fields[*]} load=$l wall=${wall}s rssMiB=$rss exit=$status | $so"
}

{
  echo "# compare.sh $stamp"
  echo "machine: $(nproc) cores,$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -r)"
  echo "openssl: $(openssl version)"
  for jdk in $JDKS; do echo "jdk: $jdk $(jdkname "$jdk")"; done
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "top processes at start (nice, %cpu, command):"
  ps -eo ni,pcpu,comm --sort=-pcpu | head -8 | sed 's/^/  /'
} | log

# OpenSSL's keys: a self-signed P-256 signer and a P-256 recipient (ECDH), as a partner would have
if [ ! -f data/openssl/recipient.pem ]; then
  for who in signer recipient; do
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "data/openssl/$who.key" \
      -out "data/openssl/$who.pem" -days 30 -subj "/CN=bench $who" 2>/dev/null
  done
fi
# mlat's keys and trust directory (FR and DE test PKIs)
[ -f data/pkg/de.p12 ] || "${JDKS%% *}/bin/java" -cp "$cp" dev.mlat.bench.PackageRun setup data/pkg > /dev/null 2>&1

for size in $SIZES; do
  ./gen-data.sh "$size" > /dev/null
  file="data/attachment-$size.bin"
  bytes=$(stat -c %s "$file")
  cat "$file" > /dev/null # page cache
  echo "## $size ($bytes bytes), load $(cut -d' ' -f1-3 /proc/loadavg)" | log
  if has ceiling; then
    for jdk in $JDKS; do
      timed what=ceiling jdk="$(jdkname "$jdk")" size="$size" -- "$jdk/bin/java" -Xmx128m -cp "$cp" dev.mlat.bench.Ceiling "$file" 4 | log
    done
    for i in 1 2 3; do
      rm -f data/cp.out
      timed what=cp size="$size" bytes="$bytes" -- cp "$file" data/cp.out | log
    done
    rm -f data/cp.out
  fi
  if has openssl; then
    for i in 1 2; do
      rm -f "$file.ossl.p7m"
      timed what=openssl op=seal size="$size" bytes="$bytes" -- bash -c "openssl cms -sign -binary -stream -nodetach -md sha256 \
        -in $file -signer data/openssl/signer.pem -inkey data/openssl/signer.key -outform DER \
        | openssl cms -encrypt -binary -stream -aes-256-gcm -inform DER -outform DER -recip data/openssl/recipient.pem \
        -out $file.ossl.p7m" | log
    done
    for i in 1 2; do
      rm -f "$file.ossl.out"
      timed what=openssl op=open size="$size" bytes="$bytes" -- bash -c "openssl cms -decrypt -binary -inform DER -in $file.ossl.p7m \
        -recip data/openssl/recipient.pem -inkey data/openssl/recipient.key -outform DER \
        | openssl cms -verify -binary -inform DER -CAfile data/openssl/signer.pem -purpose any -out $file.ossl.out 2>/dev/null" | log
    done
    cmp -s "$file" "$file.ossl.out" && echo "openssl round trip ok" | log || echo "openssl round trip FAILED" | log
    rm -f "$file.ossl.p7m" "$file.ossl.out"
  fi
  if has bc; then
    for jdk in $JDKS; do
      timed what=naive-bc jdk="$(jdkname "$jdk")" size="$size" bytes="$bytes" -- "$jdk/bin/java" -Xmx128m -cp "$cp" \
        dev.mlat.bench.NaiveBcCms "$file" 1 | log
    done
    cmp -s "$file" "$file.bc.out" && echo "naive-bc round trip ok" | log || echo "naive-bc round trip FAILED" | log
    rm -f "$file.bc.p7m" "$file.bc.out"
  fi
  if has mlat; then
    pkg="data/pkg/attachment-$size.mlat"
    for jdk in $JDKS; do
      v=$(jdkname "$jdk")
      # shellcheck disable=SC2086
      for i in 1 2; do
        rm -f "$pkg"
        timed what=mlat mode=fresh op=seal jdk="$v" size="$size" bytes="$bytes" options="${MLAT_OPTIONS// /+}" -- "$jdk/bin/java" -Xmx128m \
          $MLAT_OPTIONS -cp "$cp" dev.mlat.bench.PackageRun seal data/pkg "$pkg" "$file" | log
      done
      for i in 1 2; do
        timed what=mlat mode=fresh op=open jdk="$v" size="$size" bytes="$bytes" options="${MLAT_OPTIONS// /+}" -- "$jdk/bin/java" -Xmx128m \
          $MLAT_OPTIONS -cp "$cp" dev.mlat.bench.PackageRun open data/pkg "$pkg" | log
      done
      timed what=mlat mode=warm op=seal jdk="$v" size="$size" bytes="$bytes" options="${MLAT_OPTIONS// /+}" -- "$jdk/bin/java" -Xmx128m \
        $MLAT_OPTIONS -cp "$cp" dev.mlat.bench.PackageRun seal data/pkg "$pkg" "$file" --rounds "$WARM_ROUNDS" | log
      timed what=mlat mode=warm op=open jdk="$v" size="$size" bytes="$bytes" options="${MLAT_OPTIONS// /+}" -- "$jdk/bin/java" -Xmx128m \
        $MLAT_OPTIONS -cp "$cp" dev.mlat.bench.PackageRun open data/pkg "$pkg" --rounds "$WARM_ROUNDS" | log
    done
    rm -f "$pkg"
  fi
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | log
echo "results: bench/$out"

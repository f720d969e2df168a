#!/usr/bin/env bash
# Exchange throughput (issue 12): packages per second through the HTTPS channel with several
# senders, end to end on the production path (ExchangeService + PackagePipelineCodec + SQLite
# ledgers + HttpsReceiver, mutual TLS on loopback), S senders and S=1, on each JDK; then the fsync
# calls per package (strace, difference of two runs) and a JFR profile summarised by area.
#   bench/exchange.sh                                  # S=4 and S=1, 250 warm-up + 5 rounds of 500 each, JDK 17 and 25
#   SENDERS="4 1" PER_SENDER=500 WARMUP=250 ROUNDS=5 ATTACHMENT=0 JDKS=... TMPFS=1 PROFILE=1 STRACE=1 bench/exchange.sh
# Each round is reported, then the median of the last three ("steady"). Before session 8 a run was
# 25 warm-up and one round of 250 per sender, which measured a JVM still compiling: 101 packages/s
# and 19 ms of CPU per package, against 241 and 6.8 in the steady state (JDK 17, 4 senders).
# TMPFS=1 repeats the runs of the first JDK with the ledgers on /dev/shm (the disk's share).
# Run bench/build.sh first. Raw output: bench/results/<stamp>-exchange.txt.
set -euo pipefail
cd "$(dirname "$0")"
JDKS=${JDKS:-"/usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-25-jdk-amd64"}
SENDERS=${SENDERS:-"4 1"}
PER_SENDER=${PER_SENDER:-500}
WARMUP=${WARMUP:-250}
ROUNDS=${ROUNDS:-5}
ATTACHMENT=${ATTACHMENT:-0}
PROFILE=${PROFILE:-1}
JAVA_OPTS=${JAVA_OPTS:-}  # e.g. -Dsun.net.httpserver.nodelay=true
STRACE=${STRACE:-1}
cp="target/classes:$(cat target/classpath.txt)"
stamp=$(date -u +%Y%m%dT%H%MZ)
mkdir -p results data/jfr
out="results/$stamp-exchange.txt"
filter() { grep --line-buffered -v "HV0\|hibernate\|jqwik" || true; }
machine() {
  echo "# load $(cut -d' ' -f1-3 /proc/loadavg); busiest processes (nice, %cpu):"
  ps -eo ni,pcpu,comm --sort=-pcpu | head -6 | sed 's/^/#   /'
}
{
  echo "# exchange.sh $stamp: senders '$SENDERS', $PER_SENDER packages each, warm-up $WARMUP each, attachment $ATTACHMENT bytes, JAVA_OPTS '$JAVA_OPTS'"
  echo "# $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -r)"
  machine
} | tee -a "$out"
for jdk in $JDKS; do
  name=$(basename "$jdk")
  for s in $SENDERS; do
    echo "## $name senders=$s" | tee -a "$out"
    "$jdk/bin/java" $JAVA_OPTS -cp "$cp" dev.mlat.bench.ExchangeThroughput --senders "$s" --per-sender "$PER_SENDER" --warmup "$WARMUP" --rounds "$ROUNDS" \
      --attachment "$ATTACHMENT" --dir "data/exchange-$name-$s" 2>&1 | filter | sed "s|^|$name S=$s |" | tee -a "$out"
    machine | tee -a "$out"
  done
done

first=$(echo $JDKS | cut -d' ' -f1)
if [ "${TMPFS:-1}" = 1 ] && [ -d /dev/shm ]; then
  # The same run with every ledger, blob store and upload store on tmpfs (fsync nearly free): what
  # the disk's share is. Not a deployment setting (nothing there survives a power loss).
  for s in $SENDERS; do
    name=$(basename "$first")
    echo "## $name senders=$s on tmpfs (/dev/shm)" | tee -a "$out"
    "$first/bin/java" $JAVA_OPTS -cp "$cp" dev.mlat.bench.ExchangeThroughput --senders "$s" --per-sender "$PER_SENDER" --warmup "$WARMUP" --rounds "$ROUNDS" \
      --attachment "$ATTACHMENT" --dir "/dev/shm/mlat-exchange-$$" 2>&1 | filter | sed "s|^|$name S=$s tmpfs |" | tee -a "$out"
  done
fi
if [ "$STRACE" = 1 ] && command -v strace > /dev/null; then
  # fsync/fdatasync calls per package, by file: two runs (50 and 100 packages, one sender, no
  # warm-up) under strace -f -y; the difference divided by 50, so that setup cancels out.
  for n in 50 100; do
    strace -f -qq -y -e trace=fsync,fdatasync -o "data/strace-$n.txt" "$first/bin/java" $JAVA_OPTS -cp "$cp" dev.mlat.bench.ExchangeThroughput \
      --senders 1 --per-sender "$n" --warmup 0 --attachment "$ATTACHMENT" --dir "data/exchange-strace" > /dev/null 2>&1
  done
  python3 - data/strace-50.txt data/strace-100.txt <<'PY' | sed "s|^|fsync |" | tee -a "$out"
import re, sys, collections
def count(path):
    c = collections.Counter()
    for line in open(path):
        m = re.search(r"f(?:data)?sync\(\d+<([^>]*)>", line)
        if not m:
            continue
        f = m.group(1)
        side = "sender" if "/FR-" in f else "receiver" if "/exchange-strace/" in f else "other"
        if "ledger.db" in f:
            what = "ledger (SQLite WAL commit)"
        elif "/https-store" in f:
            what = "HTTPS upload store (" + ("file" if re.search(r"\.(part|tmp)$", f) else "directory") + ")"
        elif "/blobs" in f:
            what = "blob store (" + ("file" if f.endswith(".tmp") else "directory") + ")"
        else:
            what, side = "other (probe, setup)", "other"
        c[(side, what)] += 1
    return c
a, b = count(sys.argv[1]), count(sys.argv[2])
total = 0
for key in sorted(set(a) | set(b)):
    per = (b[key] - a[key]) / 50
    if key[0] != "other":
        total += per
    print(f"perPackage={per:5.2f} {key[0]:8s} {key[1]}")
print(f"perPackage={total:5.2f} total (sender + receiver), strace -f -y, (calls at 100 - calls at 50) / 50")
PY
fi

if [ "$PROFILE" = 1 ]; then
  jfr_file="data/jfr/exchange-$(basename "$first").jfr"
  "$first/bin/java" $JAVA_OPTS -XX:StartFlightRecording=filename="$jfr_file",settings=profile -cp "$cp" dev.mlat.bench.ExchangeThroughput \
    --senders 4 --per-sender "$PER_SENDER" --warmup "$WARMUP" --rounds "$ROUNDS" --attachment "$ATTACHMENT" --dir data/exchange-jfr 2>&1 | filter \
    | sed "s|^|jfr-run S=4 |" | tee -a "$out"
  for who in mlat-https sender- ""; do
    label=${who:-all}
    jfr print --events jdk.ExecutionSample --stack-depth 64 "$jfr_file" | SKIP=${SKIP:-0.5} ./jfr-summary.py "$who" > "data/jfr/summary.txt"
    head -40 "data/jfr/summary.txt" | sed "s|^|jfr java [$label]: |" | tee -a "$out"
  done
  # Where threads wait in native code (fsync inside SQLite's commit, socket reads, ...).
  jfr print --events jdk.NativeMethodSample --stack-depth 64 "$jfr_file" | ./jfr-summary.py > "data/jfr/summary.txt"
  sed -n '/top self/,$p' "data/jfr/summary.txt" | sed -n 1,14p | sed "s|^|jfr native: |" | tee -a "$out"
  # Where threads waited (events over the profile thresholds): parked (locks, semaphores: the ledger's
  # one SQLite connection), monitor enter, FileChannel.force; summed by the first mlat/SQLite frame.
  for ev in jdk.ThreadPark jdk.JavaMonitorEnter jdk.FileForce; do
    jfr print --events "$ev" --stack-depth 24 "$jfr_file" | python3 -c '
import re, sys, collections
unit = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1000.0, "min": 60000.0}
tot, cnt = collections.Counter(), collections.Counter()
cur, dur, thread = None, 0.0, ""
for line in sys.stdin:
    s = line.strip()
    if re.match(r"^jdk\.\w+ \{$", s):
        cur, dur, thread = [], 0.0, ""
    elif cur is None:
        continue
    elif s.startswith("duration = "):
        m = re.match(r"duration = ([\d.]+) (\w+)", s)
        if m: dur = float(m.group(1)) * unit.get(m.group(2), 1.0)
    elif s.startswith("eventThread = "):
        thread = re.sub(r"[-\d]+\"?.*$", "", s.split("\"")[1]) if "\"" in s else ""
    elif s == "}":
        key = next((f for f in cur if re.match(r"(dev\.mlat|org\.sqlite)", f)), cur[0] if cur else "?")
        key = thread + " " + key.split("(")[0] + "()"
        tot[key] += dur; cnt[key] += 1; cur = None
    elif re.match(r"^[\w$.<>/]+\(.*\)", s):
        cur.append(s)
print(f"{sum(cnt.values())} events, {sum(tot.values())/1000:.1f} s in all")
for k, v in tot.most_common(8):
    print(f"  {v/1000:7.2f} s  {cnt[k]:6d} events  {k}")
' | sed "s|^|jfr $ev: |" | tee -a "$out"
  done
  # Shares of the Java samples by exchange area (a sample counts for every area any frame of it matches).
  jfr print --events jdk.ExecutionSample --stack-depth 64 "$jfr_file" | python3 -c '
import re, sys
areas = [("SQLite (JDBC, native)", r"org\.sqlite"), ("TLS (sun.security.ssl)", r"sun\.security\.ssl"),
         ("HTTP client/server", r"jdk\.internal\.net\.http|sun\.net\.httpserver"),
         ("package open (PackageOpener)", r"PackageOpener"), ("package seal (PackageSealer)", r"PackageSealer"),
         ("ledger (dev.mlat.transport.ledger)", r"dev\.mlat\.transport\.ledger"), ("blob store put/fsync", r"FileBlobStore"),
         ("receipt issue/check", r"[Rr]eceipt")]
samples, cur = [], None
for line in sys.stdin:
    s = line.strip()
    if s.startswith("jdk.ExecutionSample"): cur = []
    elif s == "}" and cur is not None: samples.append("\n".join(cur)); cur = None
    elif cur is not None: cur.append(s)
n = len(samples) or 1
print(f"{len(samples)} samples")
for name, rx in areas:
    k = sum(1 for st in samples if re.search(rx, st))
    print(f"  {100.0*k/n:5.1f}%  {name}")
' | sed "s|^|jfr areas: |" | tee -a "$out"
fi
machine | tee -a "$out"
echo "raw output: bench/$out"

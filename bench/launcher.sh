#!/usr/bin/env bash
# Fresh-process start-up of the real command (docs/PERFORMANCE.md, "Fresh-process start-up
# (session 3)"): `mlat seal` / `mlat open` of a package with one large attachment, and two tiny
# commands (`mlat --version`, `mlat verify` of the demo's small package), one process each, run as
# the ./mlat launcher runs them (java OPTIONS -jar mlat-cli/target/mlat.jar ...), for each JVM
# option set. Prints process wall time, MB/s (size / wall), user+sys CPU and peak RSS per run.
#
#   ./mlat demo --out /tmp/mlat-demo          # keys, trust folders and a small package (once)
#   WORK=/tmp/mlat-bench FILE=bench/data/attachment-1GiB.bin DEMO=/tmp/mlat-demo bench/launcher.sh
#
# JAR: another build of mlat.jar (with its lib/ folder beside it), e.g. a copy of the one before a change.
# SETS (';'-separated): "none"; "cds" (an AppCDS archive made as the launcher makes it on JDK 19-24:
# an untimed training run with -Dmlat.cds.training=true -XX:ArchiveClassesAtExit, then
# -XX:SharedArchiveFile); "aot" (a JDK 25 AOT cache made as the launcher makes it: an untimed
# training run with the set's other options and -XX:AOTCacheOutput, then -XX:AOTCache);
# "launcher" (the ./mlat script itself, with its own options and cache: run it once before, and
# wait for its background training); "launcher=NAME" (another launcher script in the repository
# root, e.g. a copy of an earlier ./mlat); any JVM options. JAVA: the java binary.
# The sets are INTERLEAVED: for each op, rep 1 of every set, then rep 2 of every set..., so that the
# load of other work on the machine falls on all of them alike; compare sets within one run only.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
JAVA=${JAVA:-$(ls -d /usr/lib/jvm/temurin-25*/bin/java 2>/dev/null | head -1)}
SETS=${SETS:-"none;cds"}
REPS=${REPS:-3}
OPS=${OPS:-"version verify seal open"}
WORK=${WORK:?WORK: a scratch folder}
DEMO=${DEMO:?DEMO: the output folder of ./mlat demo}
FILE=${FILE:?FILE: the attachment to seal}
jar=${JAR:-"$root/mlat-cli/target/mlat.jar"}
[ -f "$jar" ] || { echo "launcher.sh: build $jar first (./mlat --version builds it)" >&2; exit 1; }
mkdir -p "$WORK"
bytes=$(stat -L -c %s "$FILE")
sha=$(sha256sum "$FILE" | cut -d' ' -f1)
# the demo's request document, its one attachment replaced by FILE
python3 - "$DEMO/fr/outbox/request.json" "$WORK/request.json" "$sha" "$bytes" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
a = d["request"]["attachments"][0]
a["sha256"], a["sizeBytes"], a["mediaType"] = sys.argv[3], int(sys.argv[4]), "application/octet-stream"
d["request"]["attachments"] = [a]
json.dump(d, open(sys.argv[2], "w"), indent=1)
EOF
args_for() { # op
  case "$1" in
    version) echo "--version" ;;
    verify) echo "verify $DEMO/fr/outbox/request.mlat --trust $DEMO/us/trust" ;;
    seal) echo "seal $WORK/request.json --attach $FILE --signer $DEMO/fr/FR-MOJ-signing.p12 --to US:US-DOJ --trust $DEMO/fr/trust --out $WORK/big.mlat --force --password-file $DEMO/fr/FR-MOJ.password" ;;
    open) echo "open $WORK/big.mlat --key $DEMO/us/US-DOJ-encryption.p12 --trust $DEMO/us/trust --out $WORK/opened --force --password-file $DEMO/us/US-DOJ.password" ;;
  esac
}
v=$("$JAVA" -version 2>&1 | head -1 | sed 's/.*version "\([0-9]*\).*/\1/')
echo "# launcher.sh $(date -u +%Y%m%dT%H%MZ) java=$JAVA ($v) file=$FILE ($bytes bytes) load $(cut -d' ' -f1-3 /proc/loadavg)"
IFS=';' read -r -a sets <<< "$SETS"
declare -a set_opts set_run
for k in "${!sets[@]}"; do
  set="${sets[$k]}"
  opts=()
  for o in $set; do
    case "$o" in
      none|cds|aot|launcher|launcher=*) ;;
      *) opts+=("$o") ;;
    esac
  done
  run_opts=()
  if [[ " $set " == *" cds "* ]]; then # the training run, untimed
    rm -f "$WORK/cds-$v-$k.jsa"
    "$JAVA" ${opts[@]+"${opts[@]}"} "-XX:ArchiveClassesAtExit=$WORK/cds-$v-$k.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
      -Dmlat.cds.training=true -jar "$jar" --version > /dev/null 2>&1
    run_opts=("-XX:SharedArchiveFile=$WORK/cds-$v-$k.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
  elif [[ " $set " == *" aot "* ]]; then
    rm -f "$WORK/aot-$v-$k.aot"
    "$JAVA" ${opts[@]+"${opts[@]}"} "-XX:AOTCacheOutput=$WORK/aot-$v-$k.aot" "-Xlog:aot*=off" "-Xlog:cds*=off" \
      -Dmlat.cds.training=true -jar "$jar" --version > /dev/null 2>&1
    [ -s "$WORK/aot-$v-$k.aot" ] || { echo "launcher.sh: set '$set': no AOT cache was written" >&2; exit 1; }
    run_opts=("-XX:AOTCache=$WORK/aot-$v-$k.aot" "-Xlog:aot*=off" "-Xlog:cds*=off")
  fi
  set_opts[$k]="${opts[*]+${opts[*]}} ${run_opts[*]+${run_opts[*]}}"
  set_run[$k]=""
  for o in $set; do
    case "$o" in
      launcher) set_run[$k]="$root/mlat" ;;
      launcher=*) set_run[$k]="$root/${o#launcher=}" ;;
    esac
  done
done
for op in $OPS; do
  for i in $(seq "$REPS"); do
    for k in "${!sets[@]}"; do
      set="${sets[$k]}"
      # shellcheck disable=SC2206
      run=("$JAVA" ${set_opts[$k]} -jar "$jar")
      [ -n "${set_run[$k]}" ] && run=("${set_run[$k]}") # its own JVM options and cache
      l=$(cut -d' ' -f1 /proc/loadavg)
      tf=$(mktemp)
      # shellcheck disable=SC2046
      /usr/bin/time -f '%e %U %S %M' -o "$tf" "${run[@]}" $(args_for "$op") > "$WORK/out.txt" 2> "$WORK/err.txt" \
        || { echo "launcher.sh: $op failed: $(cat "$WORK/err.txt")" >&2; exit 1; }
      read -r wall user sys rss < "$tf"
      rm -f "$tf"
      mbps="-"
      case "$op" in seal|open) mbps=$(echo "$bytes / $wall / 1000000" | bc) ;; esac
      printf 'launcher jdk=%s set=%s op=%s rep=%s load=%s wall=%ss MBps=%s cpu=%.2fs rssMiB=%d stderr=%d\n' "$v" "${set// /+}" "$op" "$i" "$l" \
        "$wall" "$mbps" "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$(wc -c < "$WORK/err.txt")"
    done
  done
done
echo "# load at end $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Builds the benchmark module (and what it needs) without installing anything; writes
# bench/target/classpath.txt for fresh.sh and jmh.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -Pbench -pl bench -am package -DskipTests

#!/usr/bin/env bash
# Runs every test of mlat on a fresh Debian machine: installs what is missing (apt packages),
# prepares the services the tests need, then runs `mvn verify`.
#
#   ./test.sh                 all modules
#   ./test.sh -pl mlat-core   extra arguments go to Maven
#
# Under CI (CI=true) a test that needs a service fails when the service is missing; it never skips.
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages the tests use: the JDK and Maven to build; openssl for the interop tests;
# softhsm2 (and opensc's pkcs11-tool) for the PKCS#11 tests; zip, unzip and jq for the
# OpenSSL-only package recipes; postgresql for the multi-node ledger tests.
packages=(openjdk-17-jdk-headless maven openssl softhsm2 opensc zip unzip jq postgresql)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# PostgreSQL for the ledger tests (docs/LEDGER.md): a throw-away cluster in a temporary directory,
# listening on loopback only, stopped and removed when this script ends. PostgreSQL refuses to run
# as root, so as root the cluster belongs to the `postgres` user the Debian package creates.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ]; then
  echo "test.sh: PostgreSQL is not installed under /usr/lib/postgresql" >&2
  exit 1
fi
pg_dir=$(mktemp -d /tmp/mlat-test-pg.XXXXXX)
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$pg_dir"
  as_pg=(runuser -u postgres --)
fi
pg_port=$(( 20000 + RANDOM % 20000 ))
while (echo > "/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$(( pg_port + 1 )); done
pg_password="mlat-test-$RANDOM$RANDOM"
stop_pg() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_pg EXIT
"${as_pg[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
  >"$pg_dir/initdb.log" 2>&1 || { cat "$pg_dir/initdb.log" >&2; exit 1; }
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on" start >/dev/null \
  || { cat "$pg_dir/server.log" >&2; exit 1; }
"${as_pg[@]}" "$pg_bin/psql" -q -h "$pg_dir" -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE mlat_test LOGIN PASSWORD '$pg_password'" -c "CREATE DATABASE mlat_test OWNER mlat_test" >/dev/null
export MLAT_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$pg_port/mlat_test"
export MLAT_TEST_PG_USER=mlat_test
export MLAT_TEST_PG_PASSWORD="$pg_password"

# Tells the tests that every service they need is here, so they fail rather than skip.
export MLAT_REQUIRE_SERVICES=true

mvn -B -ntp verify "$@"

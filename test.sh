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
# OpenSSL-only package recipes.
packages=(openjdk-17-jdk-headless maven openssl softhsm2 opensc zip unzip jq)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Tells the tests that every service they need is here, so they fail rather than skip.
export MLAT_REQUIRE_SERVICES=true

exec mvn -B -ntp verify "$@"

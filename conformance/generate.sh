#!/bin/sh
# Regenerates the conformance kit (docs/CONFORMANCE.md). Keys and signatures are random, so the
# output differs on every run: regenerate only when the format changes, and commit the result.
#
#   conformance/generate.sh vectors   # the CMS-layer vectors, from the committed PKI (default)
#   conformance/generate.sh all       # a new PKI, then the vectors (every vector depends on the PKI)
#
# Needs a JDK 17+, Maven and openssl (some invalid vectors are what OpenSSL's defaults produce).
set -eu
cd "$(dirname "$0")/.."
what=${1:-vectors}
case "$what" in
  vectors|all) ;;
  *) echo "usage: $0 [vectors|all]" >&2; exit 2 ;;
esac
mvn -B -ntp -q -pl mlat-crypto -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/conformance-classpath.txt -Dmdep.includeScope=test
cp="mlat-crypto/target/test-classes:mlat-crypto/target/classes:$(cat mlat-crypto/target/conformance-classpath.txt)"
if [ "$what" = all ]; then
  rm -rf conformance/pki
  java -cp "$cp" dev.mlat.crypto.testing.ConformancePki conformance/pki
fi
rm -rf conformance/vectors/cms
java -cp "$cp" dev.mlat.crypto.conformance.ConformanceVectorsGenerator conformance
echo "regenerated: $(find conformance -type f | wc -l) files; run: mvn -B -ntp -q -pl mlat-crypto -am verify -Dtest='Conformance*Test'"

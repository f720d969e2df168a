#!/bin/sh
# Regenerates the conformance kit (docs/CONFORMANCE.md). Keys and signatures are random, so the
# output differs on every run: regenerate only when the format changes, and commit the result.
#
#   conformance/generate.sh vectors   # the CMS-layer and package-layer vectors, from the committed PKI (default)
#   conformance/generate.sh package   # the package-layer vectors only, from the committed PKI
#   conformance/generate.sh all       # a new PKI, then all the vectors (every vector depends on the PKI)
#
# Needs a JDK 17+, Maven and openssl (some invalid vectors are what OpenSSL's defaults produce).
set -eu
cd "$(dirname "$0")/.."
what=${1:-vectors}
case "$what" in
  vectors|package|all) ;;
  *) echo "usage: $0 [vectors|package|all]" >&2; exit 2 ;;
esac
mvn -B -ntp -q -pl mlat-crypto -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/conformance-classpath.txt -Dmdep.includeScope=test
cp="mlat-crypto/target/test-classes:mlat-crypto/target/classes:$(cat mlat-crypto/target/conformance-classpath.txt)"
if [ "$what" = all ]; then
  rm -rf conformance/pki
  java -cp "$cp" dev.mlat.crypto.testing.ConformancePki conformance/pki
fi
if [ "$what" != package ]; then
  rm -rf conformance/vectors/cms
  java -cp "$cp" dev.mlat.crypto.conformance.ConformanceVectorsGenerator conformance
fi
# package-layer vectors: dev.mlat.transport.conformance.PackageConformanceVectorsGenerator (mlat-transport tests)
mvn -B -ntp -q -pl mlat-transport -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/conformance-classpath.txt -Dmdep.includeScope=test
tcp="mlat-transport/target/test-classes:mlat-transport/target/classes:$(cat mlat-transport/target/conformance-classpath.txt)"
rm -rf conformance/vectors/package
java -cp "$tcp" dev.mlat.transport.conformance.PackageConformanceVectorsGenerator conformance
echo "regenerated: $(find conformance -type f | wc -l) files, $(du -sh conformance | cut -f1); run:"
echo "  mvn -B -ntp -q -pl mlat-transport -am verify -Dtest='Conformance*Test,PackageConformance*Test' -Dsurefire.failIfNoSpecifiedTests=false"

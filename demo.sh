#!/usr/bin/env bash
# The README's main job until the two-country demo lands with the mlat command: builds mlat (tests
# skipped) and runs BuildRequestExample, which builds a French request for preservation and
# production of subscriber data, validates it at the issued level (exit 1 and one line per problem
# when incomplete), writes it with the strict JSON writer, reads it back with the
# strict reader and prints it. Needs only a JDK 17+ and Maven.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -ntp -q -pl examples -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/examples.cp -Dmdep.includeScope=runtime
exec java -cp "examples/target/classes:$(cat examples/target/examples.cp)" dev.mlat.examples.BuildRequestExample "$@"

#!/usr/bin/env bash
# Adds the arango-replication component to Karavan's components.json (or, with "kaoto", to the components file of a
# Kaoto catalog), using the repository's camel-arango-replication.json; with "kaoto-kamelets", adds the
# arango-changes-source Kamelet (kamelets/) to the Kamelets file of a Kaoto catalog. Needs Java 17 and Maven.
#   examples/karavan/merge-into-karavan.sh path/to/components.json
#   examples/karavan/merge-into-karavan.sh kaoto path/to/camel-catalog-aggregate-components-4.22.0.json
#   examples/karavan/merge-into-karavan.sh kaoto-kamelets path/to/kamelets-aggregate-<hash>.json
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target=karavan
if [ "$#" -eq 2 ]; then target="$1"; shift; fi
[ "$#" -eq 1 ] || { echo "usage: $0 [karavan|kaoto|kaoto-kamelets] <catalog file>" >&2; exit 2; }
file="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
if [ "$target" = kaoto-kamelets ]; then
    source="--kamelet $here/../../kamelets/arango-changes-source.kamelet.yaml"
else
    source="--component $here/../../camel-arango-replication.json"
fi
mvn -q -B -f "$here/pom.xml" compile exec:java -Dexec.args="$target $file $source"

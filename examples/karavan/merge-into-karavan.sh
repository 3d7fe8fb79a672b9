#!/usr/bin/env bash
#
# Copyright 2026 The camel-arango-replication authors
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
#

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

/*
 * Copyright 2026 The camel-arango-replication authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.github.camelarango.replication.faults;

/**
 * What one run of a cell did.
 *
 * @param status   PASS, FAIL or SKIPPED (awaiting a fix)
 * @param observed what happened: CONVERGED, STOPPED_LOUDLY then CONVERGED, or how it went wrong
 * @param lost     documents the downstream copy got wrong at the end (-1 when not measured)
 * @param why      one line: the failure, the awaited item, or empty
 */
record CellResult(Cell cell, long seed, String status, String observed, int lost, int duplicates, long millis,
                  String why) {
}

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
package io.github.camelarango.replication.cdc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.camelarango.replication.emulator.ArangoEmulator;

/** The emulator's current documents as key → _rev per collection, and the same view of a replica. */
final class EmulatorTruth {

    private EmulatorTruth() {
    }

    static Map<String, Map<String, String>> of(ArangoEmulator emulator, String db, List<String> collections) {
        Map<String, Map<String, String>> truth = new LinkedHashMap<>();
        for (String c : collections) {
            Map<String, String> revs = new TreeMap<>();
            emulator.documents(db, c).forEach((key, doc) -> revs.put(key, String.valueOf(doc.get("_rev"))));
            truth.put(c, revs);
        }
        return truth;
    }

    static Map<String, Map<String, String>> of(ReplayedState replica, List<String> collections) {
        Map<String, Map<String, String>> view = new LinkedHashMap<>();
        for (String c : collections) {
            view.put(c, new TreeMap<>(replica.state().getOrDefault(c, Map.of())));
        }
        return view;
    }
}

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

package io.github.camelarango.replication.emulator.docapi;

import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.HttpRequest;

import java.util.Set;

/** Query options of the document API (§11.2). */
record DocumentOptions(boolean waitForSync, boolean returnNew, boolean returnOld, boolean silent, boolean mergeObjects,
                       boolean keepNull, boolean ignoreRevs, String overwriteMode) {

    private static final Set<String> OVERWRITE_MODES = Set.of("ignore", "replace", "update", "conflict");

    static DocumentOptions of(HttpRequest request) {
        String mode = request.param("overwriteMode");
        if (mode != null && !OVERWRITE_MODES.contains(mode)) {
            throw ArangoException.badParameter("invalid overwriteMode '" + mode + "'; allowed: " + OVERWRITE_MODES);
        }
        if (mode == null && request.boolParam("overwrite", false)) {
            mode = "replace";
        }
        return new DocumentOptions(
                request.boolParam("waitForSync", false),
                request.boolParam("returnNew", false),
                request.boolParam("returnOld", false),
                request.boolParam("silent", false),
                request.boolParam("mergeObjects", true),
                request.boolParam("keepNull", true),
                request.boolParam("ignoreRevs", true),
                mode == null ? "conflict" : mode);
    }
}

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

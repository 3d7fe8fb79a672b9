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
package io.github.camelarango.replication.emulator.replication;

import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.HttpRequest;
import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.Database;

/** The {@code collection} query parameter, looked up in the request's database the way the replication APIs do. */
final class CollectionParam {

    private CollectionParam() {
    }

    /**
     * A collection the request must name ({@code keys}, {@code revisions}): absent or empty is 400 "invalid collection
     * parameter", an unknown name is 404 collection not found.
     */
    static Collection required(HttpRequest request, Database database) {
        String name = request.param("collection");
        if (name == null || name.isEmpty()) {
            throw ArangoException.badParameter("invalid collection parameter");
        }
        return existing(database, name);
    }

    /**
     * A collection filter the request may name ({@code wal/tail}, {@code logger-follow}): absent or empty is no
     * filter ({@code null}), an unknown name is 404 collection not found.
     */
    static Collection optional(HttpRequest request, Database database) {
        String name = request.param("collection");
        return name == null || name.isEmpty() ? null : existing(database, name);
    }

    private static Collection existing(Database database, String name) {
        Collection c = database.collection(name);
        if (c == null) {
            throw ArangoException.collectionNotFound(name);
        }
        return c;
    }
}

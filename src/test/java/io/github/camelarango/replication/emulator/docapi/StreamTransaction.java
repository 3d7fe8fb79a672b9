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

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.Json;
import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.Database;
import io.github.camelarango.replication.emulator.model.WriteSet;

import java.util.Set;

/** A stream transaction: its declared collections and the writes it staged, invisible to others until commit. */
final class StreamTransaction {

    /** Lifecycle states as {@code GET /_api/transaction/<id>} reports them. */
    public enum Status { running, committed, aborted }

    private final String id;
    private final Database database;
    private final Set<String> writable;
    private final boolean allowImplicit;
    private final WriteSet writes = new WriteSet();
    private volatile Status status = Status.running;

    StreamTransaction(String id, Database database, Set<String> writable, boolean allowImplicit) {
        this.id = id;
        this.database = database;
        this.writable = writable;
        this.allowImplicit = allowImplicit;
    }

    public String id() {
        return id;
    }

    public Database database() {
        return database;
    }

    public Status status() {
        return status;
    }

    void status(Status newStatus) {
        this.status = newStatus;
    }

    public WriteSet writes() {
        return writes;
    }

    public boolean allowImplicit() {
        return allowImplicit;
    }

    /** Writes need the collection declared as write or exclusive (400/1652 otherwise). */
    public void checkWritable(Collection collection) {
        if (!writable.contains(collection.name()) && !writable.contains(collection.idText())) {
            throw new ArangoException(400, 1652, "collection '" + collection.name()
                    + "' not registered for write access in transaction " + id);
        }
    }

    public ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("id", id);
        node.put("status", status.name());
        return node;
    }
}

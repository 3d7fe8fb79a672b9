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
package io.github.camelarango.replication.emulator.model;

import io.github.camelarango.replication.emulator.http.ByteSink;

import java.nio.charset.StandardCharsets;

/**
 * One stored version of a document, kept compact: key, revision, and the remaining attributes as serialized JSON
 * (the members of the object without the braces, {@code _from}/{@code _to} first for edges). {@code _id} is not
 * stored: it is rendered with the collection's current name, as ArangoDB does.
 * <p>
 * MVCC: {@code createdTick} is the WAL tick of the write that produced it, {@code deletedTick} the tick of the
 * write that replaced or removed it (0 while current). A snapshot at tick S sees the version iff
 * {@code createdTick <= S && (deletedTick == 0 || deletedTick > S)}.
 */
public final class DocumentVersion {

    private static final byte[] KEY = "{\"_key\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ID = "\",\"_id\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REV = "\",\"_rev\":\"".getBytes(StandardCharsets.US_ASCII);

    private final String key;
    private final long rev;
    private final byte[] attributes;
    private volatile long createdTick;
    private volatile long deletedTick;
    private int slot = -1;

    public DocumentVersion(String key, long rev, byte[] attributes) {
        this.key = key;
        this.rev = rev;
        this.attributes = attributes;
    }

    public String key() {
        return key;
    }

    public long rev() {
        return rev;
    }

    public String revText() {
        return Revisions.encode(rev);
    }

    public byte[] attributes() {
        return attributes;
    }

    public long createdTick() {
        return createdTick;
    }

    void createdTick(long tick) {
        this.createdTick = tick;
    }

    public long deletedTick() {
        return deletedTick;
    }

    void deletedTick(long tick) {
        this.deletedTick = tick;
    }

    int slot() {
        return slot;
    }

    void slot(int newSlot) {
        this.slot = newSlot;
    }

    public boolean visibleAt(long snapshotTick) {
        long created = createdTick;
        long deleted = deletedTick;
        return created != 0 && Long.compareUnsigned(created, snapshotTick) <= 0
                && (deleted == 0 || Long.compareUnsigned(deleted, snapshotTick) > 0);
    }

    /** Length in bytes of {@link #render}; keys and collection names are ASCII. */
    public int renderedLength(String collectionName) {
        return KEY.length + key.length() + ID.length + collectionName.length() + 1 + key.length() + REV.length + 11 + 1
                + (attributes.length == 0 ? 1 : attributes.length + 2);
    }

    /** Writes the full document JSON: {@code {"_key":…,"_id":"<collection>/<key>","_rev":…,…}}. */
    public void render(String collectionName, ByteSink out) {
        out.write(KEY);
        out.ascii(key);
        out.write(ID);
        out.ascii(collectionName);
        out.write('/');
        out.ascii(key);
        out.write(REV);
        out.ascii(Revisions.encode(rev));
        out.write('"');
        if (attributes.length > 0) {
            out.write(',');
            out.write(attributes);
        }
        out.write('}');
    }

    public byte[] render(String collectionName) {
        ByteSink out = new ByteSink(renderedLength(collectionName));
        render(collectionName, out);
        return out.toByteArray();
    }
}

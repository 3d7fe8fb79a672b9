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
package io.github.camelarango.replication.cdc.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.camelarango.replication.cdc.ChangeEvent;
import io.github.camelarango.replication.cdc.ChangeType;
import io.github.camelarango.replication.client.Json;
import io.github.camelarango.replication.client.RawJson;

/**
 * The document of a change read from a DB-Server with the collection's name in its {@code _id}: a DB-Server may write
 * {@code <shard>/<key>} there (docs/cluster.md), and a route must see the collection, never the shard. Only the
 * shard prefix of the top-level {@code _id} string changes; every other byte stays as the server wrote it (numbers
 * keep their digits). Applied by the cluster stream to every change it hands out (docs/cluster-capture.md).
 */
final class ClusterDocumentIds {

    private ClusterDocumentIds() {
    }

    /**
     * The event with its document's {@code _id} naming the collection; the event itself when it comes from a single
     * server, carries no document, or its {@code _id} names no shard.
     */
    static ChangeEvent namingCollection(ChangeEvent event) {
        if (event.origin() == null || event.origin().shard() == null || event.collection() == null
            || !carriesDocument(event.type())) {
            return event;
        }
        byte[] json = event.rawData().toByteArray();
        int at = shardPrefix(json, event.origin().shard());
        if (at < 0) {
            return event;
        }
        byte[] shard = event.origin().shard().getBytes(StandardCharsets.UTF_8);
        byte[] collection = event.collection().getBytes(StandardCharsets.UTF_8);
        byte[] renamed = new byte[json.length - shard.length + collection.length];
        System.arraycopy(json, 0, renamed, 0, at);
        System.arraycopy(collection, 0, renamed, at, collection.length);
        System.arraycopy(json, at + shard.length, renamed, at + collection.length, json.length - at - shard.length);
        return new ChangeEvent(event.tick(), event.type(), event.markerType(), event.database(), event.collection(),
                event.cuid(), event.key(), event.rev(), event.transactionId(), event.snapshot(), RawJson.of(renamed),
                event.position(), event.origin());
    }

    private static boolean carriesDocument(ChangeType type) {
        return type == ChangeType.SNAPSHOT_READ || type == ChangeType.UPSERT || type == ChangeType.DELETE;
    }

    /**
     * Where the shard's name starts in the top-level {@code _id} string when that string is {@code <shard>/…} as
     * written (no escapes), else -1.
     */
    private static int shardPrefix(byte[] json, String shard) {
        byte[] prefix = (shard + "/").getBytes(StandardCharsets.UTF_8);
        try (JsonParser parser = Json.mapper().getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return -1;
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                boolean id = "_id".equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (id) {
                    int quote = (int) parser.currentTokenLocation().getByteOffset();
                    return value == JsonToken.VALUE_STRING && quote >= 0 && json.length >= quote + 1 + prefix.length
                           && Arrays.equals(json, quote + 1, quote + 1 + prefix.length, prefix, 0, prefix.length)
                            ? quote + 1 : -1;
                }
                parser.skipChildren();
            }
            return -1;
        } catch (IOException e) { // not JSON (a line kept under badLinePolicy): delivered as the server wrote it
            return -1;
        }
    }
}

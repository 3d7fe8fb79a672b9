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
package io.github.camelarango.examples.kafka;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * ArangoDB to Kafka: every change of the collections (snapshot first, then the write-ahead log) as a Debezium-style
 * JSON record on {@code {{kafka.topic}}}, keyed by {@code <collection>/<_key>} (the
 * {@code CamelArangoReplicationDocumentId} header, e.g. {@code orders/1}), so that the collections can share one
 * compacted topic: the bare {@code _key} of {@code orders/1} and {@code customers/1} is the same. With
 * {@code kafka.tombstones=true} a delete is followed by a tombstone (same key, null value) so that log compaction
 * forgets the document.
 * <p>
 * The consumer commits its position to {@code {{offsets.file}}} only once Kafka acknowledged the record, so stopping
 * and starting again (or a crash) loses nothing: at-least-once, duplicates possible after a crash.
 */
public class ArangoToKafkaRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("arango-replication:changes?collections={{arango.collections}}&snapshotMode=initial&envelope=debezium"
                + "&tombstoneOnDelete={{kafka.tombstones}}&offsetFile={{offsets.file}}")
                .routeId("arango-to-kafka")
                .setHeader(KafkaConstants.KEY, header("CamelArangoReplicationDocumentId"))
                .to("kafka:{{kafka.topic}}?brokers={{kafka.brokers}}");
    }
}

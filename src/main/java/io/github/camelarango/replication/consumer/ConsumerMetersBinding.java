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
package io.github.camelarango.replication.consumer;

import java.util.Map;

import org.apache.camel.CamelContext;

/**
 * Publishes a {@code changes} consumer's {@link ConsumerMeters} when Micrometer is on the class path and the
 * CamelContext's registry holds a {@code MeterRegistry} (Spring Boot's, with its actuator); does nothing otherwise.
 * Free of Micrometer types itself, so the component runs without Micrometer.
 */
public final class ConsumerMetersBinding {

    private static final String METER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    private ConsumerMetersBinding() {
    }

    /**
     * @return the meters: what publishes those of a cluster's DB-Servers and shards, and removes them all again when
     *         the consumer stops
     */
    public static Meters bind(CamelContext camelContext, String routeId, ConsumerStatus.Source consumer) {
        try {
            Class.forName(METER_REGISTRY, false, ConsumerMetersBinding.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Meters.NONE;
        }
        return ConsumerMeters.bindToRegistryOf(camelContext, routeId, consumer);
    }

    /** A consumer's published meters, as the consumer handles them (no Micrometer type). */
    public interface Meters extends AutoCloseable {

        /** No meters: Micrometer is not on the class path, or no one registry to publish to. */
        Meters NONE = new Meters() {
            @Override
            public void followCluster(Map<String, Map<String, String>> shardsByServer) {
            }

            @Override
            public void close() {
            }
        };

        /**
         * Publishes the gauges of these DB-Servers and shards of a cluster, and removes those of any other.
         *
         * @param shardsByServer the shards the consumer's stream reads, by DB-Server id: shard name to collection
         *                       name; empty when it reads no cluster, or its stream closed
         */
        void followCluster(Map<String, Map<String, String>> shardsByServer);

        /** Removes every meter of the consumer. */
        @Override
        void close();
    }
}

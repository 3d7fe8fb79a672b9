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
     * @return what removes the meters again when the consumer stops
     */
    public static AutoCloseable bind(CamelContext camelContext, String routeId, ConsumerStatus.Source consumer) {
        try {
            Class.forName(METER_REGISTRY, false, ConsumerMetersBinding.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return () -> { };
        }
        return ConsumerMeters.bindToRegistryOf(camelContext, routeId, consumer);
    }
}

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
package io.github.camelarango.replication.faults;

import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A CamelContext of its own with one route, {@code from(<changes URI>).process(sink)}, and the consumer's health as
 * Camel reports it ({@code consumer:faults}, through {@link HealthCheckHelper}).
 */
final class InJvmRoute implements AutoCloseable {

    static final String ROUTE_ID = "faults";

    private final CamelContext camel = new DefaultCamelContext();

    InJvmRoute(String uri, Positions positions, RecordingSink sink) throws Exception {
        camel.getRegistry().bind("positions", positions);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(ROUTE_ID).process(sink);
            }
        });
        camel.start();
        HealthCheckHelper.getHealthCheckRepository(camel, "consumers");
    }

    /** The consumer's health check result, empty while Camel does not report it (not started, stopped). */
    Optional<HealthCheck.Result> health() {
        if (!camel.isStarted()) {
            return Optional.empty();
        }
        return HealthCheckHelper.invokeReadiness(camel).stream()
                .filter(r -> r.getCheck().getId().equals("consumer:" + ROUTE_ID)).findFirst();
    }

    boolean isStopping() {
        return camel.isStopping() || camel.isStopped();
    }

    @Override
    public void close() {
        camel.stop();
    }
}

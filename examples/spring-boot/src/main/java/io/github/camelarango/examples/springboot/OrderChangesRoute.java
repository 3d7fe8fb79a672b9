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
package io.github.camelarango.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Captures the changes of the collections that {@code camel.component.arango-replication.collections} names (snapshot
 * first) and hands each to {@code orders.sink}; connection and consumer options come from
 * {@code camel.component.arango-replication.*}.
 */
@Component
public class OrderChangesRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("arango-replication:changes")
                .routeId("order-changes")
                .log("${header.CamelArangoReplicationChangeType} ${header.CamelArangoReplicationKey}"
                        + " at tick ${header.CamelArangoReplicationTick}")
                .to("{{orders.sink}}");
    }
}

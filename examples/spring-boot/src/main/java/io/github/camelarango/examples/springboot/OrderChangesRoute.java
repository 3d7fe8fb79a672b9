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

package io.github.camelarango.examples.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Captures the changes of {@code orders.collection} (snapshot first) and hands each to {@code orders.sink}; the
 * connection comes from {@code camel.component.arango-replication.*}.
 */
@Component
public class OrderChangesRoute extends RouteBuilder {

    @Override
    public void configure() {
        from("arango-replication:changes?collections={{orders.collection}}&offsetFile={{offsets.file}}")
                .routeId("order-changes")
                .log("${header.CamelArangoReplicationChangeType} ${header.CamelArangoReplicationKey}"
                        + " at tick ${header.CamelArangoReplicationTick}")
                .to("{{orders.sink}}");
    }
}

package io.github.camelarango.replication;

import java.util.Map;

import io.github.camelarango.replication.consumer.ConsumerMeters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a MeterRegistry in the registry, a changes consumer publishes its figures as Micrometer meters. */
class ChangesConsumerMetersIT extends ChangesConsumerTestSupport {

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        super.bindToRegistry(registry);
        registry.bind("meterRegistry", meters);
    }

    @Test
    void theMetersFollowTheSnapshotAndTheLog() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            f.insert("orders", Map.of("_key", "o1"));
            f.insert("orders", Map.of("_key", "o2"));
            ReplicaSink sink = new ReplicaSink();
            route("arango-replication:changes?offsetRepository=#offsets&initialDelay=0&" + f.connection(), sink);
            await("the snapshot", () -> sink.count() == 2);
            f.remove("orders", "o1");
            await("the delete", () -> sink.count() == 3);
            double deleteTick = Double.parseDouble(sink.received().get(2).tick());
            await("the committed delete", () -> value(ConsumerMeters.COMMITTED_TICK) == deleteTick);

            assertEquals(2, events("SNAPSHOT_READ"));
            assertEquals(1, events("DELETE"));
            assertEquals(0, events("UPSERT"));
            assertEquals(2, value(ConsumerMeters.SNAPSHOT_DOCUMENTS_READ));
            assertEquals(1, value(ConsumerMeters.SNAPSHOT_COLLECTIONS));
            assertEquals(1, value(ConsumerMeters.SNAPSHOT_COLLECTIONS_COMPLETED));
            assertTrue(value(ConsumerMeters.SERVER_LAST_TICK) >= deleteTick);
            assertEquals(value(ConsumerMeters.SERVER_LAST_TICK) - deleteTick, value(ConsumerMeters.LAG_TICKS));
            assertEquals(0, meters.get(ConsumerMeters.POSITION_LOST).functionCounter().count());

            context.getRouteController().stopRoute("cdc");
            assertNull(meters.find(ConsumerMeters.COMMITTED_TICK).gauge(), "the meters go with the consumer");
            context.getRouteController().startRoute("cdc");
            assertEquals(deleteTick, value(ConsumerMeters.COMMITTED_TICK), "and come back with it");
        }
    }

    private double value(String gauge) {
        return meters.get(gauge).tag("routeId", "cdc").tag("camelContext", context.getName()).gauge().value();
    }

    private double events(String type) {
        return meters.get(ConsumerMeters.EVENTS).tag("routeId", "cdc").tag("type", type).functionCounter().count();
    }
}

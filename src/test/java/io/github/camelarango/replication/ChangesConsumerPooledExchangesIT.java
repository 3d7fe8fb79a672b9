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
package io.github.camelarango.replication;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.engine.PooledExchangeFactory;
import org.apache.camel.spi.PooledObjectFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The changes consumer under Camel's pooled exchange factory ({@code camel.main.exchangeFactory=pooled}): every
 * exchange it takes from the factory goes back to it — with batching the batch exchange, but not the exchanges of
 * its List, which whatever keeps the batch keeps with it — and a reused exchange carries the headers of its own
 * change only.
 */
class ChangesConsumerPooledExchangesIT extends ChangesConsumerTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        PooledExchangeFactory pooled = new PooledExchangeFactory();
        pooled.setStatisticsEnabled(true);
        camel.getCamelContextExtension().setExchangeFactory(pooled);
        return camel;
    }

    @Test
    void theBatchExchangesGoBackToTheFactoryOnceTheyCompleted() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            for (int i = 1; i <= 5; i++) {
                f.insert("orders", Map.of("_key", "o" + i));
            }
            List<Integer> sizes = new CopyOnWriteArrayList<>();
            route("arango-replication:changes?collections=orders&batching=true&offsetRepository=#offsets"
                  + "&offsetKey=p&initialDelay=0&" + f.connection(),
                    exchange -> sizes.add(exchange.getMessage().getBody(List.class).size()));
            await("the snapshot's batch", () -> sizes.stream().mapToInt(Integer::intValue).sum() == 5);
            f.insert("orders", Map.of("_key", "o6"));
            f.insert("orders", Map.of("_key", "o7"));
            await("the tailed changes", () -> sizes.stream().mapToInt(Integer::intValue).sum() == 7);
            PooledObjectFactory.Statistics statistics = context.getCamelContextExtension().getExchangeFactoryManager()
                    .getStatistics(); // of the running consumers: a stopped one leaves the manager
            long deadline = System.nanoTime() + 5_000_000_000L; // the last batch's exchanges: as its exchange completes
            while (taken(statistics) != statistics.getReleasedCounter() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(sizes.size(), taken(statistics), "one exchange per batch; the changes' exchanges in its "
                                                          + "List are not the factory's (see the aggregator test)");
            assertEquals(taken(statistics), statistics.getReleasedCounter(), "every exchange taken from the factory, "
                    + "the batches', went back to it");
        }
    }


    /**
     * An aggregator keeps each batch exchange it is given as Camel keeps any exchange: a copy, whose List body is the
     * same List of the same change exchanges. The consumer commits a batch once its exchange completed, as the
     * aggregator took it; the aggregate must still carry every change of the batches it collected, with its own
     * headers and body, however the consumer's exchanges are pooled.
     */
    @Test
    void anAggregatorCollectingBatchesSeesEveryChangeOfThem() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            for (int i = 1; i <= 5; i++) {
                f.insert("orders", Map.of("_key", "o" + i));
            }
            List<String> aggregated = new CopyOnWriteArrayList<>();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("arango-replication:changes?collections=orders&batching=true&offsetRepository=#offsets"
                         + "&offsetKey=a&initialDelay=0&" + f.connection()).routeId("cdc")
                            .aggregate(constant(true), (collected, batch) -> {
                                List<Exchange> changes = new ArrayList<>();
                                if (collected != null) {
                                    changes.addAll(collected.getMessage().getBody(List.class));
                                }
                                changes.addAll(batch.getMessage().getBody(List.class));
                                batch.getMessage().setBody(changes);
                                return batch;
                            })
                            .completionPredicate(exchange -> exchange.getMessage().getBody(List.class).size() >= 7)
                            .process(exchange -> {
                                for (Object change : exchange.getMessage().getBody(List.class)) {
                                    Message message = ((Exchange) change).getMessage();
                                    Object body = message.getBody();
                                    aggregated.add(message.getHeader(ArangoReplicationConstants.KEY) + "="
                                                   + (body == null ? null : map(body).get("_key")));
                                }
                            });
                }
            });
            awaitCommitted("a");
            f.insert("orders", Map.of("_key", "o6"));
            f.insert("orders", Map.of("_key", "o7"));
            await("the aggregate", () -> aggregated.size() >= 7);

            assertEquals(List.of("o1=o1", "o2=o2", "o3=o3", "o4=o4", "o5=o5", "o6=o6", "o7=o7"),
                    aggregated.stream().sorted().toList(), "every change of the aggregated batches, once");
        }
    }


    /**
     * A change handed to a seda queue is read there after its exchange completed and went back to the pool, which
     * reuses it for the next changes: the queue's copy must carry the headers and body of its own change, though the
     * consumer's message writes them only when first touched.
     */
    @Test
    void aChangeReadAfterItsExchangeWasReusedKeepsItsOwnHeaders() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            List<String> late = new CopyOnWriteArrayList<>();
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("arango-replication:changes?collections=orders&offsetRepository=#offsets&offsetKey=s"
                         + "&initialDelay=0&" + f.connection()).routeId("cdc").to("seda:late");
                    from("seda:late").process(exchange -> {
                        Thread.sleep(20); // the consumer's exchange went back to the pool and carries later changes
                        Message message = exchange.getMessage();
                        late.add(message.getHeader(ArangoReplicationConstants.KEY) + "="
                                 + map(message.getBody()).get("_key"));
                    });
                }
            });
            for (int i = 1; i <= 10; i++) {
                f.insert("orders", Map.of("_key", "k" + i));
            }
            await("the late reads", () -> late.size() == 10);

            assertEquals(List.of("k10=k10", "k1=k1", "k2=k2", "k3=k3", "k4=k4", "k5=k5", "k6=k6", "k7=k7", "k8=k8",
                    "k9=k9"), late.stream().sorted().toList());
            assertTrue(context.getCamelContextExtension().getExchangeFactoryManager().getStatistics()
                    .getAcquiredCounter() > 0, "the pool handed out exchanges again");
        }
    }

    private static long taken(PooledObjectFactory.Statistics statistics) {
        return statistics.getCreatedCounter() + statistics.getAcquiredCounter();
    }

    @Test
    void aReusedExchangeCarriesTheHeadersOfItsOwnChange() throws Exception {
        try (CaptureFixture f = fixture("orders")) {
            List<String> mismatches = new CopyOnWriteArrayList<>();
            List<String> keys = new CopyOnWriteArrayList<>();
            route("arango-replication:changes?collections=orders&tombstoneOnDelete=true&offsetRepository=#offsets"
                  + "&offsetKey=r&initialDelay=0&" + f.connection(), exchange -> {
                      Message message = exchange.getMessage();
                      String key = message.getHeader(ArangoReplicationConstants.KEY, String.class);
                      Object body = message.getBody();
                      boolean tombstone = Boolean.TRUE.equals(message.getHeader(ArangoReplicationConstants.TOMBSTONE));
                      if (tombstone ? body != null : !key.equals(map(body).get("_key"))) {
                          mismatches.add(key + " with body " + body);
                      }
                      keys.add((tombstone ? "tombstone " : "") + key);
                  });
            awaitCommitted("r");
            for (int i = 1; i <= 20; i++) {
                f.insert("orders", Map.of("_key", "k" + i));
            }
            f.remove("orders", "k3");
            await("the changes and the tombstone", () -> keys.size() == 22);

            assertTrue(mismatches.isEmpty(), "headers of another change: " + mismatches);
            assertEquals("tombstone k3", keys.get(21));
            assertTrue(context.getCamelContextExtension().getExchangeFactoryManager().getStatistics()
                    .getAcquiredCounter() > 0, "the pool handed out exchanges again");
        }
    }
}

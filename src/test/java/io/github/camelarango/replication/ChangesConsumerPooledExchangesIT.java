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

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.impl.engine.PooledExchangeFactory;
import org.apache.camel.spi.PooledObjectFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The changes consumer under Camel's pooled exchange factory ({@code camel.main.exchangeFactory=pooled}): every
 * exchange it takes from the factory goes back to it — with batching also the exchanges of the batch's List, once
 * the batch exchange completed — and a reused exchange carries the headers of its own change only.
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
    void theExchangesOfABatchGoBackToTheFactoryOnceTheBatchCompleted() throws Exception {
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
            assertTrue(taken(statistics) >= 7 + sizes.size(), "one exchange per change and per batch: "
                                                               + taken(statistics));
            assertEquals(taken(statistics), statistics.getReleasedCounter(), "every exchange taken from the factory, "
                    + "the batches' and their changes', went back to it");
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

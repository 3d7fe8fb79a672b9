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

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;

/**
 * One instance of a fail-over group in this JVM: a CamelContext of its own with a cluster service and the
 * {@code changes} route, which runs only while this instance leads the namespace — through a
 * {@link ClusteredRoutePolicy}, or as {@code master:<namespace>:<changes URI>}. Its deliveries go to the group's
 * shared sink, tagged with the instance, so a test knows who delivered what and who leads now.
 */
final class ClusterMember implements AutoCloseable {

    static final String NAMESPACE = "orders-cdc";
    static final String ROUTE_ID = "cdc";

    /** How the route follows the leadership. */
    enum Election {
        /** {@code from(uri).routePolicy(ClusteredRoutePolicy.forNamespace(namespace))} */
        ROUTE_POLICY,
        /** {@code from("master:" + namespace + ":" + uri)} (camel-master) */
        MASTER
    }

    final String name;
    final CamelContext camel = new DefaultCamelContext();
    final CamelClusterService service;
    private final AtomicInteger delivered = new AtomicInteger();
    private volatile Thread stopper;

    ClusterMember(String name, CamelClusterService service, Election election, String uri, FailoverGroup group)
            throws Exception {
        this.name = name;
        this.service = service;
        camel.getCamelContextExtension().setName(name);
        camel.addService(service);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                (election == Election.MASTER ? from("master:" + NAMESPACE + ":" + uri)
                        : from(uri).routePolicy(ClusteredRoutePolicy.forNamespace(NAMESPACE)))
                        .routeId(ROUTE_ID)
                        .process(exchange -> {
                            delivered.incrementAndGet();
                            group.record(ClusterMember.this.name, Delivery.of(exchange.getMessage()));
                        });
            }
        });
        camel.start();
    }

    /** Whether the cluster service says that this instance leads the namespace. */
    boolean leads() {
        try {
            return service.getView(NAMESPACE).getLocalMember().isLeader();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    int delivered() {
        return delivered.get();
    }

    /**
     * Stops the whole CamelContext from another thread (a trigger runs on this instance's consumer thread, whose
     * exchange Camel's stop waits for) and returns once it is stopping; {@link #awaitStopped()} waits for the end.
     */
    void stopFromTheRoute() throws InterruptedException {
        stopper = new Thread(camel::stop, name + "-stopper");
        stopper.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!camel.isStopping() && !camel.isStopped() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
    }

    void awaitStopped() throws InterruptedException {
        Thread current = stopper;
        if (current != null) {
            current.join(60_000);
        }
    }

    @Override
    public void close() throws Exception {
        awaitStopped();
        camel.stop();
    }
}

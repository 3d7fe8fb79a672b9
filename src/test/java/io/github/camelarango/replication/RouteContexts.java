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

import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;

/**
 * The Camel contexts of a route-level test, each with the test's one offset store bound as {@code offsets}, all
 * stopped by {@link #stopAll()} (after each test).
 */
final class RouteContexts {

    private final MemoryStateRepository offsets = new MemoryStateRepository();
    private final List<CamelContext> contexts = new ArrayList<>();

    /** The offset store every context binds as {@code offsets} (a route names it {@code offsetRepository=#offsets}). */
    MemoryStateRepository offsets() {
        return offsets;
    }

    /** A new context, not started, with {@code offsets} bound and a 10 s shutdown timeout. */
    CamelContext newContext() {
        CamelContext context = new DefaultCamelContext();
        contexts.add(context);
        context.getShutdownStrategy().setTimeout(10);
        context.getRegistry().bind("offsets", offsets);
        return context;
    }

    /** Starts a context with the route {@code cdc}: from {@code uri} to {@code step}. */
    CamelContext start(String uri, Processor step) throws Exception {
        return start(uri, step, Map.of());
    }

    /** As {@link #start(String, Processor)}, with {@code beans} bound too. */
    CamelContext start(String uri, Processor step, Map<String, Object> beans) throws Exception {
        CamelContext context = newContext();
        beans.forEach(context.getRegistry()::bind);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("cdc").process(step);
            }
        });
        context.start();
        return context;
    }

    void stopAll() {
        contexts.forEach(CamelContext::stop);
    }
}

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
package io.github.camelarango.replication.bench;

import java.io.File;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * A CamelContext with one route {@code from("arango-replication:changes?...")} into a processor, and the offset
 * repository the consumer commits to: a {@link FileStateRepository} (what the component uses by default, through
 * {@code offsetFile}) or a {@link MemoryStateRepository}. The scheduler's {@code initialDelay} (1 s by default) is set
 * to 0, so that a run measures delivery, not the wait before the first poll.
 */
final class CamelRoute implements AutoCloseable {

    /** Where the consumer commits its position. */
    enum Offsets { FILE, MEMORY }

    private static final AtomicInteger ROUTES = new AtomicInteger();

    private final CamelContext context = new DefaultCamelContext();
    private final StateRepository<String, String> offsets;
    private final String offsetKey = "bench-route-" + ROUTES.incrementAndGet();

    CamelRoute(Offsets kind) {
        if (kind == Offsets.FILE) {
            File file = new File("target/benchmark/offsets-" + offsetKey + ".dat");
            file.getParentFile().mkdirs();
            file.delete();
            offsets = FileStateRepository.fileStateRepository(file);
        } else {
            offsets = new MemoryStateRepository();
        }
        ServiceHelper.startService(offsets);
    }

    /** Stores a position for the consumer to resume from (its JSON form). */
    void seedPosition(String positionJson) {
        offsets.setState(offsetKey, positionJson);
    }

    /**
     * Starts the route over the emulator at {@code url}; {@code options} are added to the endpoint URI (e.g.
     * {@code collections=bench&snapshotMode=INITIAL_ONLY}); {@code sink} gets every exchange.
     */
    void start(String url, String options, Consumer<Exchange> sink) throws Exception {
        URI server = URI.create(url);
        context.getRegistry().bind("offsets", offsets);
        String uri = "arango-replication:changes?host=" + server.getHost() + "&port=" + server.getPort()
                + "&offsetRepository=#offsets&offsetKey=" + offsetKey + "&initialDelay=0&" + options;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("bench").process(sink::accept);
            }
        });
        context.start();
    }

    /** The document of a native-envelope exchange, as a Map (converted from the default JSON text). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> document(Exchange exchange) {
        return exchange.getMessage().getBody(Map.class);
    }

    @Override
    public void close() {
        context.stop();
        ServiceHelper.stopService(offsets);
    }
}

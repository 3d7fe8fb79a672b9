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

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.model.RouteDefinition;

/**
 * The {@code changes} route in a JVM of its own, for the fault suite's SIGKILL cells (not part of the emulator test
 * kit): it captures the given collections with the default file position store ({@code offsetFile}) and appends each
 * delivered change (with batching: each change of the batch) as one JSON line to a sink file, forced to disk before
 * the exchange completes (so the position is committed only after the line is durable). Runs until killed.
 * <pre>
 * ChildRouteMain &lt;host&gt; &lt;port&gt; &lt;database&gt; &lt;collections&gt; &lt;offsetFile&gt; &lt;sinkFile&gt; &lt;pauseMillis&gt; [extra URI options]
 * </pre>
 * {@code pauseMillis} slows each delivery down (a slow sink), so that a kill lands inside a phase. With the system
 * property {@code faults.clusterRoot} the JVM is one instance of a fail-over group: a {@link FileLockClusterService} on
 * that folder and a {@link ClusteredRoutePolicy} run the route only while this JVM leads
 * {@link ClusterMember#NAMESPACE}.
 */
public final class ChildRouteMain {

    private ChildRouteMain() {
    }

    public static void main(String[] args) throws Exception {
        String uri = "arango-replication:changes?host=" + args[0] + "&port=" + args[1] + "&database=" + args[2]
                     + "&collections=" + args[3] + "&offsetFile=" + args[4] + "&offsetKey=faults"
                     + (args.length > 7 ? "&" + args[7] : "");
        Path sinkFile = Path.of(args[5]);
        long pause = Long.parseLong(args[6]);
        FileChannel sink = FileChannel.open(sinkFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        endIncompleteLine(sinkFile, sink);
        CamelContext camel = new DefaultCamelContext();
        String clusterRoot = System.getProperty("faults.clusterRoot");
        if (clusterRoot != null) {
            camel.addService(fileLockService(clusterRoot));
        }
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() throws Exception {
                RouteDefinition route = from(uri).routeId(InJvmRoute.ROUTE_ID);
                if (clusterRoot != null) {
                    route.routePolicy(ClusteredRoutePolicy.forNamespace(ClusterMember.NAMESPACE));
                }
                route.process(exchange -> {
                    if (pause > 0) {
                        Thread.sleep(pause);
                    }
                    StringBuilder lines = new StringBuilder();
                    Delivery.all(exchange).forEach(d -> lines.append(d.toJson()).append('\n'));
                    write(sink, lines.toString());
                });
            }
        });
        camel.start();
        System.out.println("child route started: " + uri);
        Thread.currentThread().join();
    }

    /** The file-lock cluster service of a fail-over group's instance: it checks the lock every 200 ms. */
    static FileLockClusterService fileLockService(String root) {
        FileLockClusterService service = new FileLockClusterService();
        service.setRoot(root);
        service.setAcquireLockDelay(200, TimeUnit.MILLISECONDS);
        service.setAcquireLockInterval(200, TimeUnit.MILLISECONDS);
        return service;
    }

    /** A line cut by the previous run's kill gets its newline, so it cannot swallow the next record. */
    private static void endIncompleteLine(Path file, FileChannel sink) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            return;
        }
        try (FileChannel read = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            read.read(last, size - 1);
            if (last.get(0) != '\n') {
                write(sink, "\n");
            }
        }
    }

    private static void write(FileChannel sink, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
            sink.write(bytes);
        }
        sink.force(false);
    }
}

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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay between a consumer and the emulator that counts the consumer's {@code wal/tail} requests (the request
 * lines it sends), so that the latency benchmark can say how many requests an idle consumer makes per second. It
 * changes nothing it relays.
 */
final class RequestCountingProxy implements AutoCloseable {

    private static final byte[] TAIL = "/_api/wal/tail?".getBytes(StandardCharsets.US_ASCII);

    private final String host;
    private final int port;
    private final ServerSocket server;
    private final AtomicLong tailRequests = new AtomicLong();
    private volatile boolean closed;

    RequestCountingProxy(String url) throws IOException {
        URI target = URI.create(url);
        this.host = target.getHost();
        this.port = target.getPort();
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "counting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The URL a consumer uses instead of the emulator's. */
    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** {@code wal/tail} requests relayed so far. */
    long tailRequests() {
        return tailRequests.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(host, port);
                relay(client, upstream, true);
                relay(upstream, client, false);
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("counting proxy: " + e);
                }
            }
        }
    }

    private void relay(Socket from, Socket to, boolean count) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            int matched = 0; // bytes of TAIL matched at the end of the previous read
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    if (count) {
                        for (int i = 0; i < n; i++) {
                            matched = buffer[i] == TAIL[matched] ? matched + 1 : (buffer[i] == TAIL[0] ? 1 : 0);
                            if (matched == TAIL.length) {
                                tailRequests.incrementAndGet();
                                matched = 0;
                            }
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "counting-proxy-relay");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }
}

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
package io.github.camelarango.replication.emulator.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small HTTP/1.1 server on 127.0.0.1 with keep-alive, Content-Length or chunked request bodies, streamed
 * response bodies, the common ArangoDB headers of docs/protocol.md §1.3, and fault injection (error, delay, connection
 * cut after N body bytes). One thread per connection.
 */
public final class HttpServer implements AutoCloseable {

    private static final int MAX_HEADER_LINE = 64 * 1024;

    private final Function<HttpRequest, HttpResponse> handler;
    private final Fault.Source faults;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threadCount = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "arango-emulator-http-" + threadCount.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private ServerSocket serverSocket;
    private volatile boolean closed;

    public HttpServer(Function<HttpRequest, HttpResponse> handler, Fault.Source faults) {
        this.handler = handler;
        this.faults = faults;
    }

    /** Binds to 127.0.0.1 on the given port (0 = a free one) and starts accepting. */
    public void start(int port) throws IOException {
        serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        Thread acceptor = new Thread(this::acceptLoop, "arango-emulator-accept-" + serverSocket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                connections.add(socket);
                pool.execute(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            while (!closed) {
                HttpRequest request = readRequest(in, out);
                if (request == null) {
                    return;
                }
                boolean keepAlive = !"close".equalsIgnoreCase(request.header("connection"));
                if (!respond(socket, request, out)) {
                    return;
                }
                if (!keepAlive) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // connection closed or broken: nothing to answer to
        } finally {
            connections.remove(socket);
        }
    }

    /** Handles and writes one response; false if the connection must be dropped (fault injected). */
    private boolean respond(Socket socket, HttpRequest request, OutputStream out) throws IOException {
        Fault fault = faults.take(request.method(), request.path());
        HttpResponse response;
        if (fault != null && fault.kind() == Fault.Kind.FAIL) {
            response = new ArangoException(fault.status(), fault.errorNum(), "injected fault").toResponse();
        } else {
            if (fault != null && fault.kind() == Fault.Kind.DELAY) {
                sleep(fault.delay().toMillis());
            }
            response = faults.rewrite(request.method(), request.path(), handleSafely(request));
        }
        boolean head = request.method().equals("HEAD");
        writeHead(out, response, head);
        if (head || response.status() == 204 || response.status() == 304) {
            out.flush();
            return true;
        }
        Fault cut = faults.takeCut(request.method(), request.path(), response.body().length());
        long cutAt = cut != null ? cut.cutAfterBytes() : response.cutAfterBytes();
        if (cutAt >= 0) {
            try {
                response.body().writeTo(new CuttingStream(out, cutAt));
            } catch (CutException e) {
                // reached the cut point
            }
            out.flush();
            socket.setSoLinger(true, 0);
            socket.close();
            return false;
        }
        response.body().writeTo(out);
        out.flush();
        return true;
    }

    private HttpResponse handleSafely(HttpRequest request) {
        try {
            return handler.apply(request);
        } catch (ArangoException e) {
            return e.toResponse();
        } catch (RuntimeException e) {
            return new ArangoException(500, 4, "internal error: " + e).toResponse();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void writeHead(OutputStream out, HttpResponse response, boolean head) throws IOException {
        StringBuilder sb = new StringBuilder(512);
        sb.append("HTTP/1.1 ").append(response.status()).append(' ').append(reason(response.status())).append("\r\n");
        boolean hasType = response.header("content-type") != null;
        if (!hasType && response.status() != 204 && response.status() != 304) {
            sb.append("content-type: ").append(HttpResponse.JSON).append("\r\n");
        }
        for (String[] h : response.headers()) {
            sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        long length = (response.status() == 204 || response.status() == 304) ? 0 : response.body().length();
        sb.append("cache-control: no-cache, no-store, must-revalidate, pre-check=0, post-check=0, max-age=0, s-maxage=0\r\n")
                .append("connection: Keep-Alive\r\n")
                .append("content-length: ").append(length).append("\r\n")
                .append("content-security-policy: frame-ancestors 'self'; form-action 'self';\r\n")
                .append("expires: 0\r\n")
                .append("pragma: no-cache\r\n")
                .append("server: ArangoDB\r\n")
                .append("strict-transport-security: max-age=31536000 ; includeSubDomains\r\n")
                .append("x-arango-queue-time-seconds: 0.000000\r\n")
                .append("x-content-type-options: nosniff\r\n")
                .append("\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String reason(int status) {
        switch (status) {
            case 200: return "OK";
            case 201: return "Created";
            case 202: return "Accepted";
            case 204: return "No Content";
            case 304: return "Not Modified";
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 409: return "Conflict";
            case 412: return "Precondition Failed";
            case 500: return "Internal Server Error";
            case 501: return "Not Implemented";
            case 503: return "Service Unavailable";
            default: return "Status";
        }
    }

    private static HttpRequest readRequest(InputStream in, OutputStream out) throws IOException {
        String requestLine = readLine(in);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(in);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length < 2) {
            throw new IOException("bad request line");
        }
        Map<String, String> headers = new HashMap<>();
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        if (line == null) {
            return null;
        }
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = readChunked(in);
        } else {
            String length = headers.get("content-length");
            body = length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length.trim()));
        }
        return new HttpRequest(parts[0], parts[1], headers, body);
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new EOFException();
            }
            int semi = sizeLine.indexOf(';');
            int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            if (size == 0) {
                String trailer;
                while ((trailer = readLine(in)) != null && !trailer.isEmpty()) {
                    // ignore trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            if (sb.length() > MAX_HEADER_LINE) {
                throw new IOException("header line too long");
            }
            sb.append((char) c);
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** Resets every open client connection (a server restart as clients see it); the server keeps listening. */
    public void dropConnections() {
        for (Socket socket : connections) {
            try {
                socket.setSoLinger(true, 0);
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (serverSocket != null) {
                serverSocket.close();
            }
        } catch (IOException e) {
            // already closed
        }
        for (Socket socket : connections) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
        pool.shutdownNow();
    }

    /** Signals that the injected cut point was reached. */
    private static final class CutException extends IOException {
        CutException() {
            super("connection cut by fault injection");
        }
    }

    /** Passes the first {@code limit} bytes through, then throws {@link CutException}. */
    private static final class CuttingStream extends FilterOutputStream {
        private long remaining;

        CuttingStream(OutputStream out, long limit) {
            super(out);
            this.remaining = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (remaining <= 0) {
                throw new CutException();
            }
            out.write(b);
            remaining--;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int n = (int) Math.min(len, remaining);
            out.write(b, off, n);
            remaining -= n;
            if (n < len) {
                throw new CutException();
            }
        }
    }
}

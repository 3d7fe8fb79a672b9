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
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * The plain Apache HttpClient 5 the bare loops, the ceiling reader and the data loader use: no component code on
 * this path, so a bare figure measures HTTP + parsing and nothing else.
 */
final class BenchHttp implements AutoCloseable {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private final CloseableHttpClient http;
    private final HttpHost host;
    private final String url;

    BenchHttp(String url) {
        this.url = url;
        URI uri = URI.create(url);
        this.host = new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort());
        Timeout timeout = Timeout.of(Duration.ofSeconds(120));
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(8)
                        .setMaxConnPerRoute(8).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
                .disableAutomaticRetries().disableContentCompression().build();
    }

    /** An answer whose body is still on the wire; close it after reading the body to its end. */
    static final class Response implements AutoCloseable {
        private final ClassicHttpResponse raw;

        Response(ClassicHttpResponse raw) {
            this.raw = raw;
        }

        int status() {
            return raw.getCode();
        }

        String header(String name) {
            Header h = raw.getFirstHeader(name);
            return h == null ? null : h.getValue();
        }

        long unsignedHeader(String name) {
            String value = header(name);
            if (value == null) {
                throw new IllegalStateException("answer without header " + name);
            }
            return Long.parseUnsignedLong(value);
        }

        InputStream body() throws IOException {
            HttpEntity entity = raw.getEntity();
            return entity == null ? InputStream.nullInputStream() : entity.getContent();
        }

        @Override
        public void close() throws IOException {
            raw.close();
        }
    }

    /** Sends a request and leaves the body on the wire; fails on a non-2xx status. */
    Response open(String method, String pathAndQuery, byte[] body) {
        HttpUriRequestBase request = new HttpUriRequestBase(method, URI.create(url + pathAndQuery));
        request.setHeader("Accept", "application/json");
        if (body != null) {
            request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        }
        try {
            ClassicHttpResponse response = http.executeOpen(host, request, HttpClientContext.create());
            if (response.getCode() / 100 != 2) {
                String text = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
                response.close();
                throw new IllegalStateException(method + " " + pathAndQuery + " answered " + response.getCode() + ": "
                        + text);
            }
            return new Response(response);
        } catch (IOException | org.apache.hc.core5.http.ParseException e) {
            throw new IllegalStateException(method + " " + pathAndQuery + " failed: " + e, e);
        }
    }

    /** A request with a small JSON answer, read whole (null for an empty body). */
    JsonNode json(String method, String pathAndQuery, byte[] body) {
        try (Response response = open(method, pathAndQuery, body)) {
            byte[] bytes = response.body().readAllBytes();
            return bytes.length == 0 ? null : MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathAndQuery, e);
        }
    }

    JsonNode json(String method, String pathAndQuery, Object body) {
        try {
            return json(method, pathAndQuery, body == null ? null : MAPPER.writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The server's last WAL tick. */
    long lastTick() {
        return Long.parseUnsignedLong(json("GET", "/_api/wal/lastTick", (byte[]) null).path("tick").asText());
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}

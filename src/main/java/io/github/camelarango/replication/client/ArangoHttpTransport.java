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
package io.github.camelarango.replication.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes requests against one ArangoDB endpoint over a pooled Apache HttpClient 5: builds URLs with the
 * {@code /_db/<database>} prefix, adds the Authorization header (basic or JWT, renewing the JWT once after a 401),
 * and turns error answers and I/O failures into {@link ArangoReplicationException}s. Never retries on its own: a
 * repeated dump request would skip a chunk.
 */
final class ArangoHttpTransport implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(ArangoHttpTransport.class);
    private static final int ERROR_BODY_LIMIT = 64 * 1024;
    private static final int MESSAGE_EXCERPT = 200;

    /**
     * One request. {@code target} holds the path below {@code /_db/<database>} (below the endpoint when database is
     * null) and the query; a parameter whose value is null is not sent, so that the server default applies.
     */
    record Call(String operation, String method, String database, URIBuilder target, byte[] body) {
    }

    /** An open 2xx answer whose body is still on the wire. */
    record Opened(RequestContext request, int status, Function<String, String> header, InputStream body,
            StreamRelease release) {
    }

    private final ArangoClientConfiguration configuration;
    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient http;
    private final HttpHost target;
    private final String hostAndPort;
    private final String basicAuthorization;
    private final JwtAuthenticator jwt;

    ArangoHttpTransport(ArangoClientConfiguration configuration, Clock clock) {
        this.configuration = configuration;
        URI endpoint = configuration.endpoint();
        boolean https = "https".equalsIgnoreCase(endpoint.getScheme());
        int port = endpoint.getPort() != -1 ? endpoint.getPort() : https ? 443 : 80;
        this.target = new HttpHost(endpoint.getScheme().toLowerCase(java.util.Locale.ROOT), endpoint.getHost(), port);
        this.hostAndPort = endpoint.getHost() + ":" + port;
        this.pool = createPool(configuration);
        this.http = HttpClients.custom().setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(configuration.responseTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(configuration.connectTimeout())).build())
                .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement()
                .disableContentCompression().disableAuthCaching().build();
        ArangoClientConfiguration.Authentication mode = configuration.authentication();
        this.basicAuthorization = mode == ArangoClientConfiguration.Authentication.BASIC ? basic(configuration) : null;
        SuperuserJwt superuser = configuration.superuserJwt();
        this.jwt = mode != ArangoClientConfiguration.Authentication.JWT ? null
                : superuser != null ? new JwtAuthenticator(null, superuser::token, true, clock)
                : new JwtAuthenticator(configuration.jwt(), this::login, configuration.user() != null
                                                                        && !configuration.user().isBlank(),
                        clock);
    }

    /** Executes a call expecting a JSON answer; null when the answer has no body (e.g. 204). */
    JsonNode call(Call call) {
        Exchange exchange = execute(call);
        try (ClassicHttpResponse response = exchange.response) {
            HttpEntity entity = response.getEntity();
            byte[] bytes = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
            if (bytes.length == 0) {
                return null;
            }
            try {
                return Json.mapper().readTree(bytes);
            } catch (IOException e) {
                throw exchange.context.invalidResponse(response.getCode(), "body is not JSON: " + excerpt(bytes), e);
            }
        } catch (IOException e) {
            throw exchange.context.connectionFailure(e);
        }
    }

    /** Executes a call and leaves the body on the wire; the caller must release it. */
    Opened open(Call call) {
        Exchange exchange = execute(call);
        ClassicHttpResponse response = exchange.response;
        try {
            HttpEntity entity = response.getEntity();
            InputStream body = entity == null ? InputStream.nullInputStream() : entity.getContent();
            return new Opened(exchange.context, response.getCode(), name -> {
                Header header = response.getFirstHeader(name);
                return header == null ? null : header.getValue();
            }, body, fullyRead -> release(exchange, fullyRead));
        } catch (IOException e) {
            release(exchange, false);
            throw exchange.context.connectionFailure(e);
        }
    }

    /** Connections currently leased from the pool (0 when nothing is in flight). */
    int leasedConnections() {
        return pool.getTotalStats().getLeased();
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            LOG.debug("Closing the HTTP client of {} failed", hostAndPort, e);
        }
    }

    private record Exchange(RequestContext context, HttpUriRequestBase request, ClassicHttpResponse response) {
    }

    /**
     * Describes a request for error messages when only its operation's path template is at hand: the path with the
     * endpoint's and the database's prefix, never the query string.
     */
    RequestContext context(String operation, String method, String database, String pathTemplate) {
        return new RequestContext(operation, method, uri(database, new URIBuilder()).getRawPath() + pathTemplate,
                hostAndPort);
    }

    /** The full URI: endpoint, {@code /_db/<database>} prefix, then the target's path and its non-null parameters. */
    private URI uri(String database, URIBuilder target) {
        URIBuilder uri = new URIBuilder(configuration.endpoint());
        if (database != null) {
            uri.appendPathSegments("_db", database);
        }
        uri.appendPathSegments(target.getPathSegments());
        List<NameValuePair> parameters = target.getQueryParams();
        parameters.removeIf(parameter -> parameter.getValue() == null);
        if (!parameters.isEmpty()) {
            uri.setParameters(parameters);
        }
        try {
            return uri.build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot build the URI of " + target + " on " + hostAndPort, e);
        }
    }

    private Exchange execute(Call call) {
        String token = jwt == null ? null : jwt.token();
        Exchange exchange = send(call, authorization(token));
        if (exchange.response.getCode() == 401 && jwt != null && jwt.renewAfterRejection(token)) {
            release(exchange, false);
            LOG.debug("{} got 401 from {}: renewed the JWT, sending once more", call.operation(), hostAndPort);
            exchange = send(call, authorization(jwt.token()));
        }
        int status = exchange.response.getCode();
        if (status < 200 || status >= 300) {
            throw error(exchange);
        }
        return exchange;
    }

    private Exchange send(Call call, String authorization) {
        URI uri = uri(call.database(), call.target());
        RequestContext context = new RequestContext(call.operation(), call.method(), uri.getRawPath(), hostAndPort);
        HttpUriRequestBase request = new HttpUriRequestBase(call.method(), uri);
        request.setHeader("Accept", "application/json");
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        if (call.body() != null) {
            request.setEntity(new ByteArrayEntity(call.body(), ContentType.APPLICATION_JSON));
        }
        try {
            return new Exchange(context, request, http.executeOpen(target, request, HttpClientContext.create()));
        } catch (IOException e) {
            throw context.connectionFailure(e);
        }
    }

    private ArangoReplicationException error(Exchange exchange) {
        ClassicHttpResponse response = exchange.response;
        int status = response.getCode();
        int errorNum = 0;
        String errorMessage = null;
        try {
            byte[] bytes = readLimited(response.getEntity());
            JsonNode body = parseOrNull(bytes);
            if (body != null && body.isObject()) {
                errorNum = body.path("errorNum").asInt(0);
                errorMessage = body.hasNonNull("errorMessage") ? body.get("errorMessage").asText() : null;
            } else if (bytes.length > 0) {
                errorMessage = excerpt(bytes);
            }
        } catch (IOException e) {
            LOG.debug("Reading the error body of {} failed", exchange.context.operation(), e);
        } finally {
            release(exchange, false);
        }
        RequestContext context = exchange.context;
        return new ArangoReplicationException(context.operation(), context.method(), context.path(), status,
                response.getReasonPhrase(), errorNum, errorMessage);
    }

    private void release(Exchange exchange, boolean fullyRead) {
        if (!fullyRead) {
            exchange.request.cancel();
        }
        try {
            exchange.response.close();
        } catch (IOException e) {
            LOG.debug("Closing the {} response failed", exchange.context.operation(), e);
        }
    }

    private String login() {
        Exchange exchange = send(new Call("authenticate", "POST", null, new URIBuilder().setPath("/_open/auth"),
                loginBody()), null);
        RequestContext context = exchange.context;
        int status = exchange.response.getCode();
        if (status == 404) {
            // ArangoDB <= 3.12.5 with authentication disabled has no /_open/auth: no token is needed
            release(exchange, false);
            return null;
        }
        if (status != 200) {
            throw error(exchange);
        }
        try (ClassicHttpResponse response = exchange.response) {
            JsonNode answer = parseOrNull(EntityUtils.toByteArray(response.getEntity()));
            JsonNode token = answer == null ? null : answer.get("jwt");
            if (token == null || !token.isTextual()) {
                throw context.invalidResponse(status, "no jwt attribute in the /_open/auth answer", null);
            }
            return token.asText();
        } catch (IOException e) {
            throw context.connectionFailure(e);
        }
    }

    private byte[] loginBody() {
        try {
            return Json.mapper().writeValueAsBytes(
                    Map.of("username", configuration.user(), "password", configuration.password()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the login body", e); // two strings always serialise
        }
    }

    private String authorization(String token) {
        if (basicAuthorization != null) {
            return basicAuthorization;
        }
        return token == null ? null : "Bearer " + token;
    }

    private JsonNode parseOrNull(byte[] bytes) {
        try {
            return bytes.length == 0 ? null : Json.mapper().readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] readLimited(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            return in.readNBytes(ERROR_BODY_LIMIT);
        }
    }

    private static String excerpt(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, MESSAGE_EXCERPT), StandardCharsets.UTF_8).strip();
        return bytes.length > MESSAGE_EXCERPT ? text + "…" : text;
    }

    private static String basic(ArangoClientConfiguration configuration) {
        String pair = configuration.user() + ":" + configuration.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static PoolingHttpClientConnectionManager createPool(ArangoClientConfiguration configuration) {
        SSLContext sslContext = configuration.sslContext() != null ? configuration.sslContext() : SSLContexts.createDefault();
        ClientTlsStrategyBuilder tls = ClientTlsStrategyBuilder.create().setSslContext(sslContext);
        if (!configuration.hostnameVerification()) {
            tls.setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT).setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
        }
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(configuration.maxConnections())
                .setMaxConnPerRoute(configuration.maxConnections())
                .setTlsSocketStrategy(tls.buildClassic())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(configuration.connectTimeout()))
                        .setSocketTimeout(Timeout.of(configuration.responseTimeout())).build())
                .build();
    }
}

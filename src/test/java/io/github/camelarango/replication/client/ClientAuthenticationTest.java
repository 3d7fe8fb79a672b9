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

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.camelarango.replication.client.CannedArangoServer.Answer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Basic, JWT (login, renewal on expiry and once after a 401) and no authentication. */
class ClientAuthenticationTest {

    private static final String WAL_LAST_TICK = "/_db/_system/_api/wal/lastTick";
    private static final String OK = "{\"time\":\"t\",\"tick\":\"42\",\"server\":{\"version\":\"3.11.4\",\"serverId\":\"1\"}}";
    private static final String UNAUTHORIZED =
            "{\"error\":true,\"errorNum\":11,\"errorMessage\":\"not authorized to execute this request\",\"code\":401}";

    private CannedArangoServer server;

    @BeforeEach
    void start() throws Exception {
        server = new CannedArangoServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String jwt(String subject, long exp) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = encoder.encodeToString(("{\"preferred_username\":\"" + subject + "\",\"iss\":\"arangodb\",\"exp\":"
                                                 + exp + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".c2lnbmF0dXJl";
    }

    private HttpArangoReplicationClient jwtClient(Clock clock) {
        return new HttpArangoReplicationClient(ArangoClientConfiguration.builder(server.url()).password("secret")
                .authentication(ArangoClientConfiguration.Authentication.JWT).build(), clock);
    }

    private List<String> authorizationsOf(String path) {
        return server.allRequests().stream().filter(r -> r.path().equals(path))
                .map(r -> r.headers().getFirst("Authorization")).toList();
    }

    @Test
    void logsInAndRenewsOnceAfterA401() {
        long future = Instant.now().getEpochSecond() + 3600;
        String first = jwt("root", future);
        String second = jwt("root2", future);
        server.on("POST", "/_open/auth", json(200, "{\"jwt\":\"" + first + "\"}"), json(200, "{\"jwt\":\"" + second + "\"}"));
        server.on(  "GET", WAL_LAST_TICK, json(200, OK), json(401, UNAUTHORIZED), json(200, OK));
        try (HttpArangoReplicationClient client = jwtClient(Clock.systemUTC())) {
            assertEquals(42L, client.walLastTick().tick());
            assertEquals(42L, client.walLastTick().tick(), "the 401 was answered by a new login and one retry");
            assertEquals(0, client.leasedConnections());
        }
        assertEquals(List.of("Bearer " + first, "Bearer " + first, "Bearer " + second), authorizationsOf(WAL_LAST_TICK));
        List<CannedArangoServer.Recorded> logins = server.allRequests().stream()
                .filter(r -> r.path().equals("/_open/auth")).toList();
        assertEquals(2, logins.size());
        assertEquals("{\"username\":\"root\",\"password\":\"secret\"}".length(), logins.get(0).body().length());
        assertNull(logins.get(0).headers().getFirst("Authorization"));
    }

    @Test
    void aSecond401IsAnErrorWithoutTokenOrPassword() {
        String token = jwt("root", Instant.now().getEpochSecond() + 3600);
        server.on("POST", "/_open/auth", json(200, "{\"jwt\":\"" + token + "\"}"));
        server.on("GET", WAL_LAST_TICK, json(401, UNAUTHORIZED));
        try (HttpArangoReplicationClient client = jwtClient(Clock.systemUTC())) {
            ArangoReplicationException e = assertThrows(ArangoReplicationException.class, client::walLastTick);
            assertEquals(401, e.getStatus());
            assertEquals(11, e.getErrorNum());
            assertFalse(e.getMessage().contains(token));
            assertFalse(e.getMessage().contains("secret"));
            assertEquals(0, client.leasedConnections());
        }
        assertEquals(2, authorizationsOf(WAL_LAST_TICK).size(), "renewed and retried exactly once");
        assertEquals(2, server.allRequests().stream().filter(r -> r.path().equals("/_open/auth")).count());
    }

    @Test
    void renewsBeforeExpiry() {
        Instant now = Instant.parse("2026-11-26T06:00:00Z");
        String expiring = jwt("root", now.getEpochSecond() + 10);
        String fresh = jwt("root", now.getEpochSecond() + 3600);
        server.on("POST", "/_open/auth", json(200, "{\"jwt\":\"" + expiring + "\"}"), json(200, "{\"jwt\":\"" + fresh + "\"}"));
        server.on("GET", WAL_LAST_TICK, json(200, OK));
        try (HttpArangoReplicationClient client = jwtClient(Clock.fixed(now, ZoneOffset.UTC))) {
            client.walLastTick();
        }
        // the first token expires within the renewal margin: the client logged in again before using it
        assertEquals(List.of("Bearer " + fresh), authorizationsOf(WAL_LAST_TICK));
    }

    @Test
    void wrongCredentialsNameTheLoginRequest() {
        server.on("POST", "/_open/auth",
                json(401, "{\"error\":true,\"code\":401,\"errorNum\":401,\"errorMessage\":\"Wrong credentials\"}"));
        try (HttpArangoReplicationClient client = jwtClient(Clock.systemUTC())) {
            ArangoReplicationException e = assertThrows(ArangoReplicationException.class, client::walLastTick);
            assertEquals("authenticate failed: POST /_open/auth -> 401 errorNum 401: Wrong credentials (the server rejected the "
                         + "credentials: check the user and password, or the JWT, of the connection)", e.getMessage());
        }
    }

    @Test
    void staticJwtWithoutCredentialsIsSentAsIsAndNotRenewed() {
        String token = jwt("root", Instant.now().getEpochSecond() + 3600);
        server.on("GET", WAL_LAST_TICK, json(200, OK), json(401, UNAUTHORIZED));
        try (HttpArangoReplicationClient client = new HttpArangoReplicationClient(
                ArangoClientConfiguration.builder(server.url()).user(null).jwt(token).build())) {
            client.walLastTick();
            assertEquals(401, assertThrows(ArangoReplicationException.class, client::walLastTick).getStatus());
        }
        assertEquals(List.of("Bearer " + token, "Bearer " + token), authorizationsOf(WAL_LAST_TICK));
        assertEquals(0, server.allRequests().stream().filter(r -> r.path().equals("/_open/auth")).count());
    }

    @Test
    void serverWithoutAuthenticationNeedsNoToken() {
        // ArangoDB <= 3.12.5 with authentication disabled answers /_open/auth with 404
        server.on("POST", "/_open/auth", json(404, "{\"error\":true,\"code\":404,\"errorNum\":404,\"errorMessage\":\"not found\"}"));
        server.on("GET", WAL_LAST_TICK, json(200, OK));
        try (HttpArangoReplicationClient client = jwtClient(Clock.systemUTC())) {
            client.walLastTick();
        }
        assertNull(authorizationsOf(WAL_LAST_TICK).get(0));
    }

    @Test
    void authenticationNoneSendsNoHeader() {
        server.on("GET", WAL_LAST_TICK, json(200, OK));
        try (HttpArangoReplicationClient client = new HttpArangoReplicationClient(ArangoClientConfiguration
                .builder(server.url()).authentication(ArangoClientConfiguration.Authentication.NONE).build())) {
            client.walLastTick();
        }
        assertNull(authorizationsOf(WAL_LAST_TICK).get(0));
    }
}

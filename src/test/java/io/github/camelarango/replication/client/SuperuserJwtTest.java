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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuperuserJwtTest {

    @Test
    void mintsAnHs256SuperuserTokenSignedWithTheSecret() throws Exception {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        String token = SuperuserJwt.of("cluster-secret".toCharArray(), Clock.fixed(now, ZoneOffset.UTC)).token();

        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("cluster-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));
        assertEquals(expected, parts[2]);
        JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertEquals("HS256", header.get("alg").asText());
        JsonNode payload = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("arangodb", payload.get("iss").asText());
        assertEquals("camel-arango-replication", payload.get("server_id").asText());
        assertEquals(now.getEpochSecond(), payload.get("iat").asLong());
        assertEquals(now.getEpochSecond() + 3600, payload.get("exp").asLong());
        assertFalse(payload.has("preferred_username"), "a superuser token names no user");
    }

    @Test
    void neverShowsTheSecret() {
        SuperuserJwt jwt = SuperuserJwt.of("cluster-secret".toCharArray());
        assertFalse(jwt.toString().contains("cluster-secret"));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> SuperuserJwt.of(new char[0]));
        assertTrue(empty.getMessage().contains("JWT secret is empty"));
    }
}

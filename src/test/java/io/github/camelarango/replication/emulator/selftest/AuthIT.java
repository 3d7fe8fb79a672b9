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
package io.github.camelarango.replication.emulator.selftest;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.emulator.ArangoEmulator;
import io.github.camelarango.replication.emulator.ArangoEmulatorExtension;
import io.github.camelarango.replication.emulator.http.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Authentication (§1.5): Basic, JWT from /_open/auth with expiry on the emulator clock, the generic 401. */
class AuthIT {

    @RegisterExtension
    static final ArangoEmulatorExtension ARANGO = ArangoEmulatorExtension.create(b -> b.authentication("root", "secret"));

    private final RawHttp anonymous = new RawHttp(ARANGO.url());

    @Test
    void unauthenticatedRequestGetsTheGeneric401() {
        RawHttp.Reply reply = anonymous.get("/_api/version");
        assertEquals(401, reply.status());
        assertEquals("{\"code\":401,\"error\":true,\"errorMessage\":\"not authorized to execute this request\",\"errorNum\":11}", reply.body());
        assertEquals(List.of("Basic, realm=\"ArangoDB\"", "Bearer, token_type=\"JWT\", realm=\"ArangoDB\""),
                reply.headers().allValues("www-authenticate"));
        RawHttp.Reply omitted = anonymous.send("GET", "/_api/version", null, "x-omit-www-authenticate", "1");
        assertEquals(401, omitted.status());
        assertTrue(omitted.headers().allValues("www-authenticate").isEmpty());
        assertEquals(401, RawHttp.basic(ARANGO.url(), "root", "wrong").get("/_api/version").status());
        assertEquals(401, anonymous.get("/_db/nope/_api/version").status(), "auth is checked before the database");
    }

    @Test
    void basicCredentialsPass() {
        RawHttp root = RawHttp.basic(ARANGO.url(), "root", "secret");
        assertEquals(200, root.get("/_api/version").status());
        assertEquals(1228, root.get("/_db/nope/_api/version").errorNum());
    }

    @Test
    void jwtFromOpenAuthWorksUntilItExpires() {
        RawHttp.Reply auth = anonymous.post("/_open/auth", "{\"username\":\"root\",\"password\":\"secret\"}");
        assertEquals(200, auth.status());
        String jwt = auth.json().path("jwt").asText();
        String[] parts = jwt.split("\\.");
        assertEquals(3, parts.length);
        JsonNode header = Json.parse(Base64.getUrlDecoder().decode(parts[0]));
        assertEquals("HS256", header.path("alg").asText());
        JsonNode payload = Json.parse(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("root", payload.path("preferred_username").asText());
        assertEquals("arangodb", payload.path("iss").asText());
        assertEquals(3600, payload.path("exp").asLong() - payload.path("iat").asLong());
        RawHttp bearer = new RawHttp(ARANGO.url(), "Bearer " + jwt);
        assertEquals(200, bearer.get("/_api/version").status());
        ARANGO.emulator().clock().advance(Duration.ofSeconds(3601));
        assertEquals(401, bearer.get("/_api/version").status());
    }

    @Test
    void tamperedTokenIsRejected() {
        String jwt = ARANGO.emulator().issueJwt();
        String[] parts = jwt.split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"preferred_username\":\"root\",\"iss\":\"arangodb\",\"exp\":99999999999}".getBytes(StandardCharsets.UTF_8));
        assertEquals(401, new RawHttp(ARANGO.url(), "Bearer " + parts[0] + "." + forged + "." + parts[2]).get("/_api/version").status());
    }

    /** An HS256 JWT over {@code payload}, signed with {@code secret}. */
    private static String sign(String secret, String payload) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String head = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return head + "." + body + "." + b64.encodeToString(mac.doFinal((head + "." + body).getBytes(StandardCharsets.US_ASCII)));
    }

    private static int statusWithToken(ArangoEmulator emu, String token) {
        return new RawHttp(emu.url(), "Bearer " + token).get("/_api/wal/lastTick").status();
    }

    @Test
    void superuserTokensSignedWithTheServerSecretAreAccepted() throws Exception {
        try (ArangoEmulator emu = ArangoEmulator.builder().authentication("root", "pw").jwtSecret("s3cr3t").build().start()) {
            String superuser = "{\"iss\":\"arangodb\",\"server_id\":\"tool\"}";
            assertEquals(200, statusWithToken(emu, sign("s3cr3t", superuser)), "superuser tokens may come without exp");
            assertEquals(401, statusWithToken(emu, sign("other", superuser)));
            long past = emu.clock().now().getEpochSecond() - 1;
            assertEquals(401, statusWithToken(emu, sign("s3cr3t", "{\"iss\":\"arangodb\",\"server_id\":\"tool\",\"exp\":" + past + "}")),
                    "an exp, when present, is checked");
        }
    }

    @Test
    void userTokensMustCarryExp() throws Exception {
        try (ArangoEmulator emu = ArangoEmulator.builder().authentication("root", "pw").jwtSecret("s3cr3t").build().start()) {
            long now = emu.clock().now().getEpochSecond();
            String user = "{\"preferred_username\":\"root\",\"iss\":\"arangodb\",\"iat\":" + now;
            assertEquals(200, statusWithToken(emu, sign("s3cr3t", user + ",\"exp\":" + (now + 60) + "}")));
            assertEquals(401, statusWithToken(emu, sign("s3cr3t", user + "}")), "a user token without exp would never expire");
            assertEquals(401, statusWithToken(emu, sign("s3cr3t", user + ",\"exp\":\"never\"}")));
        }
    }

    @Test
    void withAuthenticationTheDumpPermissionCheckAnswers1203ForAnEmptyCollection() {
        RawHttp root = RawHttp.basic(ARANGO.url(), "root", "secret");
        String batchId = root.post("/_api/replication/batch", "{}").json().path("id").asText();
        RawHttp.Reply reply = root.get("/_api/replication/dump?collection=&batchId=" + batchId);
        assertEquals(404, reply.status());
        assertEquals(1203, reply.errorNum());
    }

    @Test
    void wrongCredentialsOnOpenAuthAre401With401() {
        RawHttp.Reply reply = anonymous.post("/_open/auth", "{\"username\":\"root\",\"password\":\"nope\"}");
        assertEquals(401, reply.status());
        assertEquals(401, reply.errorNum());
        assertEquals("Wrong credentials", reply.json().path("errorMessage").asText());
        assertEquals(400, anonymous.post("/_open/auth", "not json").status());
        for (String incomplete : new String[] {"{\"username\":\"root\"}", "{\"password\":\"secret\"}", "{\"username\":\"root\",\"password\":null}"}) {
            RawHttp.Reply reply400 = anonymous.post("/_open/auth", incomplete);
            assertEquals(400, reply400.status(), incomplete + ": missing fields are 400, not an empty password");
            assertEquals(400, reply400.errorNum());
        }
        try (ArangoEmulator emptyPassword = ArangoEmulator.builder().authentication("root", "").build().start()) {
            RawHttp http = new RawHttp(emptyPassword.url());
            assertEquals(400, http.post("/_open/auth", "{\"username\":\"root\"}").status(), "a missing password is not the empty one");
            assertEquals(200, http.post("/_open/auth", "{\"username\":\"root\",\"password\":\"\"}").status());
        }
        RawHttp.Reply wrongMethod = anonymous.get("/_open/auth");
        assertEquals(405, wrongMethod.status());
        assertEquals(405, wrongMethod.errorNum());
    }

    @Test
    void tokenLifetimeIsConfigurableAndAuthOffAnswersPerVersion() {
        try (ArangoEmulator shortLived = ArangoEmulator.builder().authentication("root", "pw").jwtLifetime(Duration.ofSeconds(60)).build().start()) {
            RawHttp http = new RawHttp(shortLived.url());
            String jwt = http.post("/_open/auth", "{\"username\":\"root\",\"password\":\"pw\"}").json().path("jwt").asText();
            JsonNode payload = Json.parse(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
            assertEquals(60, payload.path("exp").asLong() - payload.path("iat").asLong());
            assertFalse(shortLived.toString().contains("pw"), "no password in toString");
        }
        try (ArangoEmulator off311 = ArangoEmulator.builder().build().start();
             ArangoEmulator off3126 = ArangoEmulator.builder().version("3.12.6").build().start()) {
            assertEquals(404, new RawHttp(off311.url()).post("/_open/auth", "{\"username\":\"root\",\"password\":\"\"}").status());
            RawHttp.Reply reply = new RawHttp(off3126.url()).post("/_open/auth", "{\"username\":\"root\",\"password\":\"\"}");
            assertEquals(200, reply.status());
            assertEquals("invalid", reply.json().path("jwt").asText());
            assertNull(off311.user());
            assertEquals(200, new RawHttp(off311.url()).get("/_api/wal/lastTick").status(), "auth off: everything passes");
        }
    }
}

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
package io.github.camelarango.replication.emulator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.emulator.EmulatorClock;
import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.HttpRequest;
import io.github.camelarango.replication.emulator.http.HttpResponse;
import io.github.camelarango.replication.emulator.http.Json;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * Authentication (§1.5): off, or one user checked by Basic credentials or by HS256 JWTs issued through
 * {@code POST /_open/auth} (user tokens with {@code preferred_username}) or signed with the server secret
 * without it (superuser tokens with {@code server_id}). Expiry is measured on the emulator clock; user tokens
 * must carry {@code exp}, superuser tokens may omit it. A cluster's DB-Server ({@link #superuserOnly}) accepts
 * superuser tokens only: no Basic credentials, no user token (not even one a Coordinator of the same cluster signed
 * with the same secret), and its {@code POST /_open/auth} issues none.
 */
public final class Authenticator {

    private final String user;
    private final String password;
    private final EmulatorClock clock;
    private final Duration tokenLifetime;
    private final byte[] secret;
    private final boolean superuserOnly;

    /**
     * @param user   null to switch authentication off
     * @param secret the server's JWT secret ({@code --server.jwt-secret}); null for a random one
     */
    public Authenticator(String user, String password, EmulatorClock clock, Duration tokenLifetime, String secret) {
        this(user, password, clock, tokenLifetime, secret, false);
    }

    private Authenticator(String user, String password, EmulatorClock clock, Duration tokenLifetime, String secret,
                          boolean superuserOnly) {
        this.superuserOnly = superuserOnly;
        this.user = user;
        this.password = password == null ? "" : password;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        if (secret == null) {
            this.secret = new byte[32];
            new SecureRandom().nextBytes(this.secret);
        } else {
            this.secret = secret.getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * A DB-Server's authentication: only superuser JWTs signed with the cluster's secret pass.
     *
     * @param secret the cluster's JWT secret; null for a random one (then nothing passes)
     */
    public static Authenticator superuserOnly(EmulatorClock clock, String secret) {
        return new Authenticator(null, null, clock, Duration.ofHours(1), secret, true);
    }

    public boolean enabled() {
        return user != null || superuserOnly;
    }

    /** A superuser JWT ({@code {"iss":"arangodb","server_id":…,"iat":…}}, no expiry) signed with this secret. */
    public String issueSuperuser(String serverId) {
        ObjectNode payload = Json.object();
        payload.put("iss", "arangodb");
        payload.put("server_id", serverId);
        payload.put("iat", clock.now().getEpochSecond());
        return sign(payload);
    }

    /** True if the request may pass (authentication off, or valid credentials). */
    public boolean authorized(HttpRequest request) {
        if (!enabled()) {
            return true;
        }
        String header = request.header("authorization");
        if (header == null) {
            return false;
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6) && !superuserOnly) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                return MessageDigest.isEqual(decoded.getBytes(StandardCharsets.UTF_8),
                        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return validToken(header.substring(7).trim());
        }
        return false;
    }

    /** The generic 401 of §1.5: errorNum 11, two {@code www-authenticate} headers unless the client opted out. */
    public HttpResponse unauthorized(HttpRequest request) {
        HttpResponse response = new ArangoException(401, 11, "not authorized to execute this request").toResponse();
        if (request.header("x-omit-www-authenticate") == null) {
            response.header("www-authenticate", "Basic, realm=\"ArangoDB\"");
            response.header("www-authenticate", "Bearer, token_type=\"JWT\", realm=\"ArangoDB\"");
        }
        return response;
    }

    /** {@code POST /_open/auth} (and {@code /_open/auth/renew}). */
    public HttpResponse openAuth(HttpRequest request, boolean answerWhenDisabled, boolean allowExpiryTime) {
        if (!request.method().equals("POST")) {
            throw ArangoException.methodNotAllowed();
        }
        if (!enabled()) {
            if (answerWhenDisabled) {
                ObjectNode body = Json.object();
                body.put("jwt", "invalid");
                return HttpResponse.json(200, body);
            }
            throw ArangoException.unknownPath(request.path());
        }
        if (superuserOnly) {
            throw new ArangoException(401, 401, "Wrong credentials");
        }
        String tokenUser;
        JsonNode body = request.hasBody() ? parseAuthBody(request) : Json.object();
        if ("renew".equals(request.segment(2))) {
            if (!authorized(request)) {
                return unauthorized(request);
            }
            tokenUser = user;
        } else {
            if (!body.path("username").isTextual() || !body.path("password").isTextual()) {
                // missing fields are 400 (§1.5), not an empty password
                throw ArangoException.badParameter("invalid JSON: 'username' and 'password' (strings) are required");
            }
            boolean ok = body.path("username").asText().equals(user) && body.path("password").asText().equals(password);
            if (!ok) {
                throw new ArangoException(401, 401, "Wrong credentials");
            }
            tokenUser = user;
        }
        long lifetime = tokenLifetime.getSeconds();
        if (allowExpiryTime && body.path("expiryTime").canConvertToLong() && body.path("expiryTime").asLong() > 0) {
            lifetime = body.path("expiryTime").asLong();
        }
        ObjectNode result = Json.object();
        result.put("jwt", issue(tokenUser, lifetime));
        return HttpResponse.json(200, result);
    }

    private static JsonNode parseAuthBody(HttpRequest request) {
        try {
            return Json.parseBody(request.body());
        } catch (ArangoException e) {
            throw ArangoException.badParameter("invalid JSON");
        }
    }

    /** A user token valid for {@code lifetimeSeconds} from now (emulator clock). */
    public String issue(String username, long lifetimeSeconds) {
        long now = clock.now().getEpochSecond();
        ObjectNode payload = Json.object();
        payload.put("preferred_username", username);
        payload.put("iss", "arangodb");
        payload.put("iat", now);
        payload.put("exp", now + lifetimeSeconds);
        return sign(payload);
    }

    private String sign(ObjectNode payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String head = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = b64.encodeToString(Json.bytes(payload));
        return head + "." + body + "." + b64.encodeToString(hmac(head + "." + body));
    }

    private boolean validToken(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            byte[] expected = hmac(parts[0] + "." + parts[1]);
            if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
                return false;
            }
            JsonNode payload = Json.parse(Base64.getUrlDecoder().decode(parts[1]));
            if (!"arangodb".equals(payload.path("iss").asText())) {
                return false;
            }
            JsonNode exp = payload.get("exp");
            if (exp != null && (!exp.canConvertToLong() || exp.asLong() <= clock.now().getEpochSecond())) {
                return false;
            }
            if (payload.has("preferred_username")) {
                // user tokens carry exp (§1.5, and every token issue() signs has one): one without it is refused
                return exp != null && !superuserOnly && user.equals(payload.path("preferred_username").asText());
            }
            // superuser tokens (§1.5) may come without exp and then do not expire
            return payload.has("server_id");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private byte[] hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        if (superuserOnly) {
            return "Authenticator[superuser tokens only]";
        }
        return enabled() ? "Authenticator[user=" + user + ", password=***]" : "Authenticator[off]";
    }
}

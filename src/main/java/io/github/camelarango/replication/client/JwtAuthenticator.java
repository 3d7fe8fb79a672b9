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
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Holds the JWT of a client: the configured static token, or one obtained with {@code POST /_open/auth}. A token is
 * renewed shortly before its {@code exp} and once after the server rejected it with 401 (when user and password allow
 * a login). Never logs or exposes the token in messages.
 */
final class JwtAuthenticator {

    /** Obtains a fresh token; null when the server has authentication disabled. */
    @FunctionalInterface
    interface Login {
        String login();
    }

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);

    private final Login login;
    private final boolean canLogin;
    private final Clock clock;
    private String token;
    private Instant expiresAt;
    private boolean fetched;

    JwtAuthenticator(String staticToken, Login login, boolean canLogin, Clock clock) {
        this.login = login;
        this.canLogin = canLogin;
        this.clock = clock;
        this.token = staticToken;
        this.fetched = staticToken != null;
        this.expiresAt = expiry(staticToken);
    }

    /** The token to send now (null: send none), logging in first when there is none or it is about to expire. */
    synchronized String token() {
        boolean expiring = expiresAt != null && !clock.instant().isBefore(expiresAt.minus(RENEW_BEFORE_EXPIRY));
        if (canLogin && (!fetched || expiring)) {
            obtain();
        }
        return token;
    }

    /**
     * The server answered 401 to a request sent with {@code rejected}: log in again unless another thread already
     * did.
     *
     * @return whether the request should be retried with {@link #token()}
     */
    synchronized boolean renewAfterRejection(String rejected) {
        if (!canLogin) {
            return false;
        }
        if (Objects.equals(rejected, token)) {
            obtain();
        }
        return true;
    }

    private void obtain() {
        token = login.login();
        fetched = true;
        expiresAt = expiry(token);
    }

    /** The {@code exp} claim of a JWT, null when absent or unreadable (then only a 401 triggers renewal). */
    private Instant expiry(String jwt) {
        if (jwt == null) {
            return null;
        }
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            JsonNode payload = Json.mapper().readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            JsonNode exp = payload.get("exp");
            return exp != null && exp.canConvertToLong() ? Instant.ofEpochSecond(exp.asLong()) : null;
        } catch (Exception e) {
            return null;
        }
    }
}

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

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints superuser JWTs from a cluster's JWT secret: what a DB-Server accepts, and the only thing it accepts (a user's
 * token, even one a Coordinator signed, gets 401). The token is HS256 over
 * {@code {"iss":"arangodb","server_id":"camel-arango-replication","iat":…,"exp":…}}.
 * <p>
 * The secret grants everything on every server of the cluster: it is kept as bytes in this object only, never in a
 * log, an exception or {@link #toString()}, and neither are the tokens.
 */
public final class SuperuserJwt {

    /** The {@code server_id} claim the tokens carry: who asks, as the DB-Server logs it. */
    public static final String SERVER_ID = "camel-arango-replication";
    /** How long a minted token is valid. */
    public static final Duration LIFETIME = Duration.ofHours(1);

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = BASE64URL.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final byte[] secret;
    private final Clock clock;

    private SuperuserJwt(byte[] secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    /**
     * A minter for {@code secret} (the cluster's {@code --server.jwt-secret}, as text); the caller may clear its array
     * afterwards.
     *
     * @throws IllegalArgumentException when the secret is empty
     */
    public static SuperuserJwt of(char[] secret) {
        return of(secret, Clock.systemUTC());
    }

    static SuperuserJwt of(char[] secret, Clock clock) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("The cluster's JWT secret is empty; a DB-Server accepts only tokens "
                                               + "signed with it");
        }
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(encoded.array(), (byte) 0);
        return new SuperuserJwt(bytes, clock);
    }

    /** A new token, issued now and valid for {@link #LIFETIME}. */
    public String token() {
        long now = clock.instant().getEpochSecond();
        String payload = BASE64URL.encodeToString(("{\"iss\":\"arangodb\",\"server_id\":\"" + SERVER_ID + "\",\"iat\":"
                + now + ",\"exp\":" + (now + LIFETIME.toSeconds()) + "}").getBytes(StandardCharsets.UTF_8));
        String signed = HEADER + "." + payload;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signed + "." + BASE64URL.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) { // HmacSHA256 is in every JDK
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "SuperuserJwt[secret=***]";
    }
}

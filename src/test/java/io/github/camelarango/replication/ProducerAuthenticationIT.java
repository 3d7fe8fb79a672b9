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
package io.github.camelarango.replication;

import io.github.camelarango.replication.client.ArangoReplicationException;
import io.github.camelarango.replication.client.LoggerState;
import io.github.camelarango.replication.emulator.ArangoEmulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The authentication options against a server with authentication on: basic, a JWT obtained with user and
 * password, a static JWT, and no credentials at all.
 */
class ProducerAuthenticationIT extends CamelTestSupport {

    @RegisterExtension
    static final ArangoEmulatorExtension SERVER
            = ArangoEmulatorExtension.create(builder -> builder.version("3.12.4").authentication("root", "secret"));

    private Exchange loggerState(String options) {
        return template.send("arango-replication:loggerState?host=127.0.0.1&port=" + SERVER.emulator().port() + "&" + options,
                exchange -> {
                });
    }

    private void assertAnswers(String options) {
        Exchange exchange = loggerState(options);
        assertNull(exchange.getException(), options);
        assertEquals("3.12.4", exchange.getMessage().getBody(LoggerState.class).server().version());
    }

    @Test
    void basicAuthentication() {
        assertAnswers("authentication=basic&password=secret");
    }

    @Test
    void jwtObtainedWithUserAndPassword() {
        assertAnswers("authentication=jwt&password=secret");
    }

    @Test
    void staticJwt() {
        assertAnswers("jwt=" + SERVER.emulator().issueJwt());
    }

    @Test
    void noCredentialsAreRejected() {
        ArangoReplicationException denied = assertInstanceOf(ArangoReplicationException.class,
                loggerState("authentication=none").getException());
        assertEquals(401, denied.getStatus());
    }

    @Test
    void wrongPasswordForAJwtIsRejectedWithoutThePassword() {
        ArangoReplicationException denied = assertInstanceOf(ArangoReplicationException.class,
                loggerState("authentication=jwt&password=wr0ngPassw0rd").getException());
        assertEquals(401, denied.getStatus());
        assertFalse(denied.getMessage().contains("wr0ngPassw0rd"), denied.getMessage());
    }
}

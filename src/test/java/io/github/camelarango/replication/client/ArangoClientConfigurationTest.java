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

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArangoClientConfigurationTest {

    @Test
    void defaults() {
        ArangoClientConfiguration configuration = ArangoClientConfiguration.builder("http://127.0.0.1:8529/").build();
        assertEquals("http://127.0.0.1:8529", configuration.endpoint().toString());
        assertEquals("_system", configuration.database());
        assertEquals("root", configuration.user());
        assertEquals("", configuration.password());
        assertEquals(ArangoClientConfiguration.Authentication.BASIC, configuration.authentication());
        assertTrue(configuration.hostnameVerification());
        assertEquals(20, configuration.maxConnections());
    }

    @Test
    void aStaticJwtImpliesJwtAuthentication() {
        ArangoClientConfiguration configuration = ArangoClientConfiguration.builder("https://db:8529").jwt("a.b.c").build();
        assertEquals(ArangoClientConfiguration.Authentication.JWT, configuration.authentication());
    }

    @Test
    void toStringNeverShowsPasswordOrToken() {
        ArangoClientConfiguration configuration = ArangoClientConfiguration.builder("http://h:1").password("pa55word")
                .jwt("eyJhbGciOiJIUzI1NiJ9.e30.sig").build();
        assertFalse(configuration.toString().contains("pa55word"), configuration.toString());
        assertFalse(configuration.toString().contains("eyJhbGci"), configuration.toString());
        assertFalse(configuration.toBuilder().build().toString().contains("pa55word"));
    }

    @Test
    void invalidSettingsAreNamed() {
        assertEquals("Invalid value for option endpoint: 'tcp://127.0.0.1:8529'; allowed is an http:// or https:// URL"
                     + " with a host and without user info, query or fragment (tcp:// and ssl:// are arangosh"
                     + " notations: use http:// or https://)",
                assertThrows(IllegalArgumentException.class,
                        () -> ArangoClientConfiguration.builder("tcp://127.0.0.1:8529").build()).getMessage());
        String withUserInfo = assertThrows(IllegalArgumentException.class,
                () -> ArangoClientConfiguration.builder("http://root:s3cret@h:1").build()).getMessage();
        assertTrue(withUserInfo.startsWith("Invalid value for option endpoint: 'http://******@h:1'; allowed is an http://"),
                withUserInfo);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ArangoClientConfiguration.builder("http://h 1").build()).getMessage()
                .startsWith("Invalid value for option endpoint: 'http://h 1'; allowed is an http://"));
        assertEquals("Invalid value for option maxConnections: '0'; allowed is a number > 0", assertThrows(IllegalArgumentException.class,
                () -> ArangoClientConfiguration.builder("http://h:1").maxConnections(0).build()).getMessage());
        assertEquals("Invalid value for option responseTimeout: 'PT-1S'; allowed is a duration > 0", assertThrows(IllegalArgumentException.class,
                () -> ArangoClientConfiguration.builder("http://h:1").responseTimeout(Duration.ofSeconds(-1)).build())
                .getMessage());
        assertEquals("Invalid value for option database: ''; allowed is a non-blank text", assertThrows(IllegalArgumentException.class,
                () -> ArangoClientConfiguration.builder("http://h:1").database("").build()).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ArangoClientConfiguration.builder("http://h:1").serverId("x1").build()).getMessage()
                .startsWith("Invalid value for option serverId: 'x1'; allowed is an unsigned 64-bit decimal number"));
        assertEquals("Invalid value for option user: 'null'; allowed is a user name for authentication BASIC (or"
                     + " authentication NONE)", assertThrows(IllegalArgumentException.class,
                () -> ArangoClientConfiguration.builder("http://h:1").user(null).build()).getMessage());
    }
}

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
        assertEquals("endpoint must be an http:// or https:// URL with a host, was 'tcp://127.0.0.1:8529' (tcp:// and"
                     + " ssl:// are arangosh notations: use http:// or https://)",
                assertThrows(IllegalArgumentException.class,
                        () -> ArangoClientConfiguration.builder("tcp://127.0.0.1:8529").build()).getMessage());
        assertEquals("maxConnections must be >= 1, was 0", assertThrows(IllegalArgumentException.class,
                () -> ArangoClientConfiguration.builder("http://h:1").maxConnections(0).build()).getMessage());
        assertEquals("responseTimeout must be a positive duration, was PT-1S", assertThrows(IllegalArgumentException.class,
                () -> ArangoClientConfiguration.builder("http://h:1").responseTimeout(Duration.ofSeconds(-1)).build())
                .getMessage());
        assertEquals("database must not be blank, was ''", assertThrows(IllegalArgumentException.class,
                () -> ArangoClientConfiguration.builder("http://h:1").database("").build()).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ArangoClientConfiguration.builder("http://h:1").serverId("x1").build()).getMessage()
                .startsWith("serverId must be an unsigned 64-bit decimal number, was 'x1'"));
    }
}

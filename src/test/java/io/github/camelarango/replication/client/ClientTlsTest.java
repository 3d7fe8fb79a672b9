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

import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** https endpoints use the configured SSLContext; host name verification is on unless switched off. */
class ClientTlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path directory;

    private static HttpsServer server;
    private static SSLContext trustingContext;

    @BeforeAll
    static void start() throws Exception {
        Path keystore = directory.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        // a self-signed certificate for the name "arango.test" only, so 127.0.0.1 does not match it
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "arango", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=arango.test", "-ext", "SAN=dns:arango.test", "-validity", "2", "-storetype",
                "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "keytool failed");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keys.getKeyManagers(), null, null);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        trustingContext = SSLContext.getInstance("TLS");
        trustingContext.init(null, trust.getTrustManagers(), null);

        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = path.endsWith("/_api/version") ? "{\"version\":\"3.11.4\"}"
                    : path.endsWith("/_admin/server/role") ? "{\"role\":\"SINGLE\"}"
                    : "{\"time\":\"t\",\"tick\":\"77\",\"server\":{\"version\":\"3.11.4\",\"serverId\":\"1\"}}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static HttpArangoReplicationClient client(boolean hostnameVerification) {
        return new HttpArangoReplicationClient(ArangoClientConfiguration
                .builder("https://127.0.0.1:" + server.getAddress().getPort()).sslContext(trustingContext)
                .hostnameVerification(hostnameVerification).build());
    }

    @Test
    void trustedCertificateWithoutHostnameVerification() {
        try (HttpArangoReplicationClient client = client(false)) {
            assertEquals(77L, client.walLastTick().tick());
            assertEquals(0, client.leasedConnections());
        }
    }

    @Test
    void hostnameMismatchIsRefusedByDefault() {
        try (HttpArangoReplicationClient client = client(true)) {
            ArangoConnectionException e = assertThrows(ArangoConnectionException.class, client::walLastTick);
            assertTrue(e.getMessage().contains("no response from 127.0.0.1:" + server.getAddress().getPort()), e.getMessage());
            assertTrue(e.getMessage().contains("No subject alternative names matching IP address 127.0.0.1"), e.getMessage());
            assertEquals(0, client.leasedConnections());
        }
    }
}

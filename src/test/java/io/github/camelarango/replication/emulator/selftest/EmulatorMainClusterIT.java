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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.arangodb.ArangoDB;
import com.arangodb.Protocol;
import com.arangodb.model.CollectionCreateOptions;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.emulator.EmulatorMain;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code EmulatorMain --cluster} in a JVM of its own, as a user runs it: it prints each Coordinator's URL, never the
 * JWT secret, and the cluster it runs answers the official driver through the Coordinator, and a DB-Server answers a
 * superuser token of the given secret.
 */
class EmulatorMainClusterIT {

    private static final Pattern LISTENING = Pattern.compile("Coordinator listening on (http://\\S+)");
    private static final String SECRET = "emulator-main-secret-0815";

    @Test
    void aClusterWithTheGivenSecretAnswersThroughItsCoordinator() throws Exception {
        try (Started cluster = start("--cluster", "--db-servers", "2", "--auth", "root:pw", "--jwt-secret", SECRET)) {
            assertEquals(List.of("ArangoDB emulator cluster 3.11.4 (1 Coordinator, 2 DB-Servers): Coordinator "
                                 + "listening on " + cluster.coordinators.get(0),
                    "JWT secret: the one given with --jwt-secret (not printed)"), cluster.output);

            URI coordinator = URI.create(cluster.coordinators.get(0));
            ArangoDB driver = new ArangoDB.Builder().host("127.0.0.1", coordinator.getPort())
                    .protocol(Protocol.HTTP_JSON).user("root").password("pw").build();
            try {
                driver.db("shop").create();
                driver.db("shop").createCollection("orders", new CollectionCreateOptions().numberOfShards(2));
                driver.db("shop").collection("orders").insertDocument(Map.of("_key", "o1"));
                assertEquals(1L, driver.db("shop").collection("orders").count().getCount());
            } finally {
                driver.shutdown();
            }

            JsonNode health = RawHttp.basic(coordinator.toString(), "root", "pw").get("/_admin/cluster/health").json()
                    .path("Health");
            List<String> dbServers = new ArrayList<>();
            health.fields().forEachRemaining(server -> {
                if ("DBServer".equals(server.getValue().path("Role").asText())) {
                    dbServers.add(server.getValue().path("Endpoint").asText().replace("tcp://", "http://"));
                }
            });
            assertEquals(2, dbServers.size(), health.toString());
            RawHttp.Reply role = new RawHttp(dbServers.get(0), "Bearer " + superuserJwt(SECRET)).get("/_admin/server/role");
            assertEquals(200, role.status(), "the DB-Server takes a superuser token of the given secret: " + role.body());
            assertEquals("PRIMARY", role.json().path("role").asText());
            assertEquals(401, new RawHttp(dbServers.get(0), "Bearer " + superuserJwt("another-secret"))
                    .get("/_admin/server/role").status());
        }
    }

    @Test
    void aRandomSecretIsNotPrintedAndTheOutputSaysHowToChooseOne() throws Exception {
        try (Started cluster = start("--cluster", "--coordinators", "2", "--db-servers", "1")) {
            assertEquals(2, cluster.coordinators.size(), cluster.output.toString());
            assertTrue(cluster.output.get(0).startsWith("ArangoDB emulator cluster 3.11.4 (2 Coordinators, 1 DB-Server)"),
                    cluster.output.toString());
            assertEquals("JWT secret: random and not printed; to read the cluster's changes (the changes consumer's "
                         + "jwtSecret) start it with --jwt-secret <secret>", cluster.output.get(2));
        }
    }

    /** A superuser token as arangod's cluster members make them: HS256 over {@code {"iss":"arangodb",...}}. */
    private static String superuserJwt(String secret) throws Exception {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String unsigned = base64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                          + "." + base64.encodeToString("{\"iss\":\"arangodb\",\"server_id\":\"test\"}"
                .getBytes(StandardCharsets.UTF_8));
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return unsigned + "." + base64.encodeToString(hmac.doFinal(unsigned.getBytes(StandardCharsets.UTF_8)));
    }

    /** The process and what it printed up to the secret's line. */
    private record Started(Process process, List<String> output, List<String> coordinators) implements AutoCloseable {

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static Started start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty(
                "java.class.path"), EmulatorMain.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<String> output = new ArrayList<>();
        List<String> coordinators = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.contains("WARN")) {
                continue;
            }
            output.add(line);
            assertFalse(line.contains(SECRET), "the secret was printed: " + line);
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                coordinators.add(listening.group(1));
            }
            if (line.startsWith("JWT secret")) {
                return new Started(process, output, coordinators);
            }
        }
        process.destroyForcibly();
        throw new IOException("the emulator ended before it listened: " + output);
    }
}

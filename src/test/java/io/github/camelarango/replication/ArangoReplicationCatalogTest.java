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

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelarango.replication.consumer.ArangoReplicationConsumerConfiguration;
import io.github.camelarango.replication.producer.ArangoReplicationApplierConfiguration;
import io.github.camelarango.replication.producer.ArangoReplicationProducerConfiguration;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.catalog.RuntimeCamelCatalog;
import org.apache.camel.spi.UriParam;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated catalog JSON describes every operation, option and header, flags secrets, validates URIs through the
 * runtime catalog, and is copied byte-identically to the repository root.
 */
class ArangoReplicationCatalogTest extends CamelTestSupport {

    private static final String GENERATED = "src/generated/resources/META-INF/io/github/camelarango/replication/arango-replication.json";
    private static final String CLASSPATH_JSON = "/META-INF/io/github/camelarango/replication/arango-replication.json";

    private JsonNode catalog() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(CLASSPATH_JSON)) {
            assertNotNull(in, CLASSPATH_JSON + " is missing: run mvn process-classes");
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void describesTheComponent() throws IOException {
        JsonNode component = catalog().get("component");
        assertEquals("arango-replication", component.get("scheme").asText());
        assertEquals("arango-replication:operation", component.get("syntax").asText());
        assertEquals("database", component.get("label").asText());
        assertEquals("1.0.0", component.get("firstVersion").asText());
    }

    @Test
    void listsEveryOperationAsTheEnumOfThePath() throws IOException {
        JsonNode operation = catalog().get("properties").get("operation");
        assertEquals("path", operation.get("kind").asText());
        assertTrue(operation.get("required").asBoolean());
        List<String> listed = new ArrayList<>();
        operation.get("enum").forEach(node -> listed.add(node.asText()));
        assertEquals(Arrays.stream(ArangoReplicationOperation.values()).map(Enum::name).toList(), listed);
    }

    @Test
    void listsEveryOptionAsEndpointAndComponentOption() throws IOException {
        JsonNode properties = catalog().get("properties");
        JsonNode componentProperties = catalog().get("componentProperties");
        int options = 0;
        for (Class<?> configuration : List.of(ArangoReplicationConfiguration.class, ArangoReplicationProducerConfiguration.class,
                ArangoReplicationApplierConfiguration.class, ArangoReplicationConsumerConfiguration.class)) {
            for (Field field : configuration.getDeclaredFields()) {
                if (field.isAnnotationPresent(UriParam.class)) {
                    JsonNode option = properties.get(field.getName());
                    assertNotNull(option, "option " + field.getName() + " is not in the catalog");
                    assertFalse(option.get("description").asText().isBlank(), "option " + field.getName() + " has no description");
                    JsonNode componentOption = componentProperties.get(field.getName());
                    assertNotNull(componentOption, "option " + field.getName() + " is not a component option");
                    assertEquals(configuration.getName(), componentOption.get("configurationClass").asText());
                    assertEquals(option.get("description"), componentOption.get("description"), field.getName());
                    options++;
                }
            }
        }
        assertEquals(87, options, "every option is declared once, in one of the four configurations");
        for (String name : List.of("client", "useGlobalSslContextParameters", "host", "password")) {
            assertNotNull(componentProperties.get(name), "component option " + name + " is not in the catalog");
        }
        assertTrue(componentProperties.get("client").get("autowired").asBoolean());
    }

    @Test
    void flagsCredentialsAsSecret() throws IOException {
        JsonNode properties = catalog().get("properties");
        for (String secret : List.of("password", "jwt", "leaderPassword")) {
            assertTrue(properties.get(secret).get("secret").asBoolean(), secret + " must be secret");
        }
        assertFalse(properties.get("user").get("secret").asBoolean());
    }

    @Test
    void listsEveryHeaderConstant() throws Exception {
        JsonNode headers = catalog().get("headers");
        int constants = 0;
        for (Field field : ArangoReplicationConstants.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String name = (String) field.get(null);
                JsonNode header = headers.get(name);
                assertNotNull(header, "header " + name + " is not in the catalog");
                assertEquals(ArangoReplicationConstants.class.getName() + "#" + field.getName(),
                        header.get("constantName").asText());
                constants++;
            }
        }
        assertEquals(constants, headers.size());
        assertEquals(ArangoReplicationOperation.values().length,
                headers.get(ArangoReplicationConstants.OPERATION).get("enum").size());
    }

    private static EndpointValidationResult validate(RuntimeCamelCatalog catalog, String uri) throws URISyntaxException {
        return catalog.validateProperties("arango-replication", catalog.endpointProperties(uri));
    }

    @Test
    void runtimeCatalogValidatesSampleUris() throws URISyntaxException {
        RuntimeCamelCatalog catalog = context.getCamelContextExtension().getContextPlugin(RuntimeCamelCatalog.class);
        for (String uri : List.of(
                "arango-replication:applierState",
                "arango-replication:dump?collection=orders&batchId=42&chunkSize=65536&deserialize=false",
                "arango-replication:walTail?from=100&to=200&global=true&host=db&port=8530&password=secret",
                "arango-replication:setApplierConfig?leaderEndpoint=tcp://leader:8529&restrictType=include&restrictCollections=a,b",
                "arango-replication:inventory?connectTimeout=5s&responseTimeout=1m&authentication=jwt")) {
            EndpointValidationResult result = validate(catalog, uri);
            assertTrue(result.isSuccess(), uri + ": " + result.summaryErrorMessage(false));
        }
        EndpointValidationResult typo = catalog.validateProperties("arango-replication",
                Map.of("operation", "dump", "chunkSiz", "10"));
        assertFalse(typo.isSuccess());
        assertTrue(typo.getUnknown().contains("chunkSiz"), typo.summaryErrorMessage(false));

        EndpointValidationResult badEnum = validate(catalog, "arango-replication:nope?authentication=kerberos");
        assertEquals("nope", badEnum.getInvalidEnum().get("operation"), badEnum.summaryErrorMessage(false));
        assertEquals("kerberos", badEnum.getInvalidEnum().get("authentication"), badEnum.summaryErrorMessage(false));
    }

    @Test
    void rootCopyIsByteIdenticalToTheGeneratedJson() throws IOException {
        Path generated = Path.of(GENERATED);
        Path root = Path.of("camel-arango-replication.json");
        assertTrue(Files.exists(generated), GENERATED + " is missing: run mvn process-classes");
        assertTrue(Files.exists(root), "camel-arango-replication.json is missing: copy " + GENERATED + " to the repository root");
        assertArrayEquals(Files.readAllBytes(generated), Files.readAllBytes(root),
                "camel-arango-replication.json differs from the generated catalog: copy " + GENERATED
                                                                                   + " to the repository root");
    }
}

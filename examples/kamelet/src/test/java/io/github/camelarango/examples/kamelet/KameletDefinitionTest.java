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
package io.github.camelarango.examples.kamelet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code kamelets/arango-changes-source.kamelet.yaml} follows the conventions of Apache Camel's Kamelet catalog
 * (apache/camel-kamelets) and says what the component says: its properties are options of the component with the
 * same defaults and values, credentials are marked, it declares the component version it ships with, and it ends in
 * {@code kamelet:sink}. The component jar carries the same file.
 */
class KameletDefinitionTest {

    /** The repository's Kamelet: surefire runs in examples/kamelet. */
    private static final Path KAMELET = Path.of("../../kamelets/arango-changes-source.kamelet.yaml");
    private static final String IN_JAR = "/kamelets/arango-changes-source.kamelet.yaml";
    private static final String CATALOG_JSON = "/META-INF/io/github/camelarango/replication/arango-replication.json";
    private static final String CREDENTIALS = "urn:camel:group:credentials";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\?)?([^}]+)}}");

    private final Map<String, Object> kamelet = load();
    private final JsonNode catalog = catalog();

    @Test
    void isASourceNamedAsItsFile() {
        assertEquals("camel.apache.org/v1", kamelet.get("apiVersion"));
        assertEquals("Kamelet", kamelet.get("kind"));
        String name = (String) map(kamelet, "metadata").get("name");
        assertEquals(KAMELET.getFileName().toString().replace(".kamelet.yaml", ""), name);
        assertTrue(name.endsWith("-source"), name);
        assertEquals("source", map(map(kamelet, "metadata"), "labels").get("camel.apache.org/kamelet.type"));
        assertEquals("json", map(map(map(kamelet, "spec"), "dataTypes"), "out").get("default"), "JSON out");
    }

    @Test
    void declaresTheComponentVersionItShipsWith() {
        String version = catalog.path("component").path("version").asText();
        List<?> dependencies = (List<?>) map(kamelet, "spec").get("dependencies");
        assertTrue(dependencies.contains("camel:kamelet"), dependencies.toString());
        assertTrue(dependencies.contains("mvn:io.github.camelarango:camel-arango-replication:" + version),
                "the Kamelet names the component version " + version + " as a mvn: dependency: " + dependencies);
        assertEquals(version, map(map(kamelet, "metadata"), "annotations").get("camel.apache.org/catalog.version"));
    }

    @Test
    void propertiesAreOptionsOfTheComponentWithItsDefaultsAndValues() {
        JsonNode options = catalog.path("properties");
        Map<String, Object> definition = map(map(kamelet, "spec"), "definition");
        Map<String, Object> properties = map(definition, "properties");
        assertTrue(properties.keySet().containsAll((List<?>) definition.get("required")), definition.toString());
        for (Map.Entry<String, Object> entry : properties.entrySet()) {
            String name = entry.getKey();
            @SuppressWarnings("unchecked")
            Map<String, Object> property = (Map<String, Object>) entry.getValue();
            JsonNode option = options.get(name);
            assertNotNull(option, name + " is no option of the component");
            for (String key : List.of("title", "description", "type")) {
                assertTrue(property.get(key) instanceof String text && !text.isBlank(), name + " has no " + key);
            }
            if (property.containsKey("default")) {
                assertEquals(option.path("defaultValue").asText(), String.valueOf(property.get("default")),
                        "the default of " + name);
            }
            if (option.has("enum")) {
                List<String> values = new ArrayList<>();
                option.get("enum").forEach(value -> values.add(value.asText()));
                assertEquals(values, property.get("enum"), "the values of " + name);
            }
            if (option.path("secret").asBoolean()) {
                assertEquals("password", property.get("format"), name + " is a secret");
            }
            if (option.path("secret").asBoolean() || "user".equals(name)) {
                assertEquals(List.of(CREDENTIALS), property.get("x-descriptors"), name + " is a credential");
            }
        }
        assertTrue(properties.containsKey("password"), "the Kamelet takes a password");
    }

    @Test
    void templateReadsTheChangesConsumerWithEveryPropertyAndEndsInTheSink() {
        Map<String, Object> from = map(map(map(kamelet, "spec"), "template"), "from");
        assertEquals("arango-replication:changes", from.get("uri"));
        Map<String, Object> properties = map(map(map(kamelet, "spec"), "definition"), "properties");
        List<?> required = (List<?>) map(map(kamelet, "spec"), "definition").get("required");

        Set<String> used = new TreeSet<>();
        for (Map.Entry<String, Object> parameter : map(from, "parameters").entrySet()) {
            assertNotNull(catalog.path("properties").get(parameter.getKey()),
                    parameter.getKey() + " is no option of the component");
            Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(parameter.getValue()));
            if (placeholder.matches()) {
                String name = placeholder.group(2);
                @SuppressWarnings("unchecked")
                Map<String, Object> property = (Map<String, Object>) properties.get(name);
                assertNotNull(property, "{{" + name + "}} names no property of the Kamelet");
                boolean alwaysSet = required.contains(name) || property.containsKey("default");
                assertEquals(!alwaysSet, placeholder.group(1) != null,
                        name + ": a property that may be unset is an optional placeholder {{?" + name + "}}");
                used.add(name);
            }
        }
        assertEquals(new TreeSet<>(properties.keySet()), used, "every property reaches the endpoint");

        List<?> steps = (List<?>) from.get("steps");
        assertEquals(Map.of("to", "kamelet:sink"), steps.get(steps.size() - 1));
    }

    @Test
    void theComponentJarCarriesThisKamelet() throws IOException {
        try (InputStream in = getClass().getResourceAsStream(IN_JAR)) {
            assertNotNull(in, IN_JAR + " is not in the component jar");
            assertArrayEquals(Files.readAllBytes(KAMELET), in.readAllBytes(),
                    "the component jar's Kamelet differs from " + KAMELET + ": rebuild and install the component");
        }
    }

    private static Map<String, Object> load() {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> yaml = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString(Files.readString(KAMELET));
            return yaml;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + KAMELET.toAbsolutePath(), e);
        }
    }

    private static JsonNode catalog() {
        try (InputStream in = KameletDefinitionTest.class.getResourceAsStream(CATALOG_JSON)) {
            assertNotNull(in, CATALOG_JSON + " is not on the class path: is the component?");
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        assertTrue(child instanceof Map, key + " is missing or not a map in " + parent.keySet());
        return (Map<String, Object>) child;
    }
}

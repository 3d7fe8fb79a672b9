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
package io.github.camelarango.replication.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged starter (the jar failsafe names in {@code starter.jar}) carries what Spring Boot and IDEs read: the
 * auto-configuration's entry in {@code AutoConfiguration.imports}, and {@code spring-configuration-metadata.json}
 * with every component option's description, default and allowed values.
 */
class StarterJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theJarRegistersTheAutoConfiguration() throws IOException {
        // read as Spring Boot's ImportCandidates does: '#' starts a comment (the license header), blank lines do not count
        List<String> entries = entry("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")
                .lines().map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty()).toList();
        assertEquals(List.of(ArangoReplicationComponentAutoConfiguration.class.getName()), entries);
    }

    @Test
    void theMetadataDescribesEveryComponentOption() throws IOException {
        Map<String, JsonNode> properties = new HashMap<>();
        JsonNode metadata = JSON.readTree(entry("META-INF/spring-configuration-metadata.json"));
        metadata.get("properties").forEach(property -> properties.put(property.get("name").asText(), property));
        Map<String, JsonNode> hints = new HashMap<>();
        metadata.get("hints").forEach(hint -> hints.put(hint.get("name").asText(), hint));

        List<String> wrong = new ArrayList<>();
        StarterGenerator.catalog().get("componentProperties").properties().forEach(entry -> {
            JsonNode option = entry.getValue();
            String name = StarterGenerator.PREFIX + "." + StarterProperty.of(entry.getKey(), option).key();
            JsonNode property = properties.get(name);
            if (property == null) {
                wrong.add(name + " is missing");
                return;
            }
            if (!property.path("description").asText().startsWith(option.get("description").asText())) {
                wrong.add(name + " has the description '" + property.path("description").asText() + "'");
            }
            if (option.has("defaultValue") && !property.has("defaultValue")) {
                wrong.add(name + " has no default (the catalog's is " + option.get("defaultValue") + ")");
            }
            if (option.has("enum") && option.get("javaType").asText().equals("java.lang.String")
                && !option.get("enum").equals(values(hints.get(name)))) {
                wrong.add(name + " has the hints " + hints.get(name) + ", not " + option.get("enum"));
            }
        });
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals("INITIAL", properties.get(StarterGenerator.PREFIX + ".snapshot-mode").get("defaultValue").asText());
        assertEquals("java.time.Duration", properties.get(StarterGenerator.PREFIX + ".idle-max-wait").get("type").asText());
        assertEquals("90ms", properties.get(StarterGenerator.PREFIX + ".idle-max-wait").get("defaultValue").asText());
    }

    private static JsonNode values(JsonNode hint) {
        if (hint == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        hint.get("values").forEach(value -> values.add(value.get("value").asText()));
        return JSON.valueToTree(values);
    }

    private static String entry(String name) throws IOException {
        String jar = System.getProperty("starter.jar");
        assertNotNull(jar, "failsafe names the packaged jar in the system property starter.jar");
        try (JarFile file = new JarFile(jar)) {
            ZipEntry entry = file.getEntry(name);
            assertNotNull(entry, name + " is not in " + jar);
            try (InputStream in = file.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}

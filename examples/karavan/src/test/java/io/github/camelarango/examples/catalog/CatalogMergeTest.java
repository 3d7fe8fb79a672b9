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
package io.github.camelarango.examples.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogMergeTest {

    /** The repository's catalog JSON: surefire runs in examples/karavan. */
    private static final Path ROOT_JSON = Path.of("../../camel-arango-replication.json");
    private static final Path ROOT_KAMELET = Path.of("../../kamelets/arango-changes-source.kamelet.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void karavanGetsTheComponentWithoutComponentPropertiesReplacingAnOlderEntry() throws Exception {
        Path components = copy("karavan-components.json");
        CatalogMerge.main(new String[] {"karavan", components.toString(), "--component", ROOT_JSON.toString()});
        CatalogMerge.main(new String[] {"karavan", components.toString(), "--component", ROOT_JSON.toString()});

        JsonNode merged = JSON.readTree(components.toFile());
        assertEquals(2, merged.size(), "timer kept, arango-replication once: " + merged);
        assertEquals(JSON.readTree(getClass().getResource("/karavan-components.json")).get(0), merged.get(0));
        ObjectNode expected = (ObjectNode) JSON.readTree(ROOT_JSON.toFile());
        expected.remove("componentProperties");
        assertEquals(expected, merged.get(1));
        assertFalse(merged.get(1).has("componentProperties"));
        assertTrue(merged.get(1).path("properties").has("snapshotMode"), "the consumer options are listed");
    }

    @Test
    void kaotoGetsTheFullComponentUnderItsScheme() throws Exception {
        Path catalog = copy("kaoto-components.json");
        CatalogMerge.main(new String[] {"kaoto", catalog.toString(), "--component", ROOT_JSON.toString()});

        JsonNode merged = JSON.readTree(catalog.toFile());
        assertEquals(2, merged.size());
        assertEquals("timer", merged.path("timer").path("component").path("name").asText());
        assertEquals(JSON.readTree(ROOT_JSON.toFile()), merged.get("arango-replication"));
    }

    @Test
    void theJarCarriesTheSameJsonAsTheRepository() throws IOException {
        assertEquals(JSON.readTree(ROOT_JSON.toFile()), CatalogMerge.fromJar(),
                "camel-arango-replication.json differs from the component jar's catalog JSON: rebuild and copy it");
    }

    @Test
    void kaotoGetsTheKameletWithThePropertiesSchemaItsFormsAreBuiltFrom() throws Exception {
        Path catalog = copy("kaoto-kamelets.json");
        CatalogMerge.main(new String[] {"kaoto-kamelets", catalog.toString(), "--kamelet", ROOT_KAMELET.toString()});
        CatalogMerge.main(new String[] {"kaoto-kamelets", catalog.toString(), "--kamelet", ROOT_KAMELET.toString()});

        JsonNode merged = JSON.readTree(catalog.toFile());
        assertEquals(2, merged.size(), "timer-source kept, arango-changes-source once: " + merged.fieldNames());
        assertEquals(JSON.readTree(getClass().getResource("/kaoto-kamelets.json")).get("timer-source"),
                merged.get("timer-source"));
        JsonNode kamelet = merged.get("arango-changes-source");
        assertEquals("arango-replication:changes", kamelet.path("spec").path("template").path("from").path("uri").asText());
        JsonNode schema = kamelet.path("propertiesSchema");
        assertEquals("object", schema.path("type").asText());
        assertEquals("ArangoDB Changes Source", schema.path("title").asText());
        assertEquals("[\"host\"]", schema.path("required").toString());
        assertEquals("password", schema.path("properties").path("password").path("format").asText());
        assertEquals(8529, schema.path("properties").path("port").path("default").asInt());
        assertEquals(5, schema.path("properties").path("snapshotMode").path("enum").size());
        assertEquals(kamelet.path("spec").path("definition").path("properties").size(),
                schema.path("properties").size(), "every property of the Kamelet is in the form");
    }

    @Test
    void theJarCarriesTheSameKameletAsTheRepository() throws IOException {
        assertEquals(CatalogMerge.readKamelet(ROOT_KAMELET), CatalogMerge.kameletFromJar(),
                "kamelets/arango-changes-source.kamelet.yaml differs from the component jar's: rebuild and install it");
    }

    @Test
    void aFileOfTheWrongShapeIsRefusedWithAClearMessage() throws Exception {
        Path kaotoFile = copy("kaoto-components.json");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CatalogMerge.main(
                new String[] {"karavan", kaotoFile.toString(), "--component", ROOT_JSON.toString()}));
        assertEquals("a Karavan components.json is a JSON array of components; got a OBJECT", e.getMessage());
        Path karavanFile = copy("karavan-components.json");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> CatalogMerge.main(new String[] {"karavan", karavanFile.toString(), "--component",
                        "src/test/resources/kaoto-components.json"}));
        assertEquals("not the arango-replication component JSON: component.scheme is ''", unknown.getMessage());
    }

    @Test
    void theScriptMergesIntoKaravan() throws Exception {
        Path components = copy("karavan-components.json");
        Process script = new ProcessBuilder("bash", "merge-into-karavan.sh", components.toString())
                .redirectErrorStream(true).start();
        String output = new String(script.getInputStream().readAllBytes());
        assertTrue(script.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, script.exitValue(), output);
        assertTrue(output.contains("Added arango-replication to " + components), output);
        JsonNode merged = JSON.readTree(components.toFile());
        assertEquals("arango-replication", merged.get(1).path("component").path("name").asText());
        assertEquals(JSON.readTree(ROOT_JSON.toFile()).path("component"), merged.get(1).path("component"));
    }

    private Path copy(String resource) throws IOException {
        Path target = dir.resolve(resource);
        Files.copy(Path.of("src/test/resources", resource), target);
        return target;
    }
}

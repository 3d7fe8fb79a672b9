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

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The starter follows the component's catalog: a component option without a starter property (a new option of the
 * component), a starter property without a component option, or a generated file that differs from what
 * {@link StarterGenerator} writes from the catalog now, fails the build and names the command that regenerates them.
 */
class StarterInStepWithCatalogTest {

    private static final String REGENERATE = "; regenerate the starter's sources from the catalog: "
                                             + StarterGenerator.REGENERATE + " (and commit them)";
    /** The properties every Camel starter has, from ComponentConfigurationPropertiesCommon. */
    private static final Set<String> COMMON = Set.of("enabled", "customizer");

    private final JsonNode catalog = StarterGenerator.catalog();

    @Test
    void everyComponentOptionHasAStarterProperty() throws Exception {
        Set<String> properties = starterProperties();
        List<String> missing = new ArrayList<>();
        catalog.get("componentProperties").fieldNames().forEachRemaining(option -> {
            if (!properties.contains(option)) {
                missing.add(option);
            }
        });
        assertTrue(missing.isEmpty(), "Component options without a camel.component.arango-replication.* property: "
                                      + missing + REGENERATE);
    }

    @Test
    void everyStarterPropertyIsAComponentOption() throws Exception {
        Set<String> unknown = starterProperties();
        unknown.removeAll(COMMON);
        catalog.get("componentProperties").fieldNames().forEachRemaining(unknown::remove);
        assertTrue(unknown.isEmpty(), "Starter properties the component no longer has: " + unknown + REGENERATE);
    }

    @Test
    void theGeneratedFilesAreWhatTheCatalogGivesNow() throws IOException {
        for (Map.Entry<Path, String> file : StarterGenerator.files(catalog).entrySet()) {
            Path committed = file.getKey();
            assertTrue(Files.exists(committed), committed + " is missing" + REGENERATE);
            String difference = firstDifference(file.getValue(), Files.readString(committed));
            assertTrue(difference == null, committed + " is behind the catalog: " + difference + REGENERATE);
        }
    }

    /** The first line where the texts differ, as both have it; null when they are equal. */
    private static String firstDifference(String expected, String actual) {
        List<String> want = expected.lines().toList();
        List<String> have = actual.lines().toList();
        for (int i = 0; i < Math.max(want.size(), have.size()); i++) {
            String wanted = i < want.size() ? want.get(i) : "(end of file)";
            String had = i < have.size() ? have.get(i) : "(end of file)";
            if (!wanted.equals(had)) {
                return "line " + (i + 1) + " is '" + had.strip() + "', the catalog gives '" + wanted.strip() + "'";
            }
        }
        return expected.equals(actual) ? null : "line ends differ";
    }

    private static Set<String> starterProperties() throws Exception {
        Set<String> names = new TreeSet<>();
        for (PropertyDescriptor property : Introspector.getBeanInfo(ArangoReplicationComponentConfiguration.class,
                Object.class).getPropertyDescriptors()) {
            if (property.getReadMethod() != null && (property.getWriteMethod() != null
                                                     || property.getName().equals("customizer"))) {
                names.add(property.getName());
            }
        }
        return names;
    }
}

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
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Makes the {@code arango-replication} component and its {@code arango-changes-source} Kamelet appear in Camel's
 * visual designers by adding them to their catalogs:
 * <ul>
 * <li>{@code karavan <components.json>}: Karavan's {@code components.json}, an array of component JSONs without
 * {@code componentProperties} (what Karavan's generator drops);</li>
 * <li>{@code kaoto <camel-catalog-aggregate-components-*.json>}: the components file of a Kaoto catalog, an object
 * mapping each component name to its full JSON;</li>
 * <li>{@code kaoto-kamelets <kamelets-aggregate-*.json>}: the Kamelets file of a Kaoto catalog, an object mapping
 * each Kamelet name to the Kamelet as JSON with a {@code propertiesSchema} (the JSON schema of its properties, which
 * Kaoto's form is built from).</li>
 * </ul>
 * All are idempotent: an existing entry of the same name is replaced. The component JSON comes from the component jar
 * on the classpath, or from {@code --component <file>} (e.g. the repository's {@code camel-arango-replication.json});
 * the Kamelet from the jar's {@code kamelets/} folder, or from {@code --kamelet <file>}. (Karavan takes Kamelets from
 * a folder instead: see README.)
 */
public final class CatalogMerge {

    /** The component's scheme, its key in the catalogs. */
    public static final String SCHEME = "arango-replication";
    /** Where camel-package-maven-plugin puts the component JSON inside the jar. */
    public static final String JAR_RESOURCE = "/META-INF/io/github/camelarango/replication/arango-replication.json";
    /** The Kamelet's name, its key in a Kaoto Kamelets catalog. */
    public static final String KAMELET = "arango-changes-source";
    /** Where the component jar carries the Kamelet. */
    public static final String JAR_KAMELET = "/kamelets/" + KAMELET + ".kamelet.yaml";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CatalogMerge() {
    }

    public static void main(String[] args) throws IOException {
        boolean kamelets = args.length > 0 && "kaoto-kamelets".equals(args[0]);
        String sourceOption = kamelets ? "--kamelet" : "--component";
        if (args.length != 2 && !(args.length == 4 && sourceOption.equals(args[2]))) {
            throw new IllegalArgumentException(usage("expected 2 or 4 arguments, got " + args.length));
        }
        Path target = Path.of(args[1]);
        if (kamelets) {
            JsonNode kamelet = args.length == 4 ? readKamelet(Path.of(args[3])) : kameletFromJar();
            write(target, intoKaotoKamelets(read(target), kamelet));
            System.out.println("Added " + KAMELET + " to " + target);
            return;
        }
        JsonNode component = args.length == 4 ? read(Path.of(args[3])) : fromJar();
        switch (args[0]) {
            case "karavan" -> write(target, intoKaravan(read(target), component));
            case "kaoto" -> write(target, intoKaoto(read(target), component));
            default -> throw new IllegalArgumentException(usage("unknown target '" + args[0] + "'"));
        }
        System.out.println("Added " + SCHEME + " to " + target);
    }

    /** Karavan's components.json with the component (without componentProperties) in place of any older entry. */
    public static ArrayNode intoKaravan(JsonNode components, JsonNode component) {
        if (!components.isArray()) {
            throw new IllegalArgumentException("a Karavan components.json is a JSON array of components; got a "
                    + components.getNodeType());
        }
        ArrayNode result = ((ArrayNode) components).deepCopy();
        for (Iterator<JsonNode> it = result.elements(); it.hasNext();) {
            if (SCHEME.equals(it.next().path("component").path("name").asText())) {
                it.remove();
            }
        }
        ObjectNode entry = checked(component).deepCopy();
        entry.remove("componentProperties");
        result.add(entry);
        return result;
    }

    /** A Kaoto components catalog (name to JSON) with the component's full JSON under its scheme. */
    public static ObjectNode intoKaoto(JsonNode catalog, JsonNode component) {
        if (!catalog.isObject()) {
            throw new IllegalArgumentException("a Kaoto components catalog is a JSON object mapping component names to "
                    + "their JSON; got a " + catalog.getNodeType());
        }
        ObjectNode result = ((ObjectNode) catalog).deepCopy();
        result.set(SCHEME, checked(component).deepCopy());
        return result;
    }

    /**
     * A Kaoto Kamelets catalog (name to Kamelet) with the Kamelet under its name, given the {@code propertiesSchema}
     * Kaoto's catalog generator adds to every Kamelet: a JSON schema of its title, description, required properties and
     * each property's type, title, description, enum, default and format.
     */
    public static ObjectNode intoKaotoKamelets(JsonNode catalog, JsonNode kamelet) {
        if (!catalog.isObject()) {
            throw new IllegalArgumentException("a Kaoto Kamelets catalog is a JSON object mapping Kamelet names to "
                    + "their JSON; got a " + catalog.getNodeType());
        }
        String name = kamelet.path("metadata").path("name").asText();
        if (!"Kamelet".equals(kamelet.path("kind").asText()) || name.isEmpty()) {
            throw new IllegalArgumentException("not a Kamelet: kind is '" + kamelet.path("kind").asText()
                    + "', metadata.name '" + name + "'");
        }
        ObjectNode entry = kamelet.deepCopy();
        JsonNode definition = kamelet.path("spec").path("definition");
        ObjectNode schema = entry.putObject("propertiesSchema");
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("type", "object");
        for (String key : new String[] {"title", "description", "required"}) {
            if (definition.has(key)) {
                schema.set(key, definition.get(key));
            }
        }
        ObjectNode properties = schema.putObject("properties");
        definition.path("properties").fields().forEachRemaining(property -> {
            ObjectNode described = properties.putObject(property.getKey());
            for (String key : new String[] {"type", "title", "description", "enum", "default", "format"}) {
                if (property.getValue().has(key)) {
                    described.set(key, property.getValue().get(key));
                }
            }
        });
        ObjectNode result = ((ObjectNode) catalog).deepCopy();
        result.set(name, entry);
        return result;
    }

    /** The Kamelet packaged in the component jar, as JSON. */
    public static JsonNode kameletFromJar() throws IOException {
        try (InputStream in = CatalogMerge.class.getResourceAsStream(JAR_KAMELET)) {
            if (in == null) {
                throw new IllegalStateException(JAR_KAMELET + " is not on the classpath: is camel-arango-replication?");
            }
            return JSON.valueToTree(new Load(LoadSettings.builder().build()).loadFromInputStream(in));
        }
    }

    /** A Kamelet YAML file, as JSON. */
    public static JsonNode readKamelet(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file.toAbsolutePath());
        }
        return JSON.valueToTree(new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file)));
    }

    /** The component JSON packaged in the component jar. */
    public static JsonNode fromJar() throws IOException {
        try (InputStream in = CatalogMerge.class.getResourceAsStream(JAR_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(JAR_RESOURCE + " is not on the classpath: is camel-arango-replication?");
            }
            return JSON.readTree(in);
        }
    }

    private static ObjectNode checked(JsonNode component) {
        if (!SCHEME.equals(component.path("component").path("scheme").asText())) {
            throw new IllegalArgumentException("not the " + SCHEME + " component JSON: component.scheme is '"
                    + component.path("component").path("scheme").asText() + "'");
        }
        return (ObjectNode) component;
    }

    private static JsonNode read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file.toAbsolutePath());
        }
        return JSON.readTree(file.toFile());
    }

    private static void write(Path file, JsonNode content) throws IOException {
        JSON.writeValue(file.toFile(), content);
    }

    private static String usage(String problem) {
        return problem + "; usage: CatalogMerge karavan <components.json> | kaoto <aggregate-components.json>"
                + " [--component <camel-arango-replication.json>], or CatalogMerge kaoto-kamelets"
                + " <kamelets-aggregate.json> [--kamelet <arango-changes-source.kamelet.yaml>]";
    }
}

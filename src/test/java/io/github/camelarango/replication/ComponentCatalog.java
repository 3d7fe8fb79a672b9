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
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelarango.replication.consumer.ArangoReplicationConsumerConfiguration;
import io.github.camelarango.replication.producer.ArangoReplicationApplierConfiguration;
import io.github.camelarango.replication.producer.ArangoReplicationProducerConfiguration;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/**
 * The component's catalog JSON as packaged in the jar, and which of its options this project declares (the others
 * are inherited from Camel's base classes, with Camel's own texts).
 */
final class ComponentCatalog {

    static final String CLASSPATH_JSON = "/META-INF/io/github/camelarango/replication/arango-replication.json";

    /** The classes whose annotated fields become catalog options. */
    private static final List<Class<?>> DECLARING_CLASSES = List.of(ArangoReplicationComponent.class,
            ArangoReplicationEndpoint.class, ArangoReplicationConfiguration.class,
            ArangoReplicationProducerConfiguration.class, ArangoReplicationApplierConfiguration.class,
            ArangoReplicationConsumerConfiguration.class);

    private final JsonNode json;

    private ComponentCatalog(JsonNode json) {
        this.json = json;
    }

    static ComponentCatalog load() {
        try (InputStream in = ComponentCatalog.class.getResourceAsStream(CLASSPATH_JSON)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_JSON + " is missing: run mvn process-classes");
            }
            return new ComponentCatalog(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode component() {
        return json.get("component");
    }

    /** Section {@code componentProperties}, {@code properties} (endpoint options) or {@code headers}, by name. */
    Map<String, JsonNode> section(String name) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        json.get(name).fields().forEachRemaining(entry -> entries.put(entry.getKey(), entry.getValue()));
        return entries;
    }

    /** Every option name of the component or of its endpoints. */
    Set<String> optionNames() {
        Set<String> names = new TreeSet<>(section("componentProperties").keySet());
        names.addAll(section("properties").keySet());
        return names;
    }

    /** The options declared by this project's classes (an inherited option they re-declare, as delay, counts). */
    static Set<String> declaredOptionNames() {
        Set<String> names = new TreeSet<>();
        for (Class<?> type : DECLARING_CLASSES) {
            for (Field field : type.getDeclaredFields()) {
                if (field.isAnnotationPresent(UriParam.class) || field.isAnnotationPresent(UriPath.class)
                        || field.isAnnotationPresent(Metadata.class)) {
                    names.add(field.getName());
                }
            }
        }
        return names;
    }
}

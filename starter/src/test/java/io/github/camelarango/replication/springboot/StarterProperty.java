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

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * One component option of the catalog as a property of the starter: its Java type in
 * {@link ArangoReplicationComponentConfiguration} and what the metadata says of it.
 * <p>
 * Types: text, booleans and numbers as their boxed types (unset is null, so the component keeps its default); a
 * duration as {@code java.time.Duration} ({@code 2s}, or milliseconds); an enum as its enum class, or as text with
 * its allowed values as hints when the option is text; an object as text naming a bean ({@code #bean:name}), which
 * Camel's property binding resolves when it configures the component.
 *
 * @param name          the option's name, also the field's
 * @param type          the field's type, fully qualified
 * @param description   the catalog's description
 * @param note          what the starter adds to the description (how to give an object or a duration, a secret)
 * @param secret        whether the option is a secret
 * @param deprecated    whether the option is deprecated
 * @param defaultValue  the default for the metadata, null without one
 * @param allowedValues the allowed values of a text option, for the metadata's hints
 */
record StarterProperty(String name, String type, String description, String note, boolean secret, boolean deprecated,
                       JsonNode defaultValue, List<String> allowedValues) {

    private static final Set<String> TEXT = Set.of("java.lang.String");
    private static final Set<String> BOOLEAN = Set.of("boolean", "java.lang.Boolean");
    private static final Set<String> INTEGER = Set.of("int", "java.lang.Integer");
    private static final Set<String> LONG = Set.of("long", "java.lang.Long");
    private static final Set<String> DOUBLE = Set.of("double", "java.lang.Double");

    static StarterProperty of(String name, JsonNode option) {
        String kind = option.get("type").asText();
        String javaType = option.get("javaType").asText();
        String defaultText = option.has("defaultValue") ? option.get("defaultValue").asText() : null;
        boolean secret = option.path("secret").asBoolean();
        List<String> notes = new ArrayList<>();
        String type;
        JsonNode defaultValue = defaultText == null ? null : TextNode.valueOf(defaultText);
        List<String> allowed = List.of();
        if (kind.equals("duration") && LONG.contains(javaType)) {
            type = "java.time.Duration";
            notes.add("A duration such as 500ms, 10s or 2m; a number alone is milliseconds.");
            defaultValue = defaultText == null ? null : TextNode.valueOf(defaultText + "ms");
        } else if (kind.equals("object")) {
            type = "java.lang.String";
            notes.add("The value names a bean of type " + javaType.replaceAll("<.*>", "") + " in the registry: #bean:name.");
        } else if (kind.equals("enum") && !TEXT.contains(javaType)) {
            type = javaType;
        } else if (TEXT.contains(javaType)) {
            type = "java.lang.String";
            if (kind.equals("enum")) {
                allowed = textValues(option.get("enum"));
            }
        } else if (BOOLEAN.contains(javaType)) {
            type = "java.lang.Boolean";
            defaultValue = defaultText == null ? null : BooleanNode.valueOf(Boolean.parseBoolean(defaultText));
        } else if (INTEGER.contains(javaType) || LONG.contains(javaType)) {
            type = INTEGER.contains(javaType) ? "java.lang.Integer" : "java.lang.Long";
            defaultValue = defaultText == null ? null : LongNode.valueOf(Long.parseLong(defaultText));
        } else if (DOUBLE.contains(javaType)) {
            type = "java.lang.Double";
            defaultValue = defaultText == null ? null : DoubleNode.valueOf(Double.parseDouble(defaultText));
        } else {
            throw new IllegalStateException("Option " + name + " of type " + kind + " (" + javaType + "): the starter "
                                            + "generator does not know which property type to give it; teach StarterProperty");
        }
        if (secret) {
            notes.add("A secret: the actuator's env and configprops endpoints mask it.");
        }
        return new StarterProperty(name, type, option.get("description").asText(), String.join(" ", notes), secret,
                option.path("deprecated").asBoolean(), defaultValue, allowed);
    }

    private static List<String> textValues(JsonNode values) {
        List<String> texts = new ArrayList<>();
        values.forEach(value -> texts.add(value.asText()));
        return List.copyOf(texts);
    }

    /** The property's name in application.properties after the prefix: the option's name in kebab case. */
    String key() {
        StringBuilder key = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                key.append('-').append(Character.toLowerCase(c));
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }

    /** The field's type as the generated source writes it (imported unless in java.lang). */
    String simpleType() {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** What the generated source imports for this property. */
    List<String> imports() {
        return type.startsWith("java.lang.") ? List.of() : List.of(type);
    }

    /** The field's javadoc: the catalog's description, then the starter's note. */
    String javadoc() {
        return note.isEmpty() ? description : description + " " + note;
    }
}

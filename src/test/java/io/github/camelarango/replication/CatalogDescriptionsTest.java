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

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.spi.Metadata;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every description in the catalog ({@code camel-arango-replication.json}, what Karavan, Kaoto, Camel JBang, IDEs and
 * the Spring Boot starter show) is a text a user understands without the source: present, long enough, no placeholder,
 * nothing lost on its way from the javadoc or annotation, and every enum value explained. The texts live at their
 * source: the setter javadoc of an option, the {@code description} of its annotation, the {@code @Metadata} of a
 * header constant; the build copies them into the catalog.
 */
class CatalogDescriptionsTest {

    private static final int MIN_WORDS = 4;
    private static final int MIN_CHARACTERS = 25;
    /** What a text that was never written looks like. */
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\b(TODO|TBD|FIXME|XXX|lorem|ipsum|placeholder|description|documentation follows)\\b", Pattern.CASE_INSENSITIVE);
    /**
     * What the way from the source leaves behind: javadoc tags or HTML the generator did not render, and the holes it
     * leaves when it drops everything between {@code <} and {@code >} (a slash before a space or a comma, empty
     * brackets, a space before a comma, two spaces).
     */
    private static final Pattern LEFTOVER = Pattern.compile(
            "\\{@|@link|@code|[<>]|&[a-z]+;|\\(\\s*\\)|\\s[,;:]|/[\\s,.;)]|\\s{2}");
    /** Camel appends this to the text when an option has a defaultValueNote. */
    private static final String DEFAULT_VALUE_NOTICE = " Default value notice: ";

    private final ComponentCatalog catalog = ComponentCatalog.load();

    @Test
    void theComponentIsDescribed() {
        List<String> problems = new ArrayList<>();
        checkOwnText("component", catalog.component().path("description").asText(), List.of(), problems);
        assertNoProblems(problems);
    }

    @Test
    void everyOptionIsDescribed() {
        Set<String> declared = ComponentCatalog.declaredOptionNames();
        List<String> problems = new ArrayList<>();
        for (String section : List.of("componentProperties", "properties")) {
            for (Map.Entry<String, JsonNode> option : catalog.section(section).entrySet()) {
                String where = section + "." + option.getKey();
                String text = option.getValue().path("description").asText();
                if (declared.contains(option.getKey())) {
                    checkOwnText(where, text, enumValues(option.getValue()), problems);
                } else {
                    // inherited from Camel's base classes: Camel's own text, the same in every component's catalog
                    checkPresent(where, text, problems);
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void everyHeaderIsDescribed() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> header : catalog.section("headers").entrySet()) {
            checkOwnText("headers." + header.getKey(), header.getValue().path("description").asText(),
                    enumValues(header.getValue()), problems);
        }
        assertNoProblems(problems);
    }

    @Test
    void headerTextsReachTheCatalogWhole() throws IllegalAccessException {
        // the generator drops anything between < and >: "from > 0" would become "from 0"
        Map<String, JsonNode> headers = catalog.section("headers");
        int compared = 0;
        for (Field field : ArangoReplicationConstants.class.getDeclaredFields()) {
            Metadata metadata = field.getAnnotation(Metadata.class);
            if (metadata != null && Modifier.isStatic(field.getModifiers())) {
                String header = (String) field.get(null);
                assertEquals(metadata.description(), headers.get(header).path("description").asText(),
                        "the catalog text of " + header + " differs from its @Metadata description in "
                                                                                       + "ArangoReplicationConstants."
                                                                                       + field.getName());
                compared++;
            }
        }
        assertEquals(headers.size(), compared, "every header of the catalog is a documented constant");
    }

    @Test
    void theChecksCatchWhatTheyAreFor() {
        List<String> problems = new ArrayList<>();
        checkOwnText("empty", "", List.of(), problems);
        checkOwnText("short", "The port.", List.of(), problems);
        checkOwnText("placeholder", "TODO write the text of this option.", List.of(), problems);
        checkOwnText("stripped", "The document as <collection>/<_key>: orders/1 on every change.", List.of(), problems);
        checkOwnText("holes", "The document's identity: /, the form of an _id.", List.of(), problems);
        checkOwnText("path", "The database (the /_db/ prefix of every request).", List.of(), problems);
        checkOwnText("javadoc", "Whether to use {@link Foo} for every request.", List.of(), problems);
        checkOwnText("enum", "What the consumer does when its position is lost: FAIL stops it.", List.of("FAIL", "SKIP"),
                problems);
        assertEquals(List.of(
                "empty: no description",
                "short: too short to explain anything: 'The port.'",
                "placeholder: a placeholder, not a description: 'TODO write the text of this option.'",
                "stripped: javadoc or HTML left over, or a hole where the generator dropped <...>: "
                                                                        + "'The document as <collection>/<_key>: orders/1 on every change.'",
                "holes: javadoc or HTML left over, or a hole where the generator dropped <...>: "
                                                                        + "'The document's identity: /, the form of an _id.'",
                "path: javadoc or HTML left over, or a hole where the generator dropped <...>: "
                                                                        + "'The database (the /_db/ prefix of every request).'",
                "javadoc: javadoc or HTML left over, or a hole where the generator dropped <...>: "
                                                                        + "'Whether to use {@link Foo} for every request.'",
                "enum: the enum values [SKIP] are not explained: 'What the consumer does when its position is lost: FAIL stops it.'"),
                problems);
    }

    private static List<String> enumValues(JsonNode entry) {
        List<String> values = new ArrayList<>();
        entry.path("enum").forEach(value -> values.add(value.asText()));
        return values;
    }

    private static boolean checkPresent(String where, String text, List<String> problems) {
        if (text.isBlank()) {
            problems.add(where + ": no description");
            return false;
        }
        if (text.strip().split("\\s+").length < MIN_WORDS || text.strip().length() < MIN_CHARACTERS) {
            problems.add(where + ": too short to explain anything: '" + text + "'");
            return false;
        }
        if (PLACEHOLDER.matcher(text).find()) {
            problems.add(where + ": a placeholder, not a description: '" + text + "'");
            return false;
        }
        return true;
    }

    /** A text this project wrote: a sentence without leftovers that names every value of its enum. */
    private static void checkOwnText(String where, String text, List<String> enumValues, List<String> problems) {
        if (!checkPresent(where, text, problems)) {
            return;
        }
        int notice = text.indexOf(DEFAULT_VALUE_NOTICE);
        String sentence = notice < 0 ? text : text.substring(0, notice);
        if (LEFTOVER.matcher(text.replace("...", "")).find()) {
            problems.add(where + ": javadoc or HTML left over, or a hole where the generator dropped <...>: '" + text + "'");
        } else if (!Character.isUpperCase(sentence.charAt(0)) || !sentence.endsWith(".")) {
            problems.add(where + ": not a sentence (capital letter first, full stop at the end): '" + text + "'");
        }
        List<String> unexplained = new ArrayList<>();
        for (String value : enumValues) {
            Pattern named = Pattern.compile("(?<![\\w-])" + Pattern.quote(value) + "(?![\\w-])", Pattern.CASE_INSENSITIVE);
            if (!named.matcher(sentence).find()) {
                unexplained.add(value);
            }
        }
        if (!unexplained.isEmpty()) {
            problems.add(where + ": the enum values " + unexplained + " are not explained: '" + text + "'");
        }
    }

    private static void assertNoProblems(List<String> problems) {
        assertTrue(problems.isEmpty(), problems.size() + " catalog description(s) to fix at their source (setter "
                                       + "javadoc, annotation description, @Metadata of the header constant), then "
                                       + "rebuild and copy the catalog to the root:\n  "
                                       + String.join("\n  ", problems));
    }
}

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.util.TimeUtils;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README.md's option, header, operation and value tables say what the catalog says, and README names every option,
 * header and enum value this project declares: a renamed, removed or added option, a changed default or a new enum
 * value fails here until README follows.
 */
class ReadmeCatalogTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    /** README's one row for all request headers: each overrides the option of its name. */
    private static final String OPTION_HEADERS = "`CamelArangoReplication<Option>`";

    private final ComponentCatalog catalog = ComponentCatalog.load();
    private final Readme readme = Readme.read(README);

    @Test
    void optionTablesNameCatalogOptionsWithTheirDefaults() {
        Map<String, JsonNode> endpointOptions = catalog.section("properties");
        Map<String, JsonNode> componentOptions = catalog.section("componentProperties");
        List<String> problems = new ArrayList<>();
        int rows = 0;
        for (Table table : readme.tablesHeaded("option")) {
            int defaultColumn = table.column("default");
            for (List<String> row : table.rows()) {
                List<String> names = names(row.get(0));
                for (String name : names) {
                    JsonNode option = endpointOptions.getOrDefault(name, componentOptions.get(name));
                    if (option == null) {
                        problems.add(table.where() + ": `" + name + "` is no option of the catalog");
                    } else if (names.size() == 1 && defaultColumn >= 0) {
                        checkDefault(table.where(), name, option, row.get(defaultColumn), problems);
                    }
                }
                rows++;
            }
        }
        assertTrue(rows > 40, "README's option tables were found (" + rows + " rows)");
        assertNoProblems(problems);
    }

    @Test
    void headerTablesNameCatalogHeaders() {
        Set<String> headers = catalog.section("headers").keySet();
        List<String> problems = new ArrayList<>();
        int rows = 0;
        for (Table table : readme.tablesHeaded("header")) {
            for (List<String> row : table.rows()) {
                for (String name : names(row.get(0))) {
                    if (!headers.contains(name)) {
                        problems.add(table.where() + ": `" + name + "` is no header of the catalog");
                    }
                }
                rows++;
            }
        }
        assertTrue(rows > 20, "README's header tables were found (" + rows + " rows)");
        assertNoProblems(problems);
    }

    @Test
    void operationAndModeTablesListEveryOperation() {
        Set<String> listed = new TreeSet<>();
        for (String heading : List.of("operation", "mode")) {
            for (Table table : readme.tablesHeaded(heading)) {
                table.rows().forEach(row -> listed.addAll(names(row.get(0))));
            }
        }
        assertEquals(enumValues(catalog.section("properties").get("operation")), listed,
                "README's Operations table and the consumers' mode table together list the operation enum of the catalog");
    }

    @Test
    void valueTablesListTheEnumOfTheirOption() {
        List<String> problems = new ArrayList<>();
        int tables = 0;
        for (Table table : readme.tablesHeaded("value")) {
            Matcher option = CODE.matcher(table.heading());
            if (!option.find()) {
                problems.add(table.where() + ": a value table under a heading that names no `option`");
                continue;
            }
            JsonNode definition = catalog.section("properties").get(option.group(1));
            if (definition == null) {
                problems.add(table.where() + ": `" + option.group(1) + "` is no option of the catalog");
                continue;
            }
            Set<String> listed = new TreeSet<>();
            table.rows().forEach(row -> listed.addAll(names(row.get(0))));
            if (!listed.equals(enumValues(definition))) {
                problems.add(table.where() + ": lists " + listed + ", the catalog's " + option.group(1) + " has "
                             + enumValues(definition));
            }
            tables++;
        }
        assertTrue(tables >= 3, "README's value tables were found (" + tables + ")");
        assertNoProblems(problems);
    }

    @Test
    void readmeNamesEveryDeclaredOptionHeaderAndEnumValue() {
        Set<String> named = readme.code();
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> options = catalog.section("componentProperties");
        options.putAll(catalog.section("properties"));
        for (String option : ComponentCatalog.declaredOptionNames()) {
            if (!named.contains(option)) {
                problems.add("option `" + option + "` is not in README");
            }
            for (String value : enumValues(options.get(option))) {
                if (!named.contains(value)) {
                    problems.add("value `" + value + "` of option " + option + " is not in README");
                }
            }
        }
        boolean optionHeadersDocumented = readme.text().contains(OPTION_HEADERS);
        for (Map.Entry<String, JsonNode> header : catalog.section("headers").entrySet()) {
            String name = header.getKey();
            String option = decapitalize(name.substring("CamelArangoReplication".length()));
            boolean byOptionRule = optionHeadersDocumented && options.containsKey(option);
            if (!named.contains(name) && !byOptionRule) {
                problems.add("header `" + name + "` is not in README");
            }
            for (String value : enumValues(header.getValue())) {
                if (!named.contains(value)) {
                    problems.add("value `" + value + "` of header " + name + " is not in README");
                }
            }
        }
        assertNoProblems(problems);
    }

    @Test
    void theChecksReadMarkdownAsWritten() throws IOException {
        Path sample = Files.createTempFile("readme", ".md");
        try {
            Files.writeString(sample, """
                    ### Markers (`unknownMarkerPolicy`)

                    | value | what happens |
                    |---|---|
                    | `FAIL` (default) | stops |
                    | `SKIP` | goes on |

                    ```
                    | option | default |
                    |---|---|
                    | `notInATable` | `1` |
                    ```

                    | Option | Default | Description |
                    |---|---|---|
                    | `idleMinWait` / `idleMaxWait` | `100ms` / `200ms` | waits, see `FAIL` |
                    """);
            Readme parsed = Readme.read(sample);
            List<Table> values = parsed.tablesHeaded("value");
            assertEquals(1, values.size());
            assertEquals("### Markers (`unknownMarkerPolicy`)", values.get(0).heading());
            assertEquals(List.of(List.of("`FAIL` (default)", "stops"), List.of("`SKIP`", "goes on")), values.get(0).rows());
            List<Table> options = parsed.tablesHeaded("option");
            assertEquals(1, options.size(), "a table inside a code block is not a table");
            assertEquals(1, options.get(0).column("default"));
            assertEquals(List.of("idleMinWait", "idleMaxWait"), names(options.get(0).rows().get(0).get(0)));
            assertEquals(Set.of("unknownMarkerPolicy", "FAIL", "SKIP", "idleMinWait", "idleMaxWait", "100ms", "200ms"),
                    parsed.code());
        } finally {
            Files.delete(sample);
        }
    }

    @Test
    void aDefaultThatDriftedIsCaught() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode duration = json.readTree("{\"type\": \"duration\", \"defaultValue\": \"10000\"}");
        JsonNode number = json.readTree("{\"type\": \"integer\", \"defaultValue\": \"500\"}");
        List<String> problems = new ArrayList<>();
        checkDefault("t", "connectTimeout", duration, "`10s`", problems);
        checkDefault("t", "maxEventsPerPoll", number, "server (500)", problems);
        checkDefault("t", "connectTimeout", duration, "`5s`", problems);
        checkDefault("t", "maxEventsPerPoll", number, "`100`", problems);
        assertEquals(List.of("t: `connectTimeout` defaults to `5s` in README, to `10000` in the catalog",
                "t: `maxEventsPerPoll` defaults to `100` in README, to `500` in the catalog"), problems);
    }

    private static void checkDefault(String where, String name, JsonNode option, String cell, List<String> problems) {
        Matcher literal = Pattern.compile("`([^`]*)`").matcher(cell.strip());
        if (!literal.matches() || !option.has("defaultValue")) {
            return; // a default in words ("server", "all", "derived") is the reader's, not the catalog's
        }
        String documented = literal.group(1);
        String actual = option.get("defaultValue").asText();
        boolean same = "duration".equals(option.path("type").asText())
                ? TimeUtils.toMilliSeconds(documented) == TimeUtils.toMilliSeconds(actual)
                : documented.equals(actual);
        if (!same) {
            problems.add(where + ": `" + name + "` defaults to `" + documented + "` in README, to `" + actual
                         + "` in the catalog");
        }
    }

    /** The option or header names of a table cell: its code spans that are plain names (not patterns like `…Id`). */
    private static List<String> names(String cell) {
        List<String> names = new ArrayList<>();
        Matcher code = CODE.matcher(cell);
        while (code.find()) {
            if (NAME.matcher(code.group(1)).matches()) {
                names.add(code.group(1));
            }
        }
        return names;
    }

    private static Set<String> enumValues(JsonNode entry) {
        Set<String> values = new TreeSet<>();
        if (entry != null) {
            entry.path("enum").forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static void assertNoProblems(List<String> problems) {
        assertTrue(problems.isEmpty(), problems.size() + " place(s) where README.md and the catalog disagree "
                                       + "(fix README, or the option's text at its source):\n  "
                                       + String.join("\n  ", problems));
    }

    /** A Markdown table: the heading above it, its header cells and its rows of cells. */
    record Table(String heading, int line, List<String> header, List<List<String>> rows) {

        int column(String name) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).equalsIgnoreCase(name)) {
                    return i;
                }
            }
            return -1;
        }

        String where() {
            return "README line " + line + " (" + heading + ")";
        }
    }

    /** README.md outside its code blocks: its tables and the code spans of its text. */
    record Readme(String text, List<Table> tables) {

        static Readme read(Path file) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file.toAbsolutePath(), e);
            }
            StringBuilder text = new StringBuilder();
            List<Table> tables = new ArrayList<>();
            String heading = "";
            boolean inCode = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("```")) {
                    inCode = !inCode;
                    continue;
                }
                if (inCode) {
                    continue;
                }
                text.append(line).append('\n');
                if (line.startsWith("#")) {
                    heading = line;
                } else if (line.startsWith("|") && i + 1 < lines.size() && lines.get(i + 1).startsWith("|---")) {
                    int first = i + 1;
                    List<List<String>> rows = new ArrayList<>();
                    for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
                        text.append(lines.get(i)).append('\n');
                        rows.add(cells(lines.get(i)));
                    }
                    tables.add(new Table(heading, first, cells(line), rows));
                    i--; // the line after the table is read by the next round
                }
            }
            return new Readme(text.toString(), tables);
        }

        List<Table> tablesHeaded(String firstColumn) {
            return tables.stream().filter(table -> table.header().get(0).equalsIgnoreCase(firstColumn)).toList();
        }

        /** Every code span outside code blocks. */
        Set<String> code() {
            Set<String> spans = new LinkedHashSet<>();
            Matcher code = CODE.matcher(text);
            while (code.find()) {
                spans.add(code.group(1));
            }
            return spans;
        }

        private static List<String> cells(String row) {
            String inner = row.strip();
            inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
            List<String> cells = new ArrayList<>();
            for (String cell : inner.split("\\|", -1)) {
                cells.add(cell.strip());
            }
            return cells;
        }
    }
}

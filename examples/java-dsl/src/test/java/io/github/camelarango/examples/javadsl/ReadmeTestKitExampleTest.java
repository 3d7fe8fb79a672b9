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
package io.github.camelarango.examples.javadsl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The JUnit 5 example of README.md's "The ArangoDB emulator for your tests" is {@link OrderChangesTest}, word for word
 * (without its license header and package line), so the README cannot show code that no longer compiles or passes.
 */
class ReadmeTestKitExampleTest {

    private static final Path README = Path.of("../../README.md");
    private static final Path TEST = Path.of("src/test/java/io/github/camelarango/examples/javadsl/OrderChangesTest.java");

    @Test
    void theReadmeShowsOrderChangesTestAsItIs() throws IOException {
        assumeTrue(Files.exists(README), "runs inside the repository, where " + README.toAbsolutePath() + " exists");
        String readme = Files.readString(README);
        Matcher snippet = Pattern.compile("```java\n(import java\\.net\\.URI;\n.*?class OrderChangesTest \\{.*?)```",
                Pattern.DOTALL).matcher(readme);
        assertTrue(snippet.find(), "README.md has a java block with class OrderChangesTest");
        String test = Files.readString(TEST).replaceFirst("(?s)^/\\*.*?\\*/\n", "").replaceFirst("^\\s*package [^;]+;\n\n", "");
        assertEquals(test, snippet.group(1));
    }
}

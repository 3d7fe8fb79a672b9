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
package io.github.camelarango.replication.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lines of dump and wal/tail bodies: split as they arrive, walked by a streaming parser, documents kept as bytes. */
class LineParsingTest {

    /** 2^63-1, -2^63, 2^64+1 and a 40-digit decimal, as a server may write them. */
    static final String NUMBERS = "{\"max\":9223372036854775807,\"min\":-9223372036854775808,"
            + "\"big\":18446744073709551617,\"decimal\":1234567890.123456789012345678901234567891,"
            + "\"double\":0.1,\"twoTo60\":1152921504606846976.0,\"small\":7}";

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static RawDocument dumpLine(String line) throws IOException, BadLine {
        try (JsonLines lines = new JsonLines(new ByteArrayInputStream(utf8(line)))) {
            assertTrue(lines.next());
            return RawDocument.readDumpLine(lines);
        }
    }

    @Test
    void aMarkerKeepsItsDataAsTheBytesTheServerWrote() throws BadLine {
        String data = "{ \"_key\" : \"k1\", \"_id\":\"orders/k1\", \"nested\":{\"_key\":\"inner\",\"a\":[1,{\"b\":\"}\"}]},"
                + "\"text\":\"quote \\\" brace } é\", \"_rev\":\"_r1\" }";
        byte[] line = utf8("{\"data\":" + data + ",\"tick\":\"18446744073709551615\",\"type\":2300,\"db\":\"shop\","
                + "\"tid\":\"0\",\"cuid\":\"h1/100\",\"unknown\":[{\"x\":1}]}");
        WalMarker marker = WalMarker.parse(line);
        assertEquals(Ticks.MAX, marker.tick(), "the tick may come after data and is unsigned");
        assertEquals(2300, marker.type());
        assertEquals("shop", marker.db());
        assertEquals("h1/100", marker.cuid());
        assertEquals("0", marker.tid());
        assertEquals(data, marker.rawData().json().toString(), "data exactly as written, spaces included");
        assertEquals("k1", marker.rawData().key(), "the top-level _key, not the nested one");
        assertEquals("_r1", marker.rawData().rev());
        assertEquals("quote \" brace } é", marker.data().path("text").asText());
        assertSame(marker.data(), marker.data(), "the tree is built once");
        assertEquals(new String(line, StandardCharsets.UTF_8), marker.rawLine().toString());
        assertEquals("shop", marker.raw().path("db").asText());
    }

    @Test
    void markersOfOneBodyShareTheirRepeatedTexts() throws Exception {
        String body = "{\"tick\":\"7\",\"type\":2300,\"db\":\"shop\",\"tid\":\"5\",\"cuid\":\"h/1\"}\n"
                + "{\"tick\":\"8\",\"type\":2300,\"db\":\"shop\",\"tid\":\"5\",\"cuid\":\"h/2\"}\n"
                + "{\"tick\":\" 9\",\"type\":2300,\"db\":\"shop2\",\"tid\":\"5\",\"cuid\":\"h/2\"}\n";
        List<WalMarker> markers = new ArrayList<>();
        try (JsonLines lines = new JsonLines(new ByteArrayInputStream(utf8(body)))) {
            while (lines.next()) {
                markers.add(WalMarker.read(lines));
            }
        }
        assertEquals(List.of(7L, 8L, 9L), markers.stream().map(WalMarker::tick).toList());
        assertSame(markers.get(0).db(), markers.get(1).db());
        assertSame(markers.get(0).tid(), markers.get(2).tid());
        assertEquals("h/2", markers.get(1).cuid());
        assertSame(markers.get(1).cuid(), markers.get(2).cuid());
        assertEquals("shop2", markers.get(2).db());
    }

    @Test
    void markersWithoutDataOrWithNullDataHaveNone() throws BadLine {
        WalMarker drop = WalMarker.parse(utf8("{\"tick\":\"154\",\"type\":2001,\"db\":\"_system\",\"cuid\":\"h/555\"}"));
        assertNull(drop.rawData());
        assertNull(drop.data());
        assertNull(WalMarker.parse(utf8("{\"tick\":\"155\",\"type\":2001,\"data\":null}")).rawData());
    }

    @Test
    void namesAreMatchedByTheirTextHoweverTheServerEscapedThem() throws Exception {
        String data = "{\"\\u005fkey\":\"k9\",\"_r\\u0065v\":\"_r9\",\"_keys\":\"no\",\"_ke\":\"no\"}";
        WalMarker marker = WalMarker.parse(utf8("{\"t\\u0069ck\":\"9\",\"\\u0074ype\":2300,\"d\\u0062\":\"shop\","
                + "\"ti\\u0064\":\"0\",\"cu\\u0069d\":\"h/1\",\"dat\\u0061\":" + data + ",\"datas\":{\"_key\":\"x\"}}"));
        assertEquals(9L, marker.tick());
        assertEquals(2300, marker.type());
        assertEquals("shop", marker.db());
        assertEquals("0", marker.tid());
        assertEquals("h/1", marker.cuid());
        assertEquals(data, marker.rawData().json().toString());
        assertEquals("k9", marker.rawData().key());
        assertEquals("_r9", marker.rawData().rev());
        RawDocument envelope = dumpLine("{\"typ\\u0065\":2300,\"d\\u0061ta\":" + data + "}");
        assertEquals(data, envelope.json().toString(), "an escaped envelope is unwrapped too");
        assertEquals("k9", envelope.key());
    }

    @Test
    void theTypeIsAJsonIntegerOrUnknown() throws BadLine {
        assertEquals(2300, WalMarker.parse(utf8("{\"tick\":\"1\",\"type\":2300}")).type());
        assertEquals(-1, WalMarker.parse(utf8("{\"tick\":\"1\",\"type\":\"2300\"}")).type());
        assertEquals(-1, WalMarker.parse(utf8("{\"tick\":\"1\",\"type\":2300.5}")).type());
        assertEquals(-1, WalMarker.parse(utf8("{\"tick\":\"1\",\"type\":99999999999}")).type());
        assertEquals(-1, WalMarker.parse(utf8("{\"tick\":\"1\",\"type\":\"document\"}")).type());
        assertEquals(-1, WalMarker.parse(utf8("{\"tick\":\"1\",\"type\":{\"code\":2300}}")).type());
        assertEquals(-1, WalMarker.parse(utf8("{\"tick\":\"1\"}")).type());
    }

    @Test
    void aBadMarkerLineSaysWhatIsWrongAndTheTickWhenItWasRead() {
        BadLine notJson = assertThrows(BadLine.class,
                () -> WalMarker.parse(utf8("{\"tick\":\"42\",\"type\":2300,\"data\":{\"_key\":\"a\",}}")));
        assertEquals(42L, notJson.tick());
        assertTrue(notJson.getMessage().startsWith("Unexpected character ('}'"), notJson.getMessage());
        BadLine noTick = assertThrows(BadLine.class, () -> WalMarker.parse(utf8("{\"type\":2300}")));
        assertNull(noTick.tick());
        assertEquals("tick must be an unsigned 64-bit decimal number, was null", noTick.getMessage());
        BadLine array = assertThrows(BadLine.class, () -> WalMarker.parse(utf8("[1,2]")));
        assertEquals("WAL marker must be a JSON object, was START_ARRAY", array.getMessage());
        BadLine twoValues = assertThrows(BadLine.class, () -> WalMarker.parse(utf8("{\"tick\":\"1\"} {\"tick\":\"2\"}")));
        assertEquals("more than one JSON value on the line", twoValues.getMessage(), "WalMarker.of reads one line");
        BadLine truncated = assertThrows(BadLine.class, () -> WalMarker.parse(utf8("{\"tick\":\"7\",\"data\":{\"a\":")));
        assertEquals(7L, truncated.tick());
    }

    @Test
    void ofATreeReadsTheSameMarker() {
        WalMarker marker = WalMarker.of(Json.mapper().createObjectNode().put("tick", "9").put("type", 2302)
                .put("tid", "5").set("data", Json.mapper().createObjectNode().put("_key", "k").put("_rev", "r")));
        assertEquals(9L, marker.tick());
        assertTrue(marker.inTransaction());
        assertEquals(new RawDocument("k", "r", RawJson.of(marker.data())), marker.rawData());
        IllegalArgumentException notObject = assertThrows(IllegalArgumentException.class,
                () -> WalMarker.of(Json.mapper().createArrayNode()));
        assertEquals("WAL marker must be a JSON object, was []", notObject.getMessage());
    }

    @Test
    void aDumpLineIsTheDocumentAndAnEnvelopeIsUnwrapped() throws Exception {
        String bare = "{\"_key\":\"k\",\"_id\":\"products/k\",\"_rev\":\"_r\",\"type\":2300,\"data\":{\"x\":1}}";
        RawDocument document = dumpLine(bare);
        assertEquals(new RawDocument("k", "_r", RawJson.of(utf8(bare))), document,
                "a document with type/data attributes is not an envelope");
        String inner = "{\"_key\":\"69715\",\"_id\":\"products/69715\",\"_rev\":\"_gky3flq--_\",\"Hello\":\"World\"}";
        RawDocument unwrapped = dumpLine("{\"type\":2300,\"data\":" + inner + "}");
        assertEquals(new RawDocument("69715", "_gky3flq--_", RawJson.of(utf8(inner))), unwrapped);
        BadLine scalar = assertThrows(BadLine.class, () -> dumpLine("42"));
        assertEquals("a dump line must be a JSON object, was VALUE_NUMBER_INT", scalar.getMessage());
    }

    @Test
    void numbersKeepEveryDigitTheServerWrote() {
        RawJson json = RawJson.of(utf8(NUMBERS));
        assertEquals(NUMBERS, json.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) json.readValue();
        assertEquals(Long.MAX_VALUE, map.get("max"));
        assertEquals(Long.MIN_VALUE, map.get("min"));
        assertEquals(new BigInteger("18446744073709551617"), map.get("big"));
        assertEquals(new BigDecimal("1234567890.123456789012345678901234567891"), map.get("decimal"));
        assertEquals(0.1, map.get("double"), "a decimal a double prints back as written stays a Double");
        assertEquals(1152921504606846976.0, map.get("twoTo60"), "a double the server wrote with .0 stays a Double");
        assertEquals(7, map.get("small"));
        JsonNode tree = json.readTree();
        assertEquals(Long.MAX_VALUE, tree.get("max").longValue());
        assertEquals(new BigInteger("18446744073709551617"), tree.get("big").bigIntegerValue());
        assertEquals(new BigDecimal("1234567890.123456789012345678901234567891"), tree.get("decimal").decimalValue());
        assertTrue(tree.get("double").isDouble());
        assertEquals(NUMBERS.replace("1152921504606846976.0", "1.15292150460684698E18"), tree.toString(),
                "the tree writes the same values back");
    }

    @Test
    void jacksonWritesRawJsonAsItIs() throws IOException {
        RawJson document = RawJson.of(utf8("{ \"a\" : 1.50 }"));
        Map<String, Object> wrapper = Map.of("after", document);
        assertEquals("{\"after\":{ \"a\" : 1.50 }}", Json.mapper().writeValueAsString(wrapper));
        RawJson written = RawJson.write(generator -> {
            generator.writeStartArray();
            document.writeTo(generator);
            generator.writeEndArray();
        });
        assertEquals("[{ \"a\" : 1.50 }]", written.toString());
    }

    @Test
    void valuesAreReadAsTheyArriveAndKeepTheirBytes() throws Exception {
        String longText = "x".repeat(200_000);
        String body = "{\"a\":1}\r\n\n  \n{\"text\":\"" + longText + "\"}\n{\"b\" : 2}";
        List<String> read = new ArrayList<>();
        try (JsonLines lines = new JsonLines(new TrickleStream(utf8(body), 7_000))) {
            while (lines.next()) {
                lines.parser().skipChildren();
                read.add(new String(lines.valueBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of("{\"a\":1}", "{\"text\":\"" + longText + "\"}", "{\"b\" : 2}"), read,
                "blank lines are skipped, the last line needs no newline");
    }

    @Test
    void afterABadLineTheNextLinesAreRead() throws Exception {
        String body = "{\"a\":1}\n{oops\n\n[1, {\"x\":\"\u00e9\"}]\n{\"tick\":\"5\", \"data\":{\"a\":}}\n  -\n{\"b\":2}\n";
        List<String> events = new ArrayList<>();
        try (JsonLines lines = new JsonLines(new TrickleStream(utf8(body), 3))) {
            while (true) {
                try {
                    if (!lines.next()) {
                        break;
                    }
                    lines.parser().skipChildren();
                    events.add(new String(lines.valueBytes(), StandardCharsets.UTF_8));
                } catch (com.fasterxml.jackson.core.JsonProcessingException | BadLine e) {
                    JsonLines.BadLineAt bad = lines.skipBadLine();
                    events.add(bad.lineNumber() + " bad: " + new String(bad.lineStart(), StandardCharsets.UTF_8));
                }
            }
        }
        assertEquals(List.of("{\"a\":1}", "2 bad: {oops", "[1, {\"x\":\"\u00e9\"}]",
                "5 bad: {\"tick\":\"5\", \"data\":{\"a\":}}", "6 bad: -", "{\"b\":2}"), events);
    }

    @Test
    void anEmptyBodyHasNoValues() throws Exception {
        try (JsonLines lines = new JsonLines(new ByteArrayInputStream(new byte[0]))) {
            assertFalse(lines.next());
        }
    }

    @Test
    void rawJsonThatIsNotJsonFailsWhenParsed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RawJson.of(utf8("{\"a\":")).readValue());
        assertInstanceOf(IOException.class, e.getCause());
    }

    /** Hands out at most {@code step} bytes per read, as a network stream does. */
    private static final class TrickleStream extends InputStream {
        private final ByteArrayInputStream in;
        private final int step;

        TrickleStream(byte[] bytes, int step) {
            this.in = new ByteArrayInputStream(bytes);
            this.step = step;
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return in.read(buffer, offset, Math.min(length, step));
        }
    }
}

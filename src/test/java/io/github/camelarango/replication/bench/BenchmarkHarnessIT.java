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
package io.github.camelarango.replication.bench;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import io.github.camelarango.replication.emulator.ArangoEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark's contenders read exactly what was written, so their rates compare like for like: every bare loop,
 * the engine and the route deliver the same number of documents from the same emulator. No timing is asserted.
 */
class BenchmarkHarnessIT {

    private static final int DOCUMENTS = 300;
    private static final int TAIL_DOCUMENTS = 250;
    private static final int TAIL_BATCH = 100;

    private static ArangoEmulator emulator;
    private static BenchHttp http;
    private static long tailFrom;
    private static long tailTo;

    @BeforeAll
    static void load() throws Exception {
        emulator = ArangoEmulator.builder().build().start();
        http = new BenchHttp(emulator.url());
        DatasetLoader loader = new DatasetLoader(http);
        loader.createCollection("snap");
        loader.insertParallel("snap", DocumentShape.LARGE, DOCUMENTS, 64, 2);
        loader.createCollection("tail");
        tailFrom = http.lastTick();
        loader.insertParallel("tail", DocumentShape.SMALL, TAIL_DOCUMENTS, TAIL_BATCH, 2);
        tailTo = http.lastTick();
    }

    @AfterAll
    static void stop() {
        http.close();
        emulator.close();
    }

    @Test
    void bareDumpLoopsSeeEveryDocumentAndTheSameBytes() throws Exception {
        BareDumpLoop ceiling = new BareDumpLoop("ceiling", http, "snap", BodySink.DISCARD);
        BareDumpLoop bare = new BareDumpLoop("bare", http, "snap", BodySink.TOKENS);
        BareDumpLoop trees = new BareDumpLoop("trees", http, "snap", BodySink.TREES);
        assertEquals(DOCUMENTS, ceiling.run());
        assertEquals(DOCUMENTS, bare.run());
        assertEquals(DOCUMENTS, trees.run());
        assertEquals(ceiling.bytes(), bare.bytes());
        assertTrue(ceiling.bytes() > DOCUMENTS * 1500L, "a 2 KB document renders to ~2,000 bytes, got "
                + ceiling.bytes() / DOCUMENTS);
    }

    @Test
    void engineAndRouteDeliverEverySnapshotDocument() throws Exception {
        assertEquals(DOCUMENTS, ChangeStreamContender.snapshot(emulator.url(), "snap").run());
        assertEquals(DOCUMENTS, ChangeStreamContender.snapshot(emulator.url(), "snap", 16 * 1024).run());
        assertEquals(DOCUMENTS, CamelRouteContender.snapshot(emulator.url(), "snap", DOCUMENTS,
                CamelRoute.Offsets.FILE).run());
        assertEquals(DOCUMENTS, CamelRouteContender.snapshot(emulator.url(), "snap", DOCUMENTS,
                CamelRoute.Offsets.MEMORY).withBodyType("Map").run());
        assertEquals(DOCUMENTS, CamelRouteContender.snapshot(emulator.url(), "snap", DOCUMENTS,
                CamelRoute.Offsets.FILE).withOptions(ComponentContenders.BATCHING + "&"
                                                     + ComponentContenders.COMMIT_INTERVAL).run());
    }

    @Test
    void tailLoopsReadEveryMarkerAndTheEngineAndRouteEveryInsert() throws Exception {
        long markers = TAIL_DOCUMENTS + 2L * ((TAIL_DOCUMENTS + TAIL_BATCH - 1) / TAIL_BATCH);
        assertEquals(markers, new BareTailLoop("ceiling", http, tailFrom, tailTo, BodySink.DISCARD).run());
        assertEquals(markers, new BareTailLoop("bare", http, tailFrom, tailTo, BodySink.TOKENS).run());
        assertEquals(TAIL_DOCUMENTS, ChangeStreamContender.tail(emulator.url(), "tail", tailFrom, TAIL_DOCUMENTS, true)
                .run());
        assertEquals(TAIL_DOCUMENTS, ChangeStreamContender.tail(emulator.url(), "tail", tailFrom, TAIL_DOCUMENTS, false)
                .run());
        assertEquals(TAIL_DOCUMENTS, CamelRouteContender.tail(emulator.url(), "tail", tailFrom, TAIL_DOCUMENTS,
                CamelRoute.Offsets.MEMORY).run());
        assertEquals(TAIL_DOCUMENTS, CamelRouteContender.tail(emulator.url(), "tail", tailFrom, TAIL_DOCUMENTS,
                CamelRoute.Offsets.FILE).withOptions(ComponentContenders.BATCHING).run());
    }

    @Test
    void sinksCountTopLevelValuesNotNestedOnes() throws Exception {
        String body = "{\"a\":{\"b\":[1,{\"c\":2}]}}\n{\"x\":\"}\\n{\"}\n[1,2]\n";
        byte[] buffer = new byte[8];
        for (BodySink sink : BodySink.values()) {
            long seen = sink.consume(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), buffer);
            assertEquals(3, seen, sink.name());
        }
    }

    @Test
    void percentilesAreNearestRankAndMediansInterpolate() {
        long[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5, LatencyBenchmark.percentile(sorted, 50));
        assertEquals(10, LatencyBenchmark.percentile(sorted, 99));
        assertEquals(1, LatencyBenchmark.percentile(new long[] {1}, 99));
        assertEquals(2.5, Comparison.median(new double[] {4, 1, 3, 2}));
        assertEquals(3.0, Comparison.median(new double[] {5, 1, 3}));
    }
}

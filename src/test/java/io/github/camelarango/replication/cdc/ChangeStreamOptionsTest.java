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
package io.github.camelarango.replication.cdc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ChangeStreamOptionsTest {

    /**
     * A dump chunk is held whole as documents and events, and the next one is fetched meanwhile: 8 MiB chunks of
     * 200-byte documents kept about 100 MB of a 128 MB heap alive and let GC set the pace (BENCHMARKS.md, "Engine
     * cost after the profile and the full run"). The default is the consumer's snapshotMaxChunkSize.
     */
    @Test
    void dumpChunksGrowToTwoMebibytesByDefault() {
        ChangeStreamOptions defaults = ChangeStreamOptions.builder().build();
        assertEquals(128 * 1024, defaults.initialDumpChunkSize());
        assertEquals(2 * 1024 * 1024, defaults.maxDumpChunkSize());
    }
}

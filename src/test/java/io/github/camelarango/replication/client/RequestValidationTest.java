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

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestValidationTest {

    private static String message(Executable executable) {
        return assertThrows(IllegalArgumentException.class, executable).getMessage();
    }

    @Test
    void dumpRefusesChunkSizeZeroBecauseTheServerWouldLoopForever() {
        assertEquals("Invalid value for option chunkSize: '0'; allowed is a number > 0 (to chunkSize 0 the server"
                     + " answers 204 with checkmore=true forever)",
                message(() -> new DumpRequest("products", "42", 0L, null, null)));
        assertEquals("Invalid value for option chunkSize: '-5'; allowed is a number > 0 (to chunkSize 0 the server"
                     + " answers 204 with checkmore=true forever)",
                message(() -> new DumpRequest("products", "42", -5L, null, null)));
    }

    @Test
    void blankCollectionOrBatchIdAreNamed() {
        assertEquals("Invalid value for option collection: ' '; allowed is a non-blank text",
                message(() -> DumpRequest.of(" ", "42")));
        assertEquals("Invalid value for option batchId: 'null'; allowed is a non-blank text",
                message(() -> DumpRequest.of("products", null)));
        assertEquals("Invalid value for option batchId: ''; allowed is a non-blank text",
                message(() -> InventoryRequest.of("")));
        assertEquals("Invalid value for option batchId: 'null'; allowed is a non-blank text",
                message(() -> ExtendDumpBatchRequest.of(null, 10)));
        assertEquals("Invalid value for option batchId: ''; allowed is a non-blank text",
                message(() -> DeleteDumpBatchRequest.of("")));
        assertEquals("Invalid value for option collection: ''; allowed is a non-blank text",
                message(() -> new RevisionTreeRequest("", "1", null)));
        assertEquals("Invalid value for option max: ' '; allowed is a non-blank text",
                message(() -> new RevisionRange("_a", " ")));
    }

    @Test
    void negativeTtlIsRefused() {
        assertEquals("Invalid value for option ttl: '-1'; allowed is a number >= 0",
                message(() -> CreateDumpBatchRequest.ofTtl(-1)));
        assertEquals("Invalid value for option ttl: '-30'; allowed is a number >= 0",
                message(() -> ExtendDumpBatchRequest.of("7", -30)));
    }

    @Test
    void walTailRefusesFromAfterToComparingUnsigned() {
        assertEquals("Invalid value for option to: '100'; allowed is a tick > 0 and not before from (200)",
                message(() -> new WalTailRequest(200, 100L, 0, null, false, null, null, null, null, null)));
        assertEquals("Invalid value for option to: '0'; allowed is a tick > 0 and not before from (0)",
                message(() -> new WalTailRequest(0, 0L, 0, null, false, null, null, null, null, null)));
        long above2Pow63 = Ticks.parse("9223372036854775809");
        // signed comparison would call 2^63+1 smaller than 5: unsigned says from 5 <= to 2^63+1
        WalTailRequest ok = new WalTailRequest(5, above2Pow63, 0, null, false, null, null, null, null, null);
        assertEquals(above2Pow63, ok.to());
        assertEquals("Invalid value for option to: '5'; allowed is a tick > 0 and not before from (9223372036854775809)",
                message(() -> new WalTailRequest(above2Pow63, 5L, 0, null, false, null, null, null, null, null)));
    }

    @Test
    void walTailChecksChunkSizeIdsAndCollection() {
        assertEquals("Invalid value for option chunkSize: '0'; allowed is a number > 0",
                message(() -> new WalTailRequest(1, null, 0, 0L, false, null, null, null, null, null)));
        assertEquals("Invalid value for option serverId: 'abc'; allowed is an unsigned 64-bit decimal number"
                     + " (0 to 18446744073709551615)",
                message(() -> new WalTailRequest(1, null, 0, null, false, null, null, "abc", null, null)));
        assertEquals("Invalid value for option syncerId: '0'; allowed is an unsigned 64-bit decimal number other than 0"
                     + " (leave it unset)",
                message(() -> new WalTailRequest(1, null, 0, null, false, null, null, null, "0", null)));
        assertEquals("Invalid value for option collection: 'products'; allowed is none with global=true (a global tail"
                     + " reads every database)",
                message(() -> new WalTailRequest(1, null, 0, null, true, "products", null, null, null, null)));
        assertEquals("Invalid value for option collection: ' '; allowed is a non-blank text",
                message(() -> new WalTailRequest(1, null, 0, null, false, " ", null, null, null, null)));
        WalTailRequest ids = new WalTailRequest(1, null, 0, null, false, null, null, " 007", "18446744073709551615", null);
        assertEquals("7", ids.serverId(), "ids are sent in their canonical form");
        assertEquals("18446744073709551615", ids.syncerId());
    }

    @Test
    void restrictTypeMustBeEmptyIncludeOrExclude() {
        assertEquals("Invalid value for option restrictType: 'only'; allowed is one of \"\", include, exclude",
                message(() -> ApplierConfig.builder().endpoint("tcp://h:1").restrictType("only").build()));
        assertEquals("Invalid value for option restrictType: 'INCLUDE'; allowed is one of \"\", include, exclude",
                message(() -> new SyncRequest("tcp://h:1", null, null, null, null, null, "INCLUDE", null, null)));
        ApplierConfig config = ApplierConfig.builder().endpoint("tcp://h:1").restrictType("exclude")
                .restrictCollections(List.of("a")).build();
        assertEquals("exclude", config.restrictType());
        assertEquals("", ApplierConfig.builder().restrictType("").build().restrictType());
    }

    @Test
    void applierConfigRefusesNegativeNumbersAndHidesThePassword() {
        assertEquals("Invalid value for option chunkSize: '-1'; allowed is a number >= 0",
                message(() -> ApplierConfig.builder().chunkSize(-1L).build()));
        assertEquals("Invalid value for option idleMaxWaitTime: '-2.5'; allowed is a number >= 0",
                message(() -> ApplierConfig.builder().idleMaxWaitTime(-2.5).build()));
        assertEquals("Invalid value for option connectTimeout: 'NaN'; allowed is a number >= 0",
                message(() -> ApplierConfig.builder().connectTimeout(Double.NaN).build()));
        assertEquals("Invalid value for option requestTimeout: 'Infinity'; allowed is a number >= 0",
                message(() -> ApplierConfig.builder().requestTimeout(Double.POSITIVE_INFINITY).build()));
        assertEquals("Invalid value for option sslProtocol: '-1'; allowed is a number >= 0",
                message(() -> ApplierConfig.builder().sslProtocol(-1).build()));
        ApplierConfig config = ApplierConfig.builder().endpoint("tcp://h:1").password("applier1234@foxx").build();
        assertFalse(config.toString().contains("applier1234"), config.toString());
        SyncRequest sync = new SyncRequest("tcp://h:1", null, "u", "s3cret!", null, null, null, null, null);
        assertFalse(sync.toString().contains("s3cret!"), sync.toString());
    }

    @Test
    void revisionRequestsNeedContent() {
        assertEquals("Invalid value for option ranges: '[]'; allowed is a list of at least one revision range",
                message(() -> new RevisionRangesRequest("c", "1", List.of(), null)));
        assertEquals("Invalid value for option revisions: 'null'; allowed is a list of at least one revision",
                message(() -> new RevisionDocumentsRequest("c", "1", null)));
    }
}

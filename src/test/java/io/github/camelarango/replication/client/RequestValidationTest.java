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
        String text = message(() -> new DumpRequest("products", "42", 0L, null, null));
        assertTrue(text.startsWith("DumpRequest.chunkSize must be > 0, was 0"), text);
        assertTrue(text.contains("checkmore=true forever"), text);
        assertEquals("DumpRequest.chunkSize must be > 0, was -5",
                message(() -> new DumpRequest("products", "42", -5L, null, null)));
    }

    @Test
    void blankCollectionOrBatchIdAreNamed() {
        assertEquals("DumpRequest.collection is required and must not be blank, was ' '",
                message(() -> DumpRequest.of(" ", "42")));
        assertEquals("DumpRequest.batchId is required and must not be blank, was null",
                message(() -> DumpRequest.of("products", null)));
        assertEquals("InventoryRequest.batchId is required and must not be blank, was ''",
                message(() -> InventoryRequest.of("")));
        assertEquals("ExtendDumpBatchRequest.batchId is required and must not be blank, was null",
                message(() -> ExtendDumpBatchRequest.of(null, 10)));
        assertEquals("DeleteDumpBatchRequest.batchId is required and must not be blank, was ''",
                message(() -> DeleteDumpBatchRequest.of("")));
        assertTrue(message(() -> new RevisionTreeRequest("", "1", null)).startsWith("RevisionTreeRequest.collection"));
    }

    @Test
    void negativeTtlIsRefused() {
        assertEquals("CreateDumpBatchRequest.ttl must be >= 0, was -1", message(() -> CreateDumpBatchRequest.ofTtl(-1)));
        assertEquals("ExtendDumpBatchRequest.ttl must be >= 0, was -30", message(() -> ExtendDumpBatchRequest.of("7", -30)));
    }

    @Test
    void walTailRefusesFromAfterToComparingUnsigned() {
        assertEquals("WalTailRequest.to must be > 0 and >= from (200), was 100",
                message(() -> new WalTailRequest(200, 100L, 0, null, false, null, null, null, null, null)));
        assertEquals("WalTailRequest.to must be > 0 and >= from (0), was 0",
                message(() -> new WalTailRequest(0, 0L, 0, null, false, null, null, null, null, null)));
        long above2Pow63 = Ticks.parse("9223372036854775809");
        // signed comparison would call 2^63+1 smaller than 5: unsigned says from 5 <= to 2^63+1
        WalTailRequest ok = new WalTailRequest(5, above2Pow63, 0, null, false, null, null, null, null, null);
        assertEquals(above2Pow63, ok.to());
        assertEquals("WalTailRequest.to must be > 0 and >= from (9223372036854775809), was 5",
                message(() -> new WalTailRequest(above2Pow63, 5L, 0, null, false, null, null, null, null, null)));
    }

    @Test
    void walTailChecksChunkSizeIdsAndCollection() {
        assertEquals("WalTailRequest.chunkSize must be > 0, was 0",
                message(() -> new WalTailRequest(1, null, 0, 0L, false, null, null, null, null, null)));
        assertTrue(message(() -> new WalTailRequest(1, null, 0, null, false, null, null, "abc", null, null))
                .startsWith("WalTailRequest.serverId must be an unsigned 64-bit decimal number, was 'abc'"));
        assertEquals("WalTailRequest.syncerId must not be 0 (leave it null), was '0'",
                message(() -> new WalTailRequest(1, null, 0, null, false, null, null, null, "0", null)));
        assertEquals("WalTailRequest.collection is only allowed without global, was 'products' with global=true",
                message(() -> new WalTailRequest(1, null, 0, null, true, "products", null, null, null, null)));
    }

    @Test
    void restrictTypeMustBeEmptyIncludeOrExclude() {
        assertEquals("ApplierConfig.restrictType must be one of \"\", \"include\", \"exclude\", was 'only'",
                message(() -> ApplierConfig.builder().endpoint("tcp://h:1").restrictType("only").build()));
        assertEquals("SyncRequest.restrictType must be one of \"\", \"include\", \"exclude\", was 'INCLUDE'",
                message(() -> new SyncRequest("tcp://h:1", null, null, null, null, null, "INCLUDE", null, null)));
        ApplierConfig config = ApplierConfig.builder().endpoint("tcp://h:1").restrictType("exclude")
                .restrictCollections(List.of("a")).build();
        assertEquals("exclude", config.restrictType());
        assertEquals("", ApplierConfig.builder().restrictType("").build().restrictType());
    }

    @Test
    void applierConfigRefusesNegativeNumbersAndHidesThePassword() {
        assertEquals("ApplierConfig.chunkSize must be >= 0, was -1",
                message(() -> ApplierConfig.builder().chunkSize(-1L).build()));
        assertEquals("ApplierConfig.idleMaxWaitTime must be a finite number >= 0, was -2.5",
                message(() -> ApplierConfig.builder().idleMaxWaitTime(-2.5).build()));
        ApplierConfig config = ApplierConfig.builder().endpoint("tcp://h:1").password("applier1234@foxx").build();
        assertFalse(config.toString().contains("applier1234"), config.toString());
        SyncRequest sync = new SyncRequest("tcp://h:1", null, "u", "s3cret!", null, null, null, null, null);
        assertFalse(sync.toString().contains("s3cret!"), sync.toString());
    }

    @Test
    void revisionRequestsNeedContent() {
        assertEquals("RevisionRangesRequest.ranges must hold at least one range, was []",
                message(() -> new RevisionRangesRequest("c", "1", List.of(), null)));
        assertEquals("RevisionDocumentsRequest.revisions must hold at least one revision, was null",
                message(() -> new RevisionDocumentsRequest("c", "1", null)));
    }
}

package io.github.camelarango.replication.client;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answer of {@code GET /_api/replication/logger-tick-ranges} (removed in 3.12.10; use walRange).
 *
 * @param files one entry per WAL file
 * @param raw   the complete answer (a JSON array)
 */
public record LoggerTickRanges(List<WalFileTickRange> files, JsonNode raw) {

    /** Copies the list. */
    public LoggerTickRanges {
        files = files == null ? List.of() : List.copyOf(files);
    }
}

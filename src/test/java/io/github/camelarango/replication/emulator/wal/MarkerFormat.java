package io.github.camelarango.replication.emulator.wal;

import io.github.camelarango.replication.emulator.http.ByteSink;

/** Renders one WAL entry as a JSON line body (without the newline). */
@FunctionalInterface
public interface MarkerFormat {
    void write(WalEntry entry, ByteSink out);
}

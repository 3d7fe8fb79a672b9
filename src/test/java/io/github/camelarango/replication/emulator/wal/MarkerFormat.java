package io.github.camelarango.replication.emulator.wal;

import java.io.ByteArrayOutputStream;

/** Renders one WAL entry as a JSON line body (without the newline). */
@FunctionalInterface
public interface MarkerFormat {
    void write(WalEntry entry, ByteArrayOutputStream out);
}

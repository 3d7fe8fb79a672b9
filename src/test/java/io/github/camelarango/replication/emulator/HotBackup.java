package io.github.camelarango.replication.emulator;

import io.github.camelarango.replication.emulator.model.ServerImage;

/**
 * A hot backup of an emulator, from {@link ArangoEmulator#hotBackup()}: the whole server as it was at one tick
 * (databases, collections, documents, the write-ahead log, the tick counter and the server id), for
 * {@link ArangoEmulator#restoreHotBackup(HotBackup)}. It can be restored any number of times. Part of the emulator
 * test kit's public API.
 */
public final class HotBackup {

    private final ServerImage image;

    HotBackup(ServerImage image) {
        this.image = image;
    }

    /** @return the tick of the last WAL marker in the backup: after a restore, new writes take the ticks after it */
    public long lastTick() {
        return image.lastTick();
    }

    /** @return the server id of the backed-up server (kept by a restore) */
    public String serverId() {
        return Long.toUnsignedString(image.serverId());
    }

    ServerImage image() {
        return image;
    }

    @Override
    public String toString() {
        return "HotBackup[serverId=" + serverId() + ", lastTick=" + Long.toUnsignedString(lastTick()) + "]";
    }
}

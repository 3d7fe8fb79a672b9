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

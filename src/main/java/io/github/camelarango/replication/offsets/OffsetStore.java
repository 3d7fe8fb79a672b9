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
package io.github.camelarango.replication.offsets;


import io.github.camelarango.replication.cdc.ChangeStreamException;
import io.github.camelarango.replication.cdc.PositionStore;
import io.github.camelarango.replication.cdc.cluster.ClusterPositionStore;
import org.apache.camel.spi.StateRepository;

/**
 * The store of a changes consumer's position, started: the offset repository it was given, or the default file
 * store of its offset file ({@link DefaultOffsetRepositories}). It holds the positions and the claims of the keys:
 * one running stream per key, in this JVM for every store, and beyond it when the repository implements
 * {@link OffsetOwnership}.
 */
public final class OffsetStore implements OffsetOwnership {

    private final StateRepository<String, String> repository;

    OffsetStore(StateRepository<String, String> repository) {
        this.repository = repository;
    }

    /**
     * The positions of a single server's streams, kept as their JSON text in the repository; a cluster stream's
     * position under the key (the server was a Coordinator when it was written) is refused naming the key.
     */
    public PositionStore positions() {
        return PositionStore.ofStrings(this::singleServerPosition, repository::setState);
    }

    private String singleServerPosition(String key) {
        String text = repository.getState(key);
        if (text != null && ClusterPositionStore.isClusterPosition(text)) {
            throw new ChangeStreamException("The position stored under key '" + key + "' is a cluster's position (a "
                    + "stream of a cluster's Coordinator wrote it); a single server's stream cannot continue from it. "
                    + "Use another offsetKey, or delete that position to start with a new snapshot.");
        }
        return text;
    }

    /** The positions of cluster streams (one JSON text naming every DB-Server's position), in the repository. */
    public ClusterPositionStore clusterPositions() {
        return ClusterPositionStore.ofStrings(repository::getState, repository::setState);
    }

    /**
     * Clears the position under {@code key}: it reads as none from then on ({@code StateRepository} cannot remove a
     * key; an empty value is no position).
     */
    public void clear(String key) {
        repository.setState(key, "");
    }

    /** Refused when a stream of this JVM, or (when the repository can tell) of another process, holds the key. */
    @Override
    public Claim claim(String offsetKey, String owner) {
        Claim inThisJvm = RunningStreams.claim(identity(), offsetKey, owner);
        if (!(repository instanceof OffsetOwnership shared)) {
            return inThisJvm;
        }
        Claim inTheStore;
        try {
            inTheStore = shared.claim(offsetKey, owner);
        } catch (RuntimeException e) {
            inThisJvm.close();
            throw e;
        }
        return () -> {
            try {
                inTheStore.close();
            } finally {
                inThisJvm.close(); // a store that failed to release keeps its claim one lease at most, this JVM none
            }
        };
    }

    /**
     * What makes two stores one: the file of a default store (two CamelContexts have a repository each for one
     * file), otherwise the repository object itself.
     */
    private Object identity() {
        return repository instanceof AtomicFileStateRepository file ? file.file() : new Same(repository);
    }

    /** A repository compared by identity, whatever its equals says. */
    private record Same(Object repository) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Same same && same.repository == repository;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(repository);
        }
    }
}

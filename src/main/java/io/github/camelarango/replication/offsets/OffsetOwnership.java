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

/**
 * A store that knows which stream runs on an offset key, so that two streams never commit over each other's
 * position under one key. A changes consumer claims its key before it starts and releases the claim when it stops;
 * a second claim while the first is held is refused, naming the key and the holder. In this JVM the component
 * refuses it for every store ({@link OffsetStore}); a store that implements this interface also refuses claims of
 * other processes: the default file store by a lock file per key ({@link AtomicFileStateRepository}), a store shared
 * over the network may fence a stale owner.
 */
public interface OffsetOwnership {

    /**
     * Claims {@code offsetKey} for a stream until the returned claim is released.
     *
     * @param  offsetKey                the key of the stream's position
     * @param  owner                    who claims it, as a second claimant's error names it, e.g.
     *                                  {@code route 'orders' of CamelContext 'camel-1'}
     * @return                          the claim; close it when the stream stopped
     * @throws OffsetKeyInUseException naming the key and its holder when another stream holds it:
     *                                  {@code offsetKey '<key>' is already used by <holder>; give one of them its
     *                                  own offsetKey}
     */
    Claim claim(String offsetKey, String owner);

    /** A held claim on an offset key. */
    interface Claim extends AutoCloseable {

        /** Releases the claim; a second call does nothing. */
        @Override
        void close();
    }

    /** The refusal of a claim on a key that {@code holder} holds: an {@link OffsetKeyInUseException}. */
    static IllegalStateException alreadyUsed(String offsetKey, String holder) {
        return new OffsetKeyInUseException(offsetKey, holder);
    }
}

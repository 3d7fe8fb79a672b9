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
 * The refusal of a commit by a deposed owner of an offset key: another stream claimed the key since (its claim took
 * a newer epoch), so this one must stop delivering; its commit would move the other's position, maybe backwards.
 * Thrown by the {@code setState} of a store that fences ({@link JdbcStateRepository}).
 */
public final class OffsetFencedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String offsetKey;

    /**
     * @param epoch  the epoch of the deposed claim
     * @param holder who holds the key now, as a claim refusal names it
     */
    public OffsetFencedException(String offsetKey, long epoch, String holder) {
        super("offsetKey '" + offsetKey + "' was claimed by " + holder + " since this stream claimed it (epoch "
              + epoch + "); the commit of this deposed stream is refused so that two streams never write one "
              + "position, and it stops delivering. Restart it to run it again once the other one stopped");
        this.offsetKey = offsetKey;
    }

    /** The key whose claim was lost. */
    public String offsetKey() {
        return offsetKey;
    }
}

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
 * The refusal of a claim on an offset key that another stream holds ({@link OffsetOwnership#claim}): it names the key
 * and the holder, so that a consumer that waits for the key (offsetKeyWaitTimeout) can tell who it waits for.
 */
public final class OffsetKeyInUseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String offsetKey;
    private final String holder;

    /** @param holder who holds the key, e.g. {@code route 'orders' of CamelContext 'camel-1'} */
    public OffsetKeyInUseException(String offsetKey, String holder) {
        super("offsetKey '" + offsetKey + "' is already used by " + holder + "; give one of them its own offsetKey");
        this.offsetKey = offsetKey;
        this.holder = holder;
    }

    /** The key that was refused. */
    public String offsetKey() {
        return offsetKey;
    }

    /** Who holds the key, as the store names it. */
    public String holder() {
        return holder;
    }
}

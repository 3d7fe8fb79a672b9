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
package io.github.camelarango.replication.client;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * A line of a dump or wal/tail body that could not be read, as its parser saw it; {@link ReplicationStream} turns it
 * into a {@link MalformedLineException} that also names the line number and the request.
 */
final class BadLine extends Exception {

    private static final long serialVersionUID = 1L;

    private final Long tick;

    /**
     * @param detail what is wrong
     * @param tick   the tick read from the line before the failure, null when none
     */
    BadLine(String detail, Long tick, Throwable cause) {
        super(detail, cause, false, false);
        this.tick = tick;
    }

    /** A line Jackson could not parse. */
    static BadLine notJson(JsonProcessingException e, Long tick) {
        return new BadLine(e.getOriginalMessage(), tick, e);
    }

    Long tick() {
        return tick;
    }
}

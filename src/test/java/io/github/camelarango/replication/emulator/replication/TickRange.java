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
package io.github.camelarango.replication.emulator.replication;

import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.HttpRequest;

/**
 * The {@code from}/{@code to} ticks of a WAL request ({@code wal/tail}, {@code wal/open-transactions},
 * {@code logger-follow}; §3.5, §4.4, §4.5): {@code from} defaults to 0, and a given {@code to} must be non-zero and
 * not below {@code from} (compared unsigned), else 400 "invalid from/to values".
 */
record TickRange(long from, long to) {

    /** Reads and checks the two ticks; {@code defaultTo} stands for an absent {@code to}. */
    static TickRange of(HttpRequest request, long defaultTo) {
        long from = request.tickParam("from", 0);
        long to = request.tickParam("to", defaultTo);
        if (request.hasParam("to") && (Long.compareUnsigned(from, to) > 0 || to == 0)) {
            throw ArangoException.badParameter("invalid from/to values");
        }
        return new TickRange(from, to);
    }
}

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
package io.github.camelarango.replication.cdc;

/**
 * The stream met a line of a dump or {@code wal/tail} answer it cannot read and {@link BadLinePolicy#FAIL} stopped
 * it; the message names where the line is and the ways out.
 */
public class BadLineException extends ChangeStreamException {

    BadLineException(String streamKey, String where, String reason) {
        super("Change stream '" + streamKey + "' cannot read " + where + ": " + reason + ". It stops rather than pass "
                + "it silently (badLinePolicy FAIL), after the changes before it; the position stays before it. "
                + "Ways out: repair what corrupts the server's answers (a proxy, the network) and restart the "
                + "consumer, which reads the line again; or, to go on without the change it holds, set "
                + "badLinePolicy=SKIP (it is delivered as a SKIPPED event with the reason and the line's start) and "
                + "restart.");
    }
}

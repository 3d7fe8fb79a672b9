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

import io.github.camelarango.replication.client.Ticks;

/** The stream met a write-ahead log marker it does not know and {@link UnknownMarkerPolicy#FAIL} stopped it. */
public class UnknownMarkerException extends ChangeStreamException {

    UnknownMarkerException(String streamKey, long tick, String type, String database, String marker) {
        super("Change stream '" + streamKey + "' met a write-ahead log marker it does not know at tick "
                + Ticks.format(tick) + " of database '" + database + "': " + type + " (" + marker + "). It stops "
                + "rather than pass it silently (unknownMarkerPolicy FAIL); the position stays right before it. To "
                + "continue past it, set unknownMarkerPolicy=SKIP (skip such markers, with a WARN line and the "
                + "unknownMarkers count) or unknownMarkerPolicy=DELIVER (deliver them as UNKNOWN events carrying the "
                + "marker), and restart.");
    }
}

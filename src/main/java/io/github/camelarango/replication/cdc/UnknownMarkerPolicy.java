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
 * What a {@link ChangeStream} does with a write-ahead log marker it does not know: one without a {@code type}, with a
 * type that is not a number, with a code it does not know, or with a known code that is no change of its own (the
 * legacy edge marker 2301, MMFiles' replication start and stop 1000/1001). Markers of a collection the stream does
 * not capture are not its concern and pass without a word. Every other one is counted in
 * {@link ChangeStreamMetrics#unknownMarkers()}.
 */
public enum UnknownMarkerPolicy {
    /**
     * Stop after delivering the changes before the marker, with an {@link UnknownMarkerException} naming its tick,
     * type and database (the default); the position stays right before it.
     */
    FAIL,
    /** Deliver a {@link ChangeType#UNKNOWN} event whose data is the whole marker, whatever the operation types say. */
    DELIVER,
    /** Go on past the marker, with one WARN line per type and stream run. */
    SKIP
}

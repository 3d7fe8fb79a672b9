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
package io.github.camelarango.replication.bench;

import java.util.function.LongConsumer;

/** A consumer under latency test: started on a collection, it reports the {@code sentNanos} of every document event. */
interface LatencyProbe extends AutoCloseable {

    String name();

    /** Starts consuming changes of {@code collection} made from now on; {@code received} gets each event's stamp. */
    void start(String url, String collection, LongConsumer received) throws Exception;

    @Override
    void close() throws Exception;
}

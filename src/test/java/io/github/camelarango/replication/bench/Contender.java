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

/** One side of a comparison: reads a whole data set once and says how many items it delivered. */
interface Contender {

    String name();

    /** Runs once, from start to end; returns the number of items (documents, markers, events) delivered. */
    long run() throws Exception;

    /**
     * The time of the last run from its first item to its last, for contenders whose run does more than deliver
     * (a route starts and stops its CamelContext); 0 when the whole run is the delivery.
     */
    default long deliveryNanos() {
        return 0;
    }

    /**
     * The CPU time the thread that delivers the items spent from the first item to the last of the last run (a
     * route's consumer thread: the exchanges and the route, not the calls ahead on the fetcher threads); 0 when not
     * measured. Unlike wall time it barely moves when other processes share the cores.
     */
    default long deliveryCpuNanos() {
        return 0;
    }
}

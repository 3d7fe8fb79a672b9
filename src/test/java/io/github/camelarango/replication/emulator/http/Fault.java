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
package io.github.camelarango.replication.emulator.http;

import java.time.Duration;

/** One injected fault, applied by {@link HttpServer} to a matching request. */
public record Fault(Kind kind, int status, int errorNum, Duration delay, long cutAfterBytes) {

    /** What the fault does. */
    public enum Kind {
        /** answer with an error instead of calling the handler */
        FAIL,
        /** wait before handling the request */
        DELAY,
        /** send the headers and the first bytes of the body, then reset the connection */
        CUT
    }

    /** The faults of requests (before they are handled) and of responses (after). */
    public interface Source {
        /** Looks up (and consumes) the error or delay for a request, or returns null. */
        Fault take(String method, String path);

        /**
         * Looks up (and consumes) a cut for an answer whose body has {@code bodyLength} bytes: only a rule that cuts
         * before the body's end applies (an empty answer cannot be cut and uses nothing up); null if none.
         */
        Fault takeCut(String method, String path, long bodyLength);

        /**
         * Applies (and consumes) the first response rule for the request that finds something to change in the
         * response (a header to drop, a body line to edit).
         *
         * @return the response to send: the given one, or a changed one
         */
        HttpResponse rewrite(String method, String path, HttpResponse response);
    }
}

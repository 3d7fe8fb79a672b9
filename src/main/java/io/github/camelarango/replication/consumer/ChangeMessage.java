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
package io.github.camelarango.replication.consumer;

import java.util.Map;
import java.util.function.Consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.support.DefaultMessage;

/**
 * The message of one change, whose headers are written when the route first reads, sets or removes one (Camel's
 * populated headers, as camel-jms' message has them): a route that reads only the body does not pay for a dozen
 * entries in Camel's case-insensitive header map and a position rendered as JSON per change, which a profile of the
 * changes consumer put at a quarter of its thread (half of it with batching). Every header is there when read.
 */
final class ChangeMessage extends DefaultMessage {

    /** Writes the change's headers; null once the message was reset (a reused message is no longer the change's). */
    private Consumer<Map<String, Object>> headers;

    ChangeMessage(CamelContext context, Consumer<Map<String, Object>> headers) {
        super(context);
        this.headers = headers;
    }

    @Override
    protected boolean isPopulateHeadersSupported() {
        return headers != null;
    }

    @Override
    protected void populateInitialHeaders(Map<String, Object> map) {
        if (headers != null) {
            headers.accept(map);
        }
    }

    @Override
    public void reset() {
        headers = null;
        super.reset();
    }
}

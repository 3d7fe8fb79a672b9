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

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** What a bare loop does with a newline-delimited JSON body; returns the number of lines (values) it saw. */
enum BodySink {

    /** The ceiling: reads the bytes and throws them away, counting newlines. */
    DISCARD {
        @Override
        long consume(InputStream in, byte[] buffer) throws IOException {
            long lines = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
            return lines;
        }
    },

    /** The bare loop: Jackson's streaming parser walks every token of every value, and nothing else happens. */
    TOKENS {
        @Override
        long consume(InputStream in, byte[] buffer) throws IOException {
            long values = 0;
            try (JsonParser p = JSON.createParser(in)) {
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if ((t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) && p.getParsingContext().inRoot()) {
                        values++;
                    }
                }
            }
            return values;
        }
    },

    /** Diagnostic: the bare loop plus a Jackson tree per value, as the component's client builds one. */
    TREES {
        @Override
        long consume(InputStream in, byte[] buffer) throws IOException {
            long values = 0;
            try (JsonParser p = BenchHttp.MAPPER.getFactory().createParser(in)) {
                while (p.nextToken() != null) {
                    if (BenchHttp.MAPPER.readTree(p) != null) {
                        values++;
                    }
                }
            }
            return values;
        }
    };

    private static final JsonFactory JSON = new JsonFactory();

    abstract long consume(InputStream in, byte[] buffer) throws IOException;
}

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

import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The two document shapes of the benchmark: {@link #SMALL} renders to about 200 bytes on a dump line (with the
 * server's {@code _key}, {@code _id}, {@code _rev}), {@link #LARGE} to about 2 KB, mixing short fields, a nested
 * object, an array of small objects and a text, as customer/order documents do. Content is a function of the index.
 */
enum DocumentShape {
    SMALL("200B"),
    LARGE("2KB");

    private static final String[] CITIES = {"Berlin", "Lisbon", "Osaka", "Austin", "Nairobi", "Lyon", "Quito"};
    private static final String WORDS = "replication snapshot write ahead log tick batch chunk collection document "
            + "revision transaction marker consumer exchange route ";

    private static final String NOTES = WORDS.repeat(12);

    private final String label;

    DocumentShape(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Writes document {@code i} with key {@code key}, and {@code stamp} in field {@code sentNanos} when non-zero. */
    void write(JsonGenerator g, String key, int i, long stamp) throws IOException {
        g.writeStartObject();
        g.writeStringField("_key", key);
        if (stamp != 0) {
            g.writeNumberField("sentNanos", stamp);
        }
        g.writeStringField("name", "Customer " + i);
        g.writeStringField("email", "customer" + i + "@example.com");
        g.writeNumberField("age", 18 + i % 70);
        g.writeBooleanField("active", i % 3 != 0);
        g.writeNumberField("score", (i % 1000) / 8.0);
        g.writeStringField("city", CITIES[i % CITIES.length]);
        g.writeStringField("segment", i % 5 == 0 ? "enterprise" : "consumer");
        if (this == LARGE) {
            writeLargePart(g, i);
        }
        g.writeEndObject();
    }

    private static void writeLargePart(JsonGenerator g, int i) throws IOException {
        g.writeObjectFieldStart("address");
        g.writeStringField("street", (i % 200) + " Long Street");
        g.writeStringField("zip", Integer.toString(10000 + i % 89999));
        g.writeStringField("country", "DE");
        g.writeEndObject();
        g.writeArrayFieldStart("orders");
        for (int o = 0; o < 8; o++) {
            g.writeStartObject();
            g.writeNumberField("id", (long) i * 10 + o);
            g.writeStringField("sku", "SKU-" + ((i + o) % 5000));
            g.writeNumberField("qty", 1 + (i + o) % 9);
            g.writeNumberField("price", ((i * 7 + o) % 10000) / 100.0);
            g.writeStringField("status", o % 2 == 0 ? "shipped" : "open");
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("tags");
        for (int t = 0; t < 6; t++) {
            g.writeString("tag" + ((i + t) % 40));
        }
        g.writeEndArray();
        int offset = i % 64;
        g.writeStringField("notes", NOTES.substring(offset, offset + 1100));
    }
}

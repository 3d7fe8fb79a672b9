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
package io.github.camelarango.replication.demo;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the demo runs against, from system properties: {@code arango.url} (blank: start the in-JVM emulator),
 * {@code arango.user}, {@code arango.password}, {@code arango.database}, plus {@code demo.collection},
 * {@code demo.documents}, {@code demo.changes}, {@code demo.output} and {@code demo.timeout} (seconds).
 *
 * @param url        the server's base URL, or null to start the emulator
 * @param user       the user
 * @param password   the password (never printed)
 * @param database   the database holding the demo collection
 * @param collection the demo collection; the demo drops and recreates it
 * @param documents  how many documents the sample data has (the snapshot)
 * @param changes    how many live changes the writer makes while the route runs
 * @param output     the folder the JSON lines files are written to
 * @param timeout    how long the demo waits for every change to arrive
 */
record DemoSettings(String url, String user, String password, String database, String collection, int documents,
                    int changes, Path output, Duration timeout) {

    static DemoSettings fromSystemProperties() {
        String url = System.getProperty("arango.url", "").trim();
        return new DemoSettings(url.isEmpty() ? null : url,
                System.getProperty("arango.user", "root"),
                System.getProperty("arango.password", ""),
                System.getProperty("arango.database", "_system"),
                System.getProperty("demo.collection", "demo_orders"),
                positive("demo.documents", 500),
                positive("demo.changes", 60),
                Path.of(System.getProperty("demo.output", "target/demo-output")),
                Duration.ofSeconds(positive("demo.timeout", 60)));
    }

    private static int positive(String property, int defaultValue) {
        String text = System.getProperty(property);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("system property " + property + " is '" + text
                + "'; it must be a positive whole number");
    }

    /** Whether the demo starts its own emulator. */
    boolean embedded() {
        return url == null;
    }

    /** The settings pointed at a running emulator's URL (the emulator has authentication off). */
    DemoSettings withUrl(String emulatorUrl) {
        return new DemoSettings(emulatorUrl, user, password, database, collection, documents, changes, output, timeout);
    }

    String host() {
        return URI.create(url).getHost();
    }

    int port() {
        int port = URI.create(url).getPort();
        return port > 0 ? port : (useSsl() ? 443 : 80);
    }

    boolean useSsl() {
        return url.startsWith("https:");
    }

    @Override
    public String toString() {
        return "DemoSettings[url=" + url + ", user=" + user + ", database=" + database + ", collection=" + collection
                + ", documents=" + documents + ", changes=" + changes + ", output=" + output + "]";
    }
}

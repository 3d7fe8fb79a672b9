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

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One parsed HTTP request. The {@code /_db/<name>} prefix is split off: {@link #database()} is the URL-decoded
 * database name ({@code _system} without prefix) and {@link #path()} the rest of the path (still URL-encoded),
 * {@link #segments()} its URL-decoded segments.
 */
public final class HttpRequest {

    private final String method;
    private final String target;
    private final String database;
    private final String path;
    private final List<String> segments;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final byte[] body;

    public HttpRequest(String method, String target, Map<String, String> headers, byte[] body) {
        this.method = method.toUpperCase(Locale.ROOT);
        this.target = target;
        this.headers = headers;
        this.body = body;
        int q = target.indexOf('?');
        String rawPath = q < 0 ? target : target.substring(0, q);
        this.query = q < 0 ? Map.of() : parseQuery(target.substring(q + 1));
        if (rawPath.startsWith("/_db/")) {
            int end = rawPath.indexOf('/', 5);
            this.database = decode(end < 0 ? rawPath.substring(5) : rawPath.substring(5, end));
            this.path = end < 0 ? "/" : rawPath.substring(end);
        } else {
            this.database = "_system";
            this.path = rawPath;
        }
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(decode(part));
            }
        }
        this.segments = Collections.unmodifiableList(parts);
    }

    private static Map<String, String> parseQuery(String text) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeQuery(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decodeQuery(pair.substring(eq + 1));
            result.putIfAbsent(name, value);
        }
        return result;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String decodeQuery(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    public String method() {
        return method;
    }

    /** The request target as sent (path and query). */
    public String target() {
        return target;
    }

    public String database() {
        return database;
    }

    /** The path without the {@code /_db/<name>} prefix and without the query string. */
    public String path() {
        return path;
    }

    public List<String> segments() {
        return segments;
    }

    public String segment(int index) {
        return index < segments.size() ? segments.get(index) : null;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public byte[] body() {
        return body;
    }

    public boolean hasBody() {
        return body != null && body.length > 0;
    }

    public String param(String name) {
        return query.get(name);
    }

    public boolean hasParam(String name) {
        return query.containsKey(name);
    }

    /** Boolean query parameter parsed by the rules of docs/protocol.md §1.7. */
    public boolean boolParam(String name, boolean defaultValue) {
        String value = query.get(name);
        if (value == null) {
            return defaultValue;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("yes") || v.equals("on") || v.equals("y") || v.equals("1") || v.equals("✓");
    }

    /** Unsigned 64-bit query parameter (§1.7): absent gives the default, invalid text gives 0. */
    public long tickParam(String name, long defaultValue) {
        String value = query.get(name);
        if (value == null) {
            return defaultValue;
        }
        return parseUnsigned(value);
    }

    public static long parseUnsigned(String value) {
        try {
            return Long.parseUnsignedLong(value.trim());
        } catch (NumberFormatException e) {
            return 0L;
        }
    }

    @Override
    public String toString() {
        return method + " " + target;
    }
}

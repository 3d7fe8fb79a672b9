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

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** A response under construction: status, headers (repeatable names allowed) and a {@link Body}. */
public final class HttpResponse {

    public static final String JSON = "application/json";
    public static final String DUMP = "application/x-arango-dump";

    private final int status;
    private final List<String[]> headers = new ArrayList<>();
    private Body body = Body.EMPTY;
    private long cutAfterBytes = -1;

    public HttpResponse(int status) {
        this.status = status;
    }

    public static HttpResponse json(int status, JsonNode body) {
        HttpResponse response = new HttpResponse(status);
        response.header("content-type", JSON);
        response.body = Body.of(Json.bytes(body));
        return response;
    }

    public static HttpResponse empty(int status) {
        return new HttpResponse(status);
    }

    public HttpResponse header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    /** Sets (replaces) the content type. */
    public HttpResponse contentType(String type) {
        headers.removeIf(h -> h[0].equalsIgnoreCase("content-type"));
        return header("content-type", type);
    }

    /** Removes every header of that name (any case). */
    public HttpResponse withoutHeader(String name) {
        headers.removeIf(h -> h[0].equalsIgnoreCase(name));
        return this;
    }

    public HttpResponse body(Body newBody) {
        this.body = newBody;
        return this;
    }

    /** Fault injection: send only this many body bytes, then reset the connection (-1: send it all). */
    public HttpResponse cutAfterBytes(long bytes) {
        this.cutAfterBytes = bytes;
        return this;
    }

    public long cutAfterBytes() {
        return cutAfterBytes;
    }

    public int status() {
        return status;
    }

    public List<String[]> headers() {
        return headers;
    }

    public String header(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    public Body body() {
        return body;
    }
}

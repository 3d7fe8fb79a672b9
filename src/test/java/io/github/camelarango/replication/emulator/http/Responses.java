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
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Success bodies of the admin-style APIs: {@code {"error":false,"code":<status>,…}} (§1.4). */
public final class Responses {

    private Responses() {
    }

    public static HttpResponse withResult(int status, JsonNode result) {
        ObjectNode body = Json.object();
        body.put("error", false);
        body.put("code", status);
        body.set("result", result);
        return HttpResponse.json(status, body);
    }

    /** The given fields preceded by {@code error:false, code}. */
    public static HttpResponse ok(int status, ObjectNode fields) {
        ObjectNode body = Json.object();
        body.put("error", false);
        body.put("code", status);
        body.setAll(fields);
        return HttpResponse.json(status, body);
    }

    /** Parses a request body that must be a JSON object (400/600 if unparsable, 400/400 if not an object). */
    public static ObjectNode objectBody(HttpRequest request) {
        JsonNode node = Json.parseBody(request.body());
        if (!node.isObject()) {
            throw ArangoException.badParameter("expecting a JSON object as body");
        }
        return (ObjectNode) node;
    }
}

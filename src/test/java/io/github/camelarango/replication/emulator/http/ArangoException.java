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

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An ArangoDB error answer: HTTP status, errorNum and errorMessage, rendered as the standard error body of
 * docs/protocol.md §1.4. Optional extra fields (e.g. {@code _id,_key,_rev} of a 412) and headers travel with it.
 */
public final class ArangoException extends RuntimeException {

    private final int status;
    private final int errorNum;
    private final ObjectNode extraFields;
    private final String[] extraHeaders;

    public ArangoException(int status, int errorNum, String message) {
        this(status, errorNum, message, null);
    }

    public ArangoException(int status, int errorNum, String message, ObjectNode extraFields, String... extraHeaders) {
        super(message, null, false, false);
        this.status = status;
        this.errorNum = errorNum;
        this.extraFields = extraFields;
        this.extraHeaders = extraHeaders;
    }

    public int status() {
        return status;
    }

    public int errorNum() {
        return errorNum;
    }

    /** The standard error response for this error. */
    public HttpResponse toResponse() {
        ObjectNode body = Json.object();
        body.put("code", status);
        body.put("error", true);
        body.put("errorMessage", getMessage());
        body.put("errorNum", errorNum);
        if (extraFields != null) {
            body.setAll(extraFields);
        }
        HttpResponse response = HttpResponse.json(status, body);
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            response.header(extraHeaders[i], extraHeaders[i + 1]);
        }
        return response;
    }

    // ---- the errors used in several places ----

    public static ArangoException badParameter(String message) {
        return new ArangoException(400, 400, message);
    }

    public static ArangoException corruptedJson(String message) {
        return new ArangoException(400, 600, message);
    }

    public static ArangoException forbidden(String message) {
        return new ArangoException(403, 11, message);
    }

    public static ArangoException databaseNotFound() {
        return new ArangoException(404, 1228, "database not found");
    }

    public static ArangoException collectionNotFound(String name) {
        return new ArangoException(404, 1203, "collection or view not found: " + name);
    }

    public static ArangoException documentNotFound() {
        return new ArangoException(404, 1202, "document not found");
    }

    public static ArangoException methodNotAllowed() {
        return new ArangoException(405, 405, "method not supported");
    }

    public static ArangoException unknownPath(String path) {
        return new ArangoException(404, 404, "unknown path '" + path + "'");
    }
}

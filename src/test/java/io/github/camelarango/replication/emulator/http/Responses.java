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

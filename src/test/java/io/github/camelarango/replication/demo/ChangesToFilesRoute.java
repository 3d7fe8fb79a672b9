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

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.ArangoReplicationConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The demo's route: the {@code changes} consumer (snapshot first, then the write-ahead log) writes every change as one
 * JSON line to {@code <output>/<collection>.jsonl}. Its position is committed to the state repository bound as
 * {@code demoOffsets}, under the key {@code demo}, once the line is written.
 */
final class ChangesToFilesRoute extends RouteBuilder {

    static final String ROUTE_ID = "demo-changes-to-files";
    static final String OFFSETS = "demoOffsets";
    static final String OFFSET_KEY = "demo";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DemoSettings settings;
    private final ChangeTally tally;

    ChangesToFilesRoute(DemoSettings settings, ChangeTally tally) {
        this.settings = settings;
        this.tally = tally;
    }

    @Override
    public void configure() {
        Path output = settings.output().toAbsolutePath();
        // connection options (host, port, database, user, password) are set on the component by the demo
        fromF("arango-replication:changes?collections=%s&snapshotMode=initial&offsetRepository=#%s&offsetKey=%s",
                settings.collection(), OFFSETS, OFFSET_KEY)
                .routeId(ROUTE_ID)
                .process(ChangesToFilesRoute::toJsonLine)
                .toF("file:%s?fileName=${header.%s}.jsonl&fileExist=Append&appendChars=\\n", output,
                        ArangoReplicationConstants.COLLECTION)
                .process(tally::record);
    }

    /** {"tick":"…","type":"UPSERT","key":"…","document":{…}} */
    static void toJsonLine(Exchange exchange) throws Exception {
        ObjectNode line = JSON.createObjectNode();
        line.put("tick", exchange.getMessage().getHeader(ArangoReplicationConstants.TICK, String.class));
        line.put("type", String.valueOf(exchange.getMessage().getHeader(ArangoReplicationConstants.CHANGE_TYPE)));
        line.put("key", exchange.getMessage().getHeader(ArangoReplicationConstants.KEY, String.class));
        line.set("document", asJson(exchange.getMessage().getBody()));
        exchange.getMessage().setBody(JSON.writeValueAsString(line));
    }

    private static JsonNode asJson(Object body) throws Exception {
        if (body == null) {
            return JSON.nullNode();
        }
        if (body instanceof JsonNode node) {
            return node;
        }
        if (body instanceof String text) {
            return JSON.readTree(text);
        }
        if (body instanceof byte[] bytes) {
            return JSON.readTree(bytes);
        }
        return JSON.valueToTree(body);
    }
}

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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;

/**
 * Developer console of the {@code changes} consumers of a CamelContext (found by camel-console when it is on the
 * class path): per route the {@link ConsumerStatus#figures() figures} of the consumer's status — position key,
 * phase, committed and server tick, lag, events by type, snapshot progress, transactions, lost positions and the
 * last poll failure.
 */
@DevConsole(name = "arango-replication", displayName = "ArangoDB Replication",
            description = "Change data capture consumers: position, lag, events and snapshot progress")
public class ArangoReplicationDevConsole extends AbstractDevConsole {

    public ArangoReplicationDevConsole() {
        super("camel", "arango-replication", "ArangoDB Replication",
              "Change data capture consumers: position, lag, events and snapshot progress");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> consumer : consumers()) {
            consumer.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
            text.append('\n');
        }
        return text.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("consumers", consumers());
        return json;
    }

    private List<Map<String, Object>> consumers() {
        List<Map<String, Object>> consumers = new ArrayList<>();
        for (Route route : getCamelContext().getRoutes()) {
            if (route.getConsumer() instanceof ConsumerStatus.Source source) {
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("routeId", route.getRouteId());
                figures.putAll(source.consumerStatus().figures());
                consumers.add(figures);
            }
        }
        return consumers;
    }
}

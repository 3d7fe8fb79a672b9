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
package io.github.camelarango.examples.ha;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;

/**
 * Change data capture on the leader only: the {@link ClusteredRoutePolicy} of the namespace {@code {{ha.namespace}}}
 * starts the route on the instance the cluster service elected and stops it when that instance loses the leadership.
 * All instances keep the position under one offset key in one Kafka topic (the bean {@code offsets}, a
 * {@code KafkaStateRepository}), so the next leader continues after the last change the previous one committed. When
 * the previous leader has not released the key yet (a killed one holds it until its lease ran out), the new leader's
 * consumer waits for it, up to {@code offsetKeyWaitTimeout}. Each change is appended to
 * {@code {{output.dir}}/<collection>.jsonl} with the name of the instance that captured it.
 */
public class LeaderOnlyChangesRoute extends RouteBuilder {

    @Override
    public void configure() throws Exception {
        from("arango-replication:changes?collections={{orders.collection}}&snapshotMode=initial"
                + "&offsetRepository=#offsets&offsetKey={{offsets.key}}&offsetKeyWaitTimeout={{offsets.wait-timeout}}")
                .routeId("orders-on-the-leader")
                .routePolicy(ClusteredRoutePolicy.forNamespace(getContext().resolvePropertyPlaceholders("{{ha.namespace}}")))
                .setBody(simple("{\"capturedBy\":\"${camelId}\",\"change\":\"${header.CamelArangoReplicationChangeType}\","
                                + "\"_key\":\"${header.CamelArangoReplicationKey}\",\"_rev\":\"${header.CamelArangoReplicationRev}\"}"))
                .to("file:{{output.dir}}?fileName=${header.CamelArangoReplicationCollection}.jsonl"
                    + "&fileExist=Append&appendChars=\\n");
    }
}

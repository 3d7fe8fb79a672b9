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
package io.github.camelarango.replication;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelarango.replication.cdc.SnapshotMode;
import io.github.camelarango.replication.consumer.ArangoReplicationConsumerConfiguration;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One configuration model: every option of the four configurations is also a component option whose value is the
 * default of every endpoint, an endpoint option wins, and the component options bind the way camel-main binds
 * {@code camel.component.arango-replication.*} from application.properties.
 */
class ComponentDefaultsTest extends CamelTestSupport {

    private ArangoReplicationComponent component() {
        return context.getComponent("arango-replication", ArangoReplicationComponent.class);
    }

    private ArangoReplicationEndpoint endpoint(String uri) {
        return context.getEndpoint(uri, ArangoReplicationEndpoint.class);
    }

    @Test
    void componentOptionsAreTheDefaultsOfEveryEndpointAndTheEndpointWins() {
        ArangoReplicationComponent component = component();
        component.getConfiguration().setHost("db.component");
        component.getProducerConfiguration().setChunkSize(4096L);
        component.getApplierConfiguration().setLeaderEndpoint("tcp://component:8529");
        component.getConsumerConfiguration().setSnapshotMode(SnapshotMode.NEVER);
        component.getConsumerConfiguration().setMaxEventsPerPoll(50);

        ArangoReplicationEndpoint inherits = endpoint("arango-replication:changes");
        assertEquals("db.component", inherits.getConfiguration().getHost());
        assertEquals(4096L, inherits.getProducerConfiguration().getChunkSize());
        assertEquals("tcp://component:8529", inherits.getApplierConfiguration().getLeaderEndpoint());
        assertEquals(SnapshotMode.NEVER, inherits.getConsumerConfiguration().getSnapshotMode());
        assertEquals(50, inherits.getConsumerConfiguration().getMaxEventsPerPoll());

        ArangoReplicationEndpoint overrides = endpoint("arango-replication:changes?host=db.endpoint&chunkSize=1"
                                                       + "&leaderEndpoint=tcp://endpoint:8529&snapshotMode=ALWAYS&offsetKey=own");
        assertEquals("db.endpoint", overrides.getConfiguration().getHost());
        assertEquals(1L, overrides.getProducerConfiguration().getChunkSize());
        assertEquals("tcp://endpoint:8529", overrides.getApplierConfiguration().getLeaderEndpoint());
        assertEquals(SnapshotMode.ALWAYS, overrides.getConsumerConfiguration().getSnapshotMode());
        assertEquals(50, overrides.getConsumerConfiguration().getMaxEventsPerPoll(), "what the endpoint does not set");

        assertEquals("db.component", component.getConfiguration().getHost(), "an endpoint works on copies");
        assertEquals(SnapshotMode.NEVER, component.getConsumerConfiguration().getSnapshotMode());
        assertNull(component.getConsumerConfiguration().getOffsetKey());
    }

    @Test
    void componentOptionsBindLikeApplicationProperties() {
        ArangoReplicationComponent component = component();
        Map<String, Object> properties = new LinkedHashMap<>(); // camel.component.arango-replication.<key>=<value>
        properties.put("snapshot-mode", "never");
        properties.put("position-lost-policy", "SKIP");
        properties.put("collections", "orders,customers");
        properties.put("batch-ttl", "5m");
        properties.put("leader-endpoint", "tcp://leader:8529");
        properties.put("chunk-size", "65536");
        properties.put("port", "8530");
        PropertyBindingSupport.build().withMandatory(true).withRemoveParameters(true).withIgnoreCase(true)
                .withConfigurer(component.getComponentPropertyConfigurer()).bind(context, component, properties);
        assertTrue(properties.isEmpty(), "every property was bound: " + properties);

        ArangoReplicationConsumerConfiguration consumer = endpoint("arango-replication:changes").getConsumerConfiguration();
        assertEquals(SnapshotMode.NEVER, consumer.getSnapshotMode());
        assertEquals("SKIP", consumer.getPositionLostPolicy().name());
        assertEquals("orders,customers", consumer.getCollections());
        assertEquals(300_000L, consumer.getBatchTtl());
        ArangoReplicationEndpoint producer = endpoint("arango-replication:setApplierConfig");
        assertEquals("tcp://leader:8529", producer.getApplierConfiguration().getLeaderEndpoint());
        assertEquals(65536L, producer.getProducerConfiguration().getChunkSize());
        assertEquals(8530, producer.getConfiguration().getPort());
    }

    @Test
    void aBadComponentDefaultFailsTheEndpointsThatReadItNamingTheOption() {
        component().getConsumerConfiguration().setEnvelope("avro");
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class,
                () -> endpoint("arango-replication:changes"));
        assertTrue(e.getMessage().contains("Invalid value for option envelope: 'avro'; allowed is native or debezium"),
                e.getMessage());
        assertEquals("debezium", endpoint("arango-replication:changes?envelope=debezium").getConsumerConfiguration()
                .getEnvelope(), "the endpoint's own value wins");
        assertEquals("avro", endpoint("arango-replication:walTail").getConsumerConfiguration().getEnvelope(),
                "a producer does not read the consumer options");
    }
}

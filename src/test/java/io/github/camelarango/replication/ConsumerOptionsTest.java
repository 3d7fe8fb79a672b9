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

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelarango.replication.cdc.ChangeStreamOptions;
import io.github.camelarango.replication.cdc.CollectionRenamePolicy;
import io.github.camelarango.replication.cdc.UnknownMarkerPolicy;
import io.github.camelarango.replication.consumer.ArangoReplicationConsumerConfiguration;
import io.github.camelarango.replication.consumer.EngineOptions;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.catalog.RuntimeCamelCatalog;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consumer options: in the catalog (labelled consumer, documented, enums listed), validated when the endpoint is
 * created with messages that name the option, the value and what is allowed, and the per-mode delay defaults.
 */
class ConsumerOptionsTest extends CamelTestSupport {

    private static JsonNode catalog() throws IOException {
        try (InputStream in = ConsumerOptionsTest.class
                .getResourceAsStream("/META-INF/io/github/camelarango/replication/arango-replication.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void everyConsumerOptionIsInTheCatalogLabelledConsumer() throws IOException {
        JsonNode properties = catalog().get("properties");
        int options = 0;
        for (Field field : ArangoReplicationConsumerConfiguration.class.getDeclaredFields()) {
            if (field.isAnnotationPresent(UriParam.class)) {
                JsonNode option = properties.get(field.getName());
                assertNotNull(option, "option " + field.getName() + " is not in the catalog");
                assertTrue(option.get("label").asText().startsWith("consumer"), field.getName());
                assertFalse(option.get("description").asText().isBlank(), field.getName());
                options++;
            }
        }
        assertEquals(39, options);
        assertEquals(List.of("INITIAL", "NEVER", "INITIAL_ONLY", "WHEN_NEEDED", "ALWAYS"), texts(properties.get("snapshotMode").get("enum")));
        assertEquals(List.of("FAIL", "RESNAPSHOT", "SKIP"), texts(properties.get("positionLostPolicy").get("enum")));
        assertEquals(List.of("FAIL", "DELIVER", "SKIP"), texts(properties.get("unknownMarkerPolicy").get("enum")));
        assertEquals(List.of("FAIL", "SKIP"), texts(properties.get("badLinePolicy").get("enum")));
        assertEquals("FAIL", properties.get("unknownMarkerPolicy").get("defaultValue").asText());
        assertEquals(List.of("FOLLOW", "FAIL"), texts(properties.get("collectionRenamePolicy").get("enum")));
        assertEquals("FOLLOW", properties.get("collectionRenamePolicy").get("defaultValue").asText());
        assertEquals(List.of("native", "debezium"), texts(properties.get("envelope").get("enum")));
        assertEquals(List.of("String", "bytes", "Map", "JsonNode"), texts(properties.get("bodyType").get("enum")));
        assertEquals("String", properties.get("bodyType").get("defaultValue").asText());
        assertEquals(ArangoReplicationConsumerConfiguration.DEFAULT_OFFSET_FILE,
                properties.get("offsetFile").get("defaultValue").asText());
        assertTrue(properties.get("delay").get("description").asText().contains("10 ms for changes"));
        for (String header : List.of(ArangoReplicationConstants.TICK, ArangoReplicationConstants.CHANGE_TYPE,
                ArangoReplicationConstants.KEY, ArangoReplicationConstants.TOMBSTONE)) {
            assertEquals("consumer", catalog().get("headers").get(header).get("group").asText(), header);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    @Test
    void runtimeCatalogValidatesConsumerUris() throws URISyntaxException {
        RuntimeCamelCatalog catalog = context.getCamelContextExtension().getContextPlugin(RuntimeCamelCatalog.class);
        EndpointValidationResult ok = catalog.validateProperties("arango-replication", catalog.endpointProperties(
                "arango-replication:changes?collections=orders,customers&snapshotMode=WHEN_NEEDED&envelope=debezium"
                + "&tombstoneOnDelete=true&positionLostPolicy=SKIP&unknownMarkerPolicy=DELIVER&collectionRenamePolicy=FAIL"
                + "&batchTtl=5m&delay=200"));
        assertTrue(ok.isSuccess(), ok.summaryErrorMessage(false));
        EndpointValidationResult bad = catalog.validateProperties("arango-replication",
                catalog.endpointProperties("arango-replication:changes?snapshotMode=sometimes&envelope=avro"
                        + "&unknownMarkerPolicy=IGNORE&bodyType=xml"));
        assertEquals("sometimes", bad.getInvalidEnum().get("snapshotMode"));
        assertEquals("IGNORE", bad.getInvalidEnum().get("unknownMarkerPolicy"));
        assertEquals("avro", bad.getInvalidEnum().get("envelope"));
        assertEquals("xml", bad.getInvalidEnum().get("bodyType"));
    }

    @Test
    void snapshotChunksGrowUpToSnapshotMaxChunkSize() {
        ArangoReplicationConsumerConfiguration consumer = new ArangoReplicationConsumerConfiguration();
        assertEquals(2 * 1024 * 1024, EngineOptions.of(consumer, "k", consumer.getSnapshotMode(), false)
                .maxDumpChunkSize(), "default: 2 MiB");
        assertEquals(90L, EngineOptions.of(consumer, "k", consumer.getSnapshotMode(), false)
                .idleMaxWait().toMillis(), "default: an idle consumer asks about 11 times per second");
        assertEquals(50L, EngineOptions.of(consumer, "k", consumer.getSnapshotMode(), false)
                .idleMinWait().toMillis());
        consumer.setSnapshotMaxChunkSize(512 * 1024);
        assertEquals(512 * 1024, EngineOptions.of(consumer, "k", consumer.getSnapshotMode(), false)
                .maxDumpChunkSize());
        consumer.setSnapshotChunkSize(1024 * 1024);
        assertEquals(1024 * 1024, EngineOptions.of(consumer, "k", consumer.getSnapshotMode(), false)
                .maxDumpChunkSize(), "a larger first chunk is the maximum");
    }

    @Test
    void policiesReachTheEngine() {
        ArangoReplicationConsumerConfiguration consumer = new ArangoReplicationConsumerConfiguration();
        assertEquals(UnknownMarkerPolicy.FAIL, EngineOptions.of(consumer, "k", consumer.getSnapshotMode(), false)
                .unknownMarkerPolicy());
        assertEquals(CollectionRenamePolicy.FOLLOW, EngineOptions.of(consumer, "k", consumer.getSnapshotMode(), false)
                .collectionRenamePolicy());
        consumer.setUnknownMarkerPolicy(UnknownMarkerPolicy.DELIVER);
        consumer.setCollectionRenamePolicy(CollectionRenamePolicy.FAIL);
        assertEquals(UnknownMarkerPolicy.DELIVER, EngineOptions.of(consumer, "k", consumer.getSnapshotMode(), false)
                .unknownMarkerPolicy());
        assertEquals(CollectionRenamePolicy.FAIL, EngineOptions.of(consumer, "k", consumer.getSnapshotMode(), false)
                .collectionRenamePolicy());
    }

    @Test
    void dumpKeysNameDatabaseAndCollections() {
        ArangoReplicationConsumerConfiguration consumer = new ArangoReplicationConsumerConfiguration();
        assertEquals("dump:shop:*", EngineOptions.dumpKey(consumer, "shop"));
        consumer.setCollections("orders, customers");
        consumer.setExcludeCollections("audit");
        assertEquals("dump:shop:customers,orders!audit", EngineOptions.dumpKey(consumer, "shop"));
        consumer.setOffsetKey("mine");
        assertEquals("dump:shop:customers,orders!audit", EngineOptions.dumpKey(consumer, "shop"), "not the offsetKey");
    }

    private Throwable creating(String uri) {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).to("mock:never");
            }
        }));
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Test
    void badValuesAreRefusedNamingTheOption() {
        assertEquals("Invalid value for option envelope: 'avro'; allowed is native or debezium",
                creating("arango-replication:changes?envelope=avro").getMessage());
        assertEquals("Invalid value for option bodyType: 'xml'; allowed is String, bytes, Map or JsonNode",
                creating("arango-replication:dump?bodyType=xml").getMessage());
        assertTrue(creating("arango-replication:changes?operationTypes=UPSERT,MERGE").getMessage()
                .startsWith("Invalid value for option operationTypes: 'MERGE'; allowed is comma separated names out of [SNAPSHOT_READ"));
        assertTrue(creating("arango-replication:changes?batchTtl=1s").getMessage().contains("option batchTtl"));
        assertTrue(creating("arango-replication:changes?maxEventsPerPoll=0").getMessage().contains("option maxEventsPerPoll"));
        assertTrue(creating("arango-replication:changes?idleMinWait=5s&idleMaxWait=1s").getMessage().contains("idleMinWait"));
        assertEquals("Invalid value for option registrationInterval: 'PT0S'; allowed is a duration above zero",
                creating("arango-replication:changes?registrationInterval=0").getMessage());
        assertEquals("Invalid value for option snapshotMaxChunkSize: '1000'; allowed is 16384 to 134217728 bytes",
                creating("arango-replication:changes?snapshotMaxChunkSize=1000").getMessage());
        assertEquals("Invalid value for option offsetKeyWaitTimeout: 'PT-1S'; allowed is a duration of 0 or more (0: "
                     + "the start fails at once while another stream holds the offsetKey)",
                creating("arango-replication:changes?offsetKeyWaitTimeout=-1000").getMessage());
        assertEquals("Invalid value for option snapshotParallelism: '0'; allowed is 1 to 16 collections",
                creating("arango-replication:changes?snapshotParallelism=0").getMessage());
        assertEquals("Invalid value for option snapshotParallelism: '3'; allowed is at most maxConnections - 2 = 2 (each "
                     + "collection dumped at once holds one of the maxConnections pooled connections, beside the poll's "
                     + "call and the batch's keep-alive); raise maxConnections or lower snapshotParallelism",
                creating("arango-replication:changes?snapshotParallelism=3&maxConnections=4").getMessage());
        assertNotNull(context.getEndpoint("arango-replication:changes?snapshotParallelism=2&maxConnections=4"));
        assertEquals("Invalid value for option parallelShards: '0'; allowed is 1 to 64 shards delivered at once",
                creating("arango-replication:changes?parallelShards=0").getMessage());
        assertEquals("Invalid value for option parallelShards: '65'; allowed is 1 to 64 shards delivered at once",
                creating("arango-replication:changes?parallelShards=65").getMessage());
        assertNotNull(context.getEndpoint("arango-replication:changes?parallelShards=64"));
        Throwable producerOperation = creating("arango-replication:walTail");
        assertTrue(producerOperation.getMessage().contains("cannot be used in from(...)")
                   && producerOperation.getMessage().contains("dump, loggerState, changes"), producerOperation.getMessage());
    }

    @Test
    void clusterOptionsAreCheckedAndTheSecretIsMasked() {
        assertEquals("Invalid value for option dbServerUnreachableTimeout: '0'; allowed is a number > 0",
                creating("arango-replication:changes?dbServerUnreachableTimeout=0").getMessage());
        assertEquals("Invalid value for option jwtSecret: ''; allowed is the JWT secret of the cluster, a non-blank text "
                     + "(or leave it unset)",
                creating("arango-replication:changes?jwtSecret=RAW( )").getMessage());
        ArangoReplicationEndpoint endpoint = (ArangoReplicationEndpoint) context.getEndpoint(
                "arango-replication:changes?jwtSecret=s3cr3t-of-the-cluster&dbServerUnreachableTimeout=30s");
        assertEquals("s3cr3t-of-the-cluster", endpoint.getConsumerConfiguration().getJwtSecret());
        assertEquals(30_000L, endpoint.getConsumerConfiguration().getDbServerUnreachableTimeout());
        assertFalse(endpoint.toString().contains("s3cr3t"), endpoint.toString());
        assertEquals(15_000L, new ArangoReplicationConsumerConfiguration().getDbServerUnreachableTimeout(),
                "ArangoDB's FAILED after 15 s");
    }

    @Test
    void topologyRefreshIntervalIsCheckedAndReachesTheEngine() {
        assertEquals("Invalid value for option topologyRefreshInterval: 'PT0S'; allowed is a duration above zero",
                creating("arango-replication:changes?topologyRefreshInterval=0").getMessage());
        assertEquals("Invalid value for option topologyRefreshInterval: 'PT-1S'; allowed is a duration above zero",
                creating("arango-replication:changes?topologyRefreshInterval=-1000").getMessage());
        ArangoReplicationEndpoint endpoint = (ArangoReplicationEndpoint) context.getEndpoint(
                "arango-replication:changes?topologyRefreshInterval=500");
        ArangoReplicationConsumerConfiguration consumer = endpoint.getConsumerConfiguration();
        assertEquals(Duration.ofMillis(500), EngineOptions.of(consumer, "k", consumer.getSnapshotMode(), false)
                .topologyRefreshInterval());
        ArangoReplicationConsumerConfiguration defaults = new ArangoReplicationConsumerConfiguration();
        assertEquals(Duration.ofSeconds(2), EngineOptions.of(defaults, "k", defaults.getSnapshotMode(),
                false).topologyRefreshInterval(), "the engine's default, 2 s");
        assertEquals(Duration.ofSeconds(2), ChangeStreamOptions.builder().build().topologyRefreshInterval());
    }

    @Test
    void snapshotModeAcceptsLowerCaseAndPerModeDelays() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("arango-replication:changes?snapshotMode=initial_only").routeId("changes")
                        .autoStartup(false).to("mock:a");
                from("arango-replication:dump").routeId("dump").autoStartup(false).to("mock:b");
                from("arango-replication:loggerState").routeId("logger").autoStartup(false).to("mock:c");
                from("arango-replication:changes?delay=2s&offsetKey=mine").routeId("custom").autoStartup(false).to("mock:d");
                from("arango-replication:changes?backoffErrorThreshold=1&backoffMultiplier=5&offsetKey=b").routeId("backoff")
                        .autoStartup(false).to("mock:e");
            }
        });
        ArangoReplicationEndpoint changes = (ArangoReplicationEndpoint) context.getRoute("changes").getEndpoint();
        assertEquals("INITIAL_ONLY", changes.getConsumerConfiguration().getSnapshotMode().name());
        assertEquals(10L, delay("changes"));
        assertEquals(3_600_000L, delay("dump"));
        assertEquals(1000L, delay("logger"));
        assertEquals(2000L, delay("custom"));
        ScheduledPollConsumer failing = (ScheduledPollConsumer) context.getRoute("changes").getConsumer();
        assertEquals(3, failing.getBackoffErrorThreshold(), "failing changes polls back off by default");
        assertEquals(500, failing.getBackoffMultiplier(), "about every 5 s with the 10 ms delay");
        assertEquals(0, ((ScheduledPollConsumer) context.getRoute("logger").getConsumer()).getBackoffMultiplier());
        ScheduledPollConsumer configured = (ScheduledPollConsumer) context.getRoute("backoff").getConsumer();
        assertEquals(1, configured.getBackoffErrorThreshold(), "the route's own backoff options win");
        assertEquals(5, configured.getBackoffMultiplier());
        assertEquals("mine", ((ArangoReplicationChangesConsumer) context.getRoute("custom").getConsumer()).getOffsetKey());
        assertTrue(((ArangoReplicationChangesConsumer) context.getRoute("changes").getConsumer()).getOffsetKey()
                .matches("changes:localhost:8529/_system/\\*\\?[0-9a-f]{8}"));
    }

    @Test
    void theChangesConsumerRefusesConcurrentPolls() throws Exception {
        context.getRegistry().bind("memory", new org.apache.camel.support.processor.state.MemoryStateRepository());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("arango-replication:changes?scheduler.concurrentConsumers=2&offsetRepository=#memory&port=1")
                        .routeId("parallel").autoStartup(false).to("mock:a");
            }
        });
        Exception e = assertThrows(Exception.class, () -> context.getRouteController().startRoute("parallel"));
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof IllegalArgumentException)) {
            cause = cause.getCause();
        }
        assertEquals("Invalid value for option scheduler.concurrentConsumers: '2'; allowed is 1 (the changes consumer "
                     + "delivers changes in order and commits each position after its delivery, so it cannot poll "
                     + "concurrently; remove scheduler.concurrentConsumers)", cause.getMessage());
        assertFalse(context.getRouteController().getRouteStatus("parallel").isStarted());
    }

    private long delay(String routeId) {
        return assertInstanceOf(ScheduledPollConsumer.class, context.getRoute(routeId).getConsumer()).getDelay();
    }
}

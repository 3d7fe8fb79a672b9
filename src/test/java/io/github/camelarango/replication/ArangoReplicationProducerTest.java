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

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelarango.replication.client.ApplierConfig;
import io.github.camelarango.replication.client.ArangoReplicationClient;
import io.github.camelarango.replication.client.ArangoReplicationException;
import io.github.camelarango.replication.client.ArangoVersion;
import io.github.camelarango.replication.client.DumpBatch;
import io.github.camelarango.replication.client.InventoryRequest;
import io.github.camelarango.replication.client.LoggerState;
import io.github.camelarango.replication.client.LoggerTickRanges;
import io.github.camelarango.replication.client.OpenTransactions;
import io.github.camelarango.replication.client.ReplicationHeaders;
import io.github.camelarango.replication.client.ReplicationState;
import io.github.camelarango.replication.client.RevisionDocuments;
import io.github.camelarango.replication.client.RevisionDocumentsRequest;
import io.github.camelarango.replication.client.RevisionRange;
import io.github.camelarango.replication.client.RevisionRanges;
import io.github.camelarango.replication.client.RevisionRangesRequest;
import io.github.camelarango.replication.client.ServerIdentity;
import io.github.camelarango.replication.client.ServerInfo;
import io.github.camelarango.replication.client.ServerRole;
import io.github.camelarango.replication.client.SyncRequest;
import io.github.camelarango.replication.client.WalFileTickRange;
import io.github.camelarango.replication.client.RawJson;
import io.github.camelarango.replication.client.WalMarker;
import io.github.camelarango.replication.client.WalOpenTransactionsRequest;
import io.github.camelarango.replication.producer.ApplierConfigReader;
import io.github.camelarango.replication.producer.ArangoReplicationApplierConfiguration;
import io.github.camelarango.replication.producer.ArangoReplicationProducerConfiguration;
import io.github.camelarango.replication.producer.ArangoReplicationProducerHealthCheck;
import io.github.camelarango.replication.producer.OperationHandlers;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static io.github.camelarango.replication.ArangoReplicationConstants.AUTO_START;
import static io.github.camelarango.replication.ArangoReplicationConstants.BATCH_ID;
import static io.github.camelarango.replication.ArangoReplicationConstants.COLLECTION;
import static io.github.camelarango.replication.ArangoReplicationConstants.FROM;
import static io.github.camelarango.replication.ArangoReplicationConstants.INCLUDE_SYSTEM;
import static io.github.camelarango.replication.ArangoReplicationConstants.OPERATION;
import static io.github.camelarango.replication.ArangoReplicationConstants.RESTRICT_COLLECTIONS;
import static io.github.camelarango.replication.ArangoReplicationConstants.RESTRICT_TYPE;
import static io.github.camelarango.replication.ArangoReplicationConstants.TO;
import static io.github.camelarango.replication.ArangoReplicationConstants.TTL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The producer glue against a mocked client: which request each message produces (header over option, body over
 * option, header over body), that bad values fail before any request, and where results and headers land. The wire
 * behaviour is covered against the emulator in {@link ArangoReplicationProducerEmulatorTest}.
 */
class ArangoReplicationProducerTest extends CamelTestSupport {

    @BindToRegistry("replicationClient")
    private final ArangoReplicationClient client = mock(ArangoReplicationClient.class);

    @BeforeEach
    void resetClient() {
        reset(client);
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    private Exception failure(String uri, Object body, Map<String, Object> headers) {
        Exchange exchange = send(uri, body, headers);
        assertTrue(exchange.isFailed(), "the exchange should have failed");
        return exchange.getException();
    }

    @Test
    void everyProducerOperationHasAHandler() {
        OperationHandlers handlers = new OperationHandlers(new ApplierConfigReader(new ArangoReplicationConfiguration(),
                new ArangoReplicationProducerConfiguration(), new ArangoReplicationApplierConfiguration()));
        for (ArangoReplicationOperation operation : ArangoReplicationOperation.values()) {
            if (operation.isProducerOperation()) {
                assertNotNull(handlers.of(operation.replicationOperation()), operation.name());
            } else {
                assertNull(operation.replicationOperation(), operation.name());
            }
        }
        assertSame(handlers.of(ArangoReplicationOperation.makeSlave.replicationOperation()),
                handlers.of(ArangoReplicationOperation.makeFollower.replicationOperation()), "makeSlave is makeFollower");
    }

    @Test
    void headersOverrideOptions() {
        send("arango-replication:inventory?batchId=1&collection=fromOption&includeSystem=true", null,
                Map.of(COLLECTION, "fromHeader", INCLUDE_SYSTEM, "false"));
        verify(client).inventory(new InventoryRequest("1", false, null, "fromHeader", null, null));
    }

    @Test
    void operationHeaderOverridesTheUriOperation() {
        LoggerTickRanges ranges = new LoggerTickRanges(List.of(new WalFileTickRange("/000126.log", "open", 182202, 189051)), null);
        when(client.loggerTickRanges()).thenReturn(ranges);
        Exchange exchange = send("arango-replication:loggerState", null, Map.of(OPERATION, "loggerTickRanges"));
        assertSame(ranges, exchange.getMessage().getBody());
        verify(client, never()).loggerState();

        Exception unknown = failure("arango-replication:loggerState", null, Map.of(OPERATION, "loggerStat"));
        assertTrue(unknown.getMessage().contains("Unknown arango-replication operation 'loggerStat'. Valid operations are: inventory"),
                unknown.getMessage());
        Exception consumerMode = failure("arango-replication:loggerState", null, Map.of(OPERATION, "changes"));
        assertTrue(consumerMode.getMessage().contains("'changes' is a consumer mode"), consumerMode.getMessage());
    }

    @Test
    void badHeaderValuesFailBeforeAnyRequest() {
        Exception ttl = failure("arango-replication:createDumpBatch", null, Map.of(TTL, -3));
        assertTrue(ttl.getMessage().contains("Invalid value for option ttl (header CamelArangoReplicationTtl): '-3'"),
                ttl.getMessage());
        Exception range = failure("arango-replication:walOpenTransactions?from=5", null, Map.of(TO, "4"));
        assertEquals("Invalid value for option to (header CamelArangoReplicationTo): '4'; allowed is a tick greater than or "
                     + "equal to from (5)", range.getMessage());
        Exception tick = failure("arango-replication:walOpenTransactions", null, Map.of(FROM, "-1"));
        assertTrue(tick.getMessage().contains("Invalid value for option from (header CamelArangoReplicationFrom): '-1'"),
                tick.getMessage());
        Exception restrict = failure("arango-replication:setApplierConfig?leaderEndpoint=tcp://l:8529", null,
                Map.of(RESTRICT_TYPE, "sideways"));
        assertTrue(restrict.getMessage().contains("restrictType: 'sideways'; allowed is include or exclude"),
                restrict.getMessage());
        Exception notANumber = failure("arango-replication:createDumpBatch", null, Map.of(TTL, "soon"));
        assertEquals("Invalid value for header CamelArangoReplicationTtl: 'soon'; allowed is a Integer", notANumber.getMessage());
        Exception notABoolean = failure("arango-replication:inventory?batchId=1", null, Map.of(INCLUDE_SYSTEM, "maybe"));
        assertEquals("Invalid value for header CamelArangoReplicationIncludeSystem: 'maybe'; allowed is a Boolean",
                notABoolean.getMessage());
        Exception missing = failure("arango-replication:extendDumpBatch", null, Map.of());
        assertEquals("Operation extendDumpBatch needs batchId: set the batchId option or the CamelArangoReplicationBatchId header",
                missing.getMessage());
        verifyNoInteractions(client);
    }

    @Test
    void leaderSettingsTakeOptionsThenBodyThenHeaders() {
        when(client.setApplierConfig(any(), anyBoolean())).thenAnswer(call -> call.getArgument(0));
        String uri = "arango-replication:setApplierConfig?leaderEndpoint=tcp://option:8529&leaderUser=repl"
                     + "&leaderPassword=pw&autoStart=true&restrictType=include&restrictCollections=x,y&chunkSize=1024";
        send(uri, Map.of("endpoint", "tcp://body:8529", "chunkSize", 4096, "verbose", true),
                Map.of(AUTO_START, "false", RESTRICT_COLLECTIONS, List.of("a", "b")));
        ArgumentCaptor<ApplierConfig> sent = ArgumentCaptor.forClass(ApplierConfig.class);
        verify(client).setApplierConfig(sent.capture(), eq(false));
        ApplierConfig config = sent.getValue();
        assertEquals("tcp://body:8529", config.endpoint());
        assertEquals("repl", config.username());
        assertEquals("pw", config.password());
        assertEquals(Boolean.FALSE, config.autoStart());
        assertEquals(4096L, config.chunkSize());
        assertEquals(Boolean.TRUE, config.verbose());
        assertEquals("include", config.restrictType());
        assertEquals(List.of("a", "b"), config.restrictCollections());
        assertFalse(config.toString().contains("pw,"), config.toString());
    }

    @Test
    void leaderSettingsAcceptJsonTextAndTheClientRecord() {
        when(client.makeFollower(any())).thenReturn(null);
        send("arango-replication:makeSlave", "{\"endpoint\":\"tcp://json:8529\",\"incremental\":true}", Map.of());
        ApplierConfig record = ApplierConfig.builder().endpoint("tcp://record:8529").maxConnectRetries(7L).build();
        send("arango-replication:makeFollower?global=true", record, Map.of());
        ArgumentCaptor<ApplierConfig> sent = ArgumentCaptor.forClass(ApplierConfig.class);
        verify(client, org.mockito.Mockito.times(2)).makeFollower(sent.capture());
        assertEquals("tcp://json:8529", sent.getAllValues().get(0).endpoint());
        assertEquals(Boolean.TRUE, sent.getAllValues().get(0).incremental());
        assertEquals("tcp://record:8529", sent.getAllValues().get(1).endpoint());
        assertEquals(7L, sent.getAllValues().get(1).maxConnectRetries());

        Exception unknownField = failure("arango-replication:makeSlave", Map.of("endpoint", "tcp://x:1", "endpointt", "y"), Map.of());
        assertTrue(unknownField.getMessage().startsWith("Invalid applier configuration for ApplierConfig: Unrecognized field \"endpointt\""),
                unknownField.getMessage());
        Exception badHeader = failure("arango-replication:makeSlave?leaderEndpoint=tcp://x:1", null, Map.of(AUTO_START, "perhaps"));
        assertEquals("Invalid value for header CamelArangoReplicationAutoStart: 'perhaps'; allowed is a Boolean",
                badHeader.getMessage());
        Exception notJson = failure("arango-replication:makeSlave", "endpoint=tcp://x:1", Map.of());
        assertTrue(notJson.getMessage().contains("must be a JSON object"), notJson.getMessage());
    }

    @Test
    void synchronizeKeepsOnlyItsFieldsAndNeedsAnEndpoint() {
        send("arango-replication:synchronize?leaderEndpoint=tcp://leader:8529&autoStart=true&incremental=true"
             + "&restrictType=exclude&restrictCollections=audit", null, Map.of());
        verify(client).synchronize(new SyncRequest("tcp://leader:8529", null, null, null, null, true, "exclude",
                List.of("audit"), null));
        Exception missing = failure("arango-replication:synchronize", null, Map.of());
        assertTrue(missing.getMessage().contains("needs the leader endpoint"), missing.getMessage());
    }

    @Test
    void revisionBodiesBecomeRequests() {
        when(client.revisionRanges(any())).thenReturn(new RevisionRanges(List.of(List.of("_a")), null, null));
        when(client.revisionDocuments(any())).thenReturn(new RevisionDocuments(List.of()));
        send("arango-replication:revisionRanges?collection=c&batchId=9", "[[\"_a\",\"_z\"]]", Map.of());
        verify(client).revisionRanges(new RevisionRangesRequest("c", "9", List.of(new RevisionRange("_a", "_z")), null));
        send("arango-replication:revisionDocuments?collection=c", List.of("_a", "_b"), Map.of(BATCH_ID, "10"));
        verify(client).revisionDocuments(new RevisionDocumentsRequest("c", "10", List.of("_a", "_b")));
        Exception wrong = failure("arango-replication:revisionDocuments?collection=c&batchId=9", 42, Map.of());
        assertTrue(wrong.getMessage().contains("needs the message body as a list or JSON array"), wrong.getMessage());
    }

    @Test
    void replicationHeadersOfTheAnswerBecomeCamelHeaders() {
        ReplicationHeaders headers = new ReplicationHeaders(true, -2L, 17L, -1L, false, null);
        when(client.walOpenTransactions(new WalOpenTransactionsRequest(5L, null, false, null, null)))
                .thenReturn(new OpenTransactions(200, headers, List.of("77")));
        Exchange exchange = send("arango-replication:walOpenTransactions?from=5", null,
                Map.of(ArangoReplicationConstants.ACTIVE, true));
        assertEquals(List.of("77"), exchange.getMessage().getBody(OpenTransactions.class).transactionIds());
        assertEquals(Boolean.TRUE, exchange.getMessage().getHeader(ArangoReplicationConstants.CHECK_MORE));
        assertEquals("18446744073709551614", exchange.getMessage().getHeader(ArangoReplicationConstants.LAST_INCLUDED));
        assertEquals("17", exchange.getMessage().getHeader(ArangoReplicationConstants.LAST_SCANNED));
        assertEquals("18446744073709551615", exchange.getMessage().getHeader(ArangoReplicationConstants.LAST_TICK));
        assertEquals(Boolean.FALSE, exchange.getMessage().getHeader(ArangoReplicationConstants.FROM_PRESENT));
        assertNull(exchange.getMessage().getHeader(ArangoReplicationConstants.ACTIVE), "a header the server did not send is removed");
    }

    @Test
    void resultRecordsConvertToJsonMapAndStream() throws Exception {
        when(client.createDumpBatch(any())).thenReturn(new DumpBatch("42", -1L, null, null));
        Exchange exchange = send("arango-replication:createDumpBatch?ttl=60", null, Map.of());
        String json = exchange.getMessage().getBody(String.class);
        Map<?, ?> map = new ObjectMapper().readValue(json, Map.class);
        assertEquals("42", map.get("id"));
        assertEquals("18446744073709551615", map.get("lastTick"), json);
        assertEquals(map, exchange.getMessage().getBody(Map.class));
        try (InputStream in = exchange.getMessage().getBody(InputStream.class)) {
            assertEquals(json, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        LoggerTickRanges raw = new LoggerTickRanges(List.of(),
                new ObjectMapper().readTree("[{\"datafile\":\"/000126.log\",\"status\":\"open\",\"tickMin\":\"1\",\"tickMax\":\"9\"}]"));
        assertEquals(raw.raw().toString(), context.getTypeConverter().convertTo(String.class, raw),
                "a record that kept the server's answer converts to exactly that answer");
        String line = "{\"tick\":\"7\",\"type\":2300,\"db\":\"shop\", \"data\":{\"_key\":\"a\",\"d\":1234567890.123456789012345678901234567891}}";
        WalMarker marker = WalMarker.of(RawJson.of(line.getBytes(StandardCharsets.UTF_8)).readTree());
        assertEquals(line.replace(" ", ""), context.getTypeConverter().convertTo(String.class, marker),
                "a WAL marker converts to its line");
        Map<?, ?> markerMap = context.getTypeConverter().convertTo(Map.class, marker);
        assertEquals(new java.math.BigDecimal("1234567890.123456789012345678901234567891"),
                ((Map<?, ?>) markerMap.get("data")).get("d"));
        assertEquals(Map.of("tick", "7"), context.getTypeConverter().convertTo(Map.class,
                Map.of("tick", "7")), "other values are not touched");
    }

    @Test
    void producerHealthCheckReportsServerAndFailures() {
        ArangoReplicationEndpoint endpoint = context.getEndpoint("arango-replication:loggerState?host=db&port=8531",
                ArangoReplicationEndpoint.class);
        ArangoReplicationProducerHealthCheck check = new ArangoReplicationProducerHealthCheck("test",
                endpoint.getEndpointUri(), endpoint.getServiceUrl(), endpoint::getClient);
        check.setCamelContext(context);
        when(client.serverInfo()).thenReturn(new ServerInfo(new ArangoVersion(3, 11, 4, "3.11.4"), ServerRole.SINGLE, null, null));
        when(client.loggerState()).thenReturn(new LoggerState(
                new ReplicationState(true, 189051L, 189051L, 189051L, "2023-09-07T01:20:07Z"),
                new ServerIdentity("3.11.4", "64074660150298", "rocksdb"), List.of(), null));
        HealthCheck.Result up = check.call();
        assertEquals(HealthCheck.State.UP, up.getState());
        assertEquals("3.11.4", up.getDetails().get("server.version"));
        assertEquals("189051", up.getDetails().get("server.lastLogTick"));

        when(client.loggerState()).thenThrow(new ArangoReplicationException("loggerState", "GET",
                "/_db/_system/_api/replication/logger-state", 503, "Service Unavailable", 503, "service unavailable"));
        HealthCheck.Result down = check.call();
        assertEquals(HealthCheck.State.DOWN, down.getState());
        assertEquals(503, down.getDetails().get(HealthCheck.HTTP_RESPONSE_CODE));
        assertEquals("http://db:8531", down.getDetails().get("service.url"));
        assertTrue(down.getMessage().orElse("").contains("503"), down.getMessage().toString());
    }

    @Test
    void producerRegistersItsHealthCheckInTheProducersRepository() {
        when(client.serverInfo()).thenReturn(new ServerInfo(new ArangoVersion(3, 12, 4, "3.12.4"), ServerRole.SINGLE, null, null));
        when(client.loggerState()).thenReturn(new LoggerState(new ReplicationState(true, 7L, 7L, 7L, null), null, List.of(), null));
        template.sendBody("arango-replication:loggerState?host=registered", null);
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        producers.setEnabled(true); // what camel.health.producersEnabled=true does; producer checks are off by default
        HealthCheck check = producers.stream().filter(candidate -> candidate.getId().startsWith("producer:arango-replication-"))
                .findFirst().orElseThrow(() -> new AssertionError("no arango-replication producer health check registered"));
        HealthCheck.Result result = check.call();
        assertEquals(HealthCheck.State.UP, result.getState());
        assertEquals("http://registered:8529", result.getDetails().get("service.url"));
    }

    @Test
    void clientErrorsFailTheExchangeWithTheServerDetails() {
        when(client.inventory(any())).thenThrow(new ArangoReplicationException("inventory", "GET",
                "/_db/_system/_api/replication/inventory", 404, "Not Found", 1600, "context was not found"));
        CamelExecutionException e = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("arango-replication:inventory?batchId=404", (Object) null));
        ArangoReplicationException cause = assertInstanceOf(ArangoReplicationException.class, e.getCause());
        assertEquals(404, cause.getStatus());
        assertEquals(1600, cause.getErrorNum());
    }
}

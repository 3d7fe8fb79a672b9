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

import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Endpoint creation: options bind, bad values fail before any request with a message naming option, value and what is
 * allowed, and no secret shows up where Camel displays an endpoint.
 */
class ArangoReplicationEndpointTest extends CamelTestSupport {

    private String failureOf(String uri) {
        ResolveEndpointFailedException e = assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint(uri));
        return e.getMessage();
    }

    @Test
    void bindsPathAndOptions() {
        ArangoReplicationEndpoint endpoint = context.getEndpoint(
                "arango-replication:walTail?host=db.example&port=8530&database=shop&from=18446744073709551614"
                                                                 + "&to=18446744073709551615&connectTimeout=3s&deserialize=false"
                                                                 + "&restrictType=exclude&restrictCollections=a,b&leaderEndpoint=tcp://l:8529",
                ArangoReplicationEndpoint.class);
        ArangoReplicationConfiguration configuration = endpoint.getConfiguration();
        assertEquals(ArangoReplicationOperation.walTail, configuration.getOperation());
        assertEquals("db.example", configuration.getHost());
        assertEquals(8530, configuration.getPort());
        assertEquals("shop", configuration.getDatabase());
        assertEquals("18446744073709551614", endpoint.getProducerConfiguration().getFrom());
        assertEquals(3000L, configuration.getConnectTimeout());
        assertFalse(endpoint.getProducerConfiguration().isDeserialize());
        assertEquals("exclude", endpoint.getApplierConfiguration().getRestrictType());
        assertEquals("a,b", endpoint.getApplierConfiguration().getRestrictCollections());
        assertEquals("tcp://l:8529", endpoint.getApplierConfiguration().getLeaderEndpoint());
    }

    @Test
    void defaultsFollowCamelArangodb() {
        ArangoReplicationEndpoint endpoint = context.getEndpoint("arango-replication:loggerState", ArangoReplicationEndpoint.class);
        ArangoReplicationConfiguration configuration = endpoint.getConfiguration();
        assertEquals("localhost", configuration.getHost());
        assertEquals(8529, configuration.getPort());
        assertEquals("_system", configuration.getDatabase());
        assertEquals("root", configuration.getUser());
        assertNull(configuration.getPassword());
        assertEquals("basic", configuration.getAuthentication());
        assertTrue(endpoint.getProducerConfiguration().isDeserialize());
    }

    @Test
    void everyOperationNameResolves() {
        for (ArangoReplicationOperation operation : ArangoReplicationOperation.values()) {
            ArangoReplicationEndpoint endpoint
                    = context.getEndpoint("arango-replication:" + operation.name(), ArangoReplicationEndpoint.class);
            assertEquals(operation, endpoint.getConfiguration().getOperation());
        }
    }

    @Test
    void unknownOperationListsTheValidOnes() {
        String message = failureOf("arango-replication:walTial");
        assertTrue(message.contains("Unknown arango-replication operation 'walTial'"), message);
        assertTrue(message.contains("Valid operations are: inventory, createDumpBatch, extendDumpBatch"), message);
        assertTrue(message.contains("revisionDocuments"), message);
    }

    @Test
    void invalidValuesNameOptionValueAndAllowed() {
        String restrict = failureOf("arango-replication:setApplierConfig?restrictType=sideways");
        assertTrue(restrict.contains("Invalid value for option restrictType: 'sideways'; allowed is include or exclude"), restrict);
        String ttl = failureOf("arango-replication:createDumpBatch?ttl=-5");
        assertTrue(ttl.contains("Invalid value for option ttl: '-5'; allowed is a number >= 0"), ttl);
        String chunk = failureOf("arango-replication:dump?chunkSize=-1");
        assertTrue(chunk.contains("Invalid value for option chunkSize: '-1'"), chunk);
        String range = failureOf("arango-replication:walTail?from=200&to=100");
        assertTrue(range.contains("Invalid value for option to: '100'; allowed is a tick greater than or equal to from (200)"),
                range);
        String unsignedRange = failureOf("arango-replication:walTail?from=18446744073709551615&to=9223372036854775808");
        assertTrue(unsignedRange.contains("Invalid value for option to: '9223372036854775808'; allowed is a tick greater than "
                                          + "or equal to from (18446744073709551615)"), unsignedRange);
        String tick = failureOf("arango-replication:walTail?from=12abc");
        assertTrue(tick.contains("Invalid value for option from: '12abc'; allowed is an unsigned 64-bit decimal number"), tick);
        String auth = failureOf("arango-replication:inventory?authentication=kerberos");
        assertTrue(auth.contains("Invalid value for option authentication: 'kerberos'; allowed is one of basic, jwt, none"), auth);
        String timeout = failureOf("arango-replication:dump?connectTimeout=0");
        assertTrue(timeout.contains("Invalid value for option connectTimeout: '0'; allowed is a number > 0"), timeout);
        String typo = failureOf("arango-replication:dump?chunkSiz=10");
        assertTrue(typo.contains("chunkSiz"), typo);
    }

    @Test
    void heartbeatOptionsAreCheckedByName() {
        assertTrue(failureOf("arango-replication:changes?heartbeatExchange=true").contains("Invalid value for option "
                + "heartbeatExchange: 'true'; allowed is false unless heartbeatInterval is above 0"));
        String negative = failureOf("arango-replication:changes?heartbeatInterval=-1");
        assertTrue(negative.contains("Invalid value for option heartbeatInterval: 'PT-0.001S'; allowed is a duration "
                + "of zero (no heartbeats) or above"), negative);
        ArangoReplicationEndpoint endpoint = context.getEndpoint(
                "arango-replication:changes?heartbeatInterval=30s&heartbeatExchange=true", ArangoReplicationEndpoint.class);
        assertEquals(30_000L, endpoint.getConsumerConfiguration().getHeartbeatInterval());
        assertTrue(endpoint.getConsumerConfiguration().isHeartbeatExchange());
    }

    @Test
    void consumerModeCannotBeAProducerAndEachModeHasItsConsumer() throws Exception {
        Endpoint changes = context.getEndpoint("arango-replication:changes");
        IllegalArgumentException producer = assertThrows(IllegalArgumentException.class, changes::createProducer);
        assertTrue(producer.getMessage().contains("'changes' is a consumer mode"), producer.getMessage());
        assertInstanceOf(ArangoReplicationChangesConsumer.class, changes.createConsumer(exchange -> {
        }));
        assertInstanceOf(ArangoReplicationDumpConsumer.class,
                context.getEndpoint("arango-replication:dump").createConsumer(exchange -> {
                }));
        assertInstanceOf(ArangoReplicationLoggerStateConsumer.class,
                context.getEndpoint("arango-replication:loggerState").createConsumer(exchange -> {
                }));
    }

    @Test
    void useSslTakesTheGlobalSslContextParametersWhenAllowed() {
        SSLContextParameters global = new SSLContextParameters();
        context.setSSLContextParameters(global);
        ArangoReplicationComponent component = context.getComponent("arango-replication", ArangoReplicationComponent.class);
        assertNull(context.getEndpoint("arango-replication:walRange?useSsl=true", ArangoReplicationEndpoint.class)
                .getConfiguration().getSslContextParameters(), "global parameters are only used when allowed");
        component.setUseGlobalSslContextParameters(true);
        ArangoReplicationEndpoint endpoint = context.getEndpoint("arango-replication:walRange?useSsl=true&port=8530",
                ArangoReplicationEndpoint.class);
        assertSame(global, endpoint.getConfiguration().getSslContextParameters());
        assertEquals("https://localhost:8530", endpoint.getServiceUrl());
    }

    @Test
    void secretsNeverShowWhereCamelDisplaysTheEndpoint() {
        ArangoReplicationEndpoint endpoint = context.getEndpoint(
                "arango-replication:applierState?user=admin&password=s3cr3tPw&jwt=eyJtoken.payload.sig&leaderPassword=l34derPw",
                ArangoReplicationEndpoint.class);
        assertShownNowhere(endpoint, "s3cr3tPw", "eyJtoken", "l34derPw");
        assertShownNowhere(context.getEndpoint(
                "arango-replication:changes?user=admin&password=s3cr3tPw&jwtSecret=jwtS3cr3tOfTheCluster",
                ArangoReplicationEndpoint.class), "s3cr3tPw", "jwtS3cr3t");
        assertEquals("http://localhost:8529", endpoint.getServiceUrl());
        assertEquals("admin", endpoint.getServiceMetadata().get("username"));
        assertInstanceOf(ArangoReplicationComponent.class, endpoint.getComponent());
    }

    private static void assertShownNowhere(ArangoReplicationEndpoint endpoint, String... secrets) {
        for (String shown : new String[] {
                endpoint.toString(), endpoint.getEndpointBaseUri(), endpoint.getServiceUrl(),
                endpoint.getServiceMetadata().toString(), endpoint.getServiceProtocol() }) {
            for (String secret : secrets) {
                assertFalse(shown.contains(secret), shown);
            }
        }
    }
}

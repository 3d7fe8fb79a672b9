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
package io.github.camelarango.replication.producer;

import io.github.camelarango.replication.ArangoReplicationConfiguration.RoleConfiguration;
import io.github.camelarango.replication.client.Require;
import io.github.camelarango.replication.client.Ticks;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The request options of the producer operations: which dump batch, collection, tick range and chunk size a call is
 * about and how its answer comes back. A message overrides each of them with the {@code CamelArangoReplication…}
 * header of the same name ({@link RequestParameters}).
 */
@UriParams
@Configurer
public class ArangoReplicationProducerConfiguration extends RoleConfiguration<ArangoReplicationProducerConfiguration> {

    @UriParam(label = "producer")
    private String batchId;

    @UriParam(label = "producer")
    private Integer ttl;

    @UriParam(label = "producer")
    private String collection;

    @UriParam(label = "producer")
    private Long chunkSize;

    @UriParam(label = "producer")
    private Boolean global;

    @UriParam(label = "producer", defaultValue = "true")
    private boolean deserialize = true;

    @UriParam(label = "producer")
    private String from;

    @UriParam(label = "producer")
    private String to;

    @UriParam(label = "producer")
    private String lastScanned;

    @UriParam(label = "producer", defaultValue = "true")
    private Boolean useEnvelope;

    @UriParam(label = "producer")
    private String dbServer;

    @UriParam(label = "producer")
    private String resume;

    @Override
    public void validate() {
        Require.nonNegative("ttl", ttl);
        Require.nonNegative("chunkSize", chunkSize);
        Require.tick("from", from);
        Require.tick("to", to);
        Require.tick("lastScanned", lastScanned);
        requireTickRange("to", from, to);
    }

    /**
     * Checks that {@code to} is greater than 0 and, when both are given, not less than {@code from}; both are valid
     * ticks or null.
     *
     * @param toName how to name {@code to} in the error: the option, and the header when the value came from it
     */
    static void requireTickRange(String toName, String from, String to) {
        if (to == null) {
            return;
        }
        long last = Ticks.parse(to);
        if (last == 0) {
            throw Require.invalid(toName, to, "a tick greater than 0");
        }
        if (from != null && Ticks.isAfter(Ticks.parse(from), last)) {
            throw Require.invalid(toName, to, "a tick greater than or equal to from (" + from + ")");
        }
    }

    public String getBatchId() {
        return batchId;
    }

    /**
     * The id of the dump batch (snapshot) used by inventory, dump, extendDumpBatch, deleteDumpBatch and the revision operations.
     */
    public void setBatchId(String batchId) {
        this.batchId = batchId;
    }

    public Integer getTtl() {
        return ttl;
    }

    /**
     * The time to live of a dump batch in seconds, for createDumpBatch and extendDumpBatch; the server default (7200) when not set. Must not be negative.
     */
    public void setTtl(Integer ttl) {
        this.ttl = ttl;
    }

    public String getCollection() {
        return collection;
    }

    /**
     * The collection name for dump, inventory, walTail and the revision operations.
     */
    public void setCollection(String collection) {
        this.collection = collection;
    }

    public Long getChunkSize() {
        return chunkSize;
    }

    /**
     * The approximate maximum response size in bytes for dump and walTail (and the applier's chunk size for setApplierConfig, synchronize and makeSlave). Must not be negative.
     */
    public void setChunkSize(Long chunkSize) {
        this.chunkSize = chunkSize;
    }

    public Boolean getGlobal() {
        return global;
    }

    /**
     * Whether inventory, walTail and the applier operations cover all databases (python-arango: all_databases); only allowed when database is _system.
     */
    public void setGlobal(Boolean global) {
        this.global = global;
    }

    public boolean isDeserialize() {
        return deserialize;
    }

    /**
     * Whether dump and walTail parse the returned lines: true gives a list of documents (dump) or markers (walTail) as Maps, false gives the raw newline-delimited JSON as an InputStream.
     */
    public void setDeserialize(boolean deserialize) {
        this.deserialize = deserialize;
    }

    public String getFrom() {
        return from;
    }

    /**
     * The exclusive lower tick bound for walTail and walOpenTransactions, and the start tick for startApplier (unsigned 64-bit decimal).
     */
    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    /**
     * The inclusive upper tick bound for walTail and walOpenTransactions (unsigned 64-bit decimal); must not be less than from.
     */
    public void setTo(String to) {
        this.to = to;
    }

    public String getLastScanned() {
        return lastScanned;
    }

    /**
     * The lastScanned value returned by the previous walTail call (unsigned 64-bit decimal), letting the server resume inside a large transaction.
     */
    public void setLastScanned(String lastScanned) {
        this.lastScanned = lastScanned;
    }

    public Boolean getUseEnvelope() {
        return useEnvelope;
    }

    /**
     * Whether dump wraps every document as {type:2300,data:document}; the server default (true) when not set.
     */
    public void setUseEnvelope(Boolean useEnvelope) {
        this.useEnvelope = useEnvelope;
    }

    public String getDbServer() {
        return dbServer;
    }

    /**
     * The DB-Server a coordinator forwards createDumpBatch, extendDumpBatch, deleteDumpBatch, inventory and dump to (the DBserver query parameter); only for coordinators.
     */
    public void setDbServer(String dbServer) {
        this.dbServer = dbServer;
    }

    public String getResume() {
        return resume;
    }

    /**
     * The revision to resume revisionRanges from, as returned in the resume field of a truncated answer.
     */
    public void setResume(String resume) {
        this.resume = resume;
    }
}

package io.github.camelarango.replication;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * The connection and producer options of an {@code arango-replication:} endpoint. The component holds one instance
 * with shared defaults; every endpoint works on its own {@link #copy()}.
 */
@UriParams
@Configurer
public class ArangoReplicationConfiguration implements Cloneable {

    @UriPath(description = "The replication API operation a producer calls, or the mode a consumer runs in")
    @Metadata(required = true)
    private ArangoReplicationOperation operation;

    @UriParam(defaultValue = "localhost")
    private String host = "localhost";

    @UriParam(defaultValue = "8529")
    private int port = 8529;

    @UriParam(defaultValue = "_system")
    private String database = "_system";

    @UriParam(label = "security", defaultValue = "root")
    private String user = "root";

    @UriParam(label = "security", secret = true)
    private String password;

    @UriParam(label = "security", defaultValue = "basic", enums = "basic,jwt,none")
    private String authentication = "basic";

    @UriParam(label = "security", secret = true)
    private String jwt;

    @UriParam(label = "security", defaultValue = "false")
    private boolean useSsl = false;

    @UriParam(label = "security")
    private SSLContextParameters sslContextParameters;

    @UriParam(label = "advanced", defaultValue = "10000", javaType = "java.time.Duration")
    private long connectTimeout = 10000L;

    @UriParam(label = "advanced", defaultValue = "120000", javaType = "java.time.Duration")
    private long responseTimeout = 120000L;

    @UriParam(label = "advanced", defaultValue = "20")
    private int maxConnections = 20;

    @UriParam
    private String serverId;

    @UriParam
    private String syncerId;

    @UriParam
    private String clientInfo;

    @UriParam(label = "producer")
    private String batchId;

    @UriParam(label = "producer")
    private Integer ttl;

    @UriParam(label = "producer")
    private String collection;

    @UriParam(label = "producer")
    private Long chunkSize;

    @UriParam(defaultValueNote = "the server default: true for inventory, clusterInventory and the applier, false for walTail; false for the consumers")
    private Boolean includeSystem;

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

    /**
     * @return a copy of this configuration (options are immutable values or shared objects)
     */
    public ArangoReplicationConfiguration copy() {
        try {
            return (ArangoReplicationConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public ArangoReplicationOperation getOperation() {
        return operation;
    }

    /**
     * The replication API operation a producer calls, or the mode a consumer runs in.
     */
    public void setOperation(ArangoReplicationOperation operation) {
        this.operation = operation;
    }

    public String getHost() {
        return host;
    }

    /**
     * The host name or IP address of the ArangoDB server.
     */
    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    /**
     * The HTTP port of the ArangoDB server.
     */
    public void setPort(int port) {
        this.port = port;
    }

    public String getDatabase() {
        return database;
    }

    /**
     * The database whose replication API is used (the /_db/<database> prefix of every request).
     */
    public void setDatabase(String database) {
        this.database = database;
    }

    public String getUser() {
        return user;
    }

    /**
     * The ArangoDB user for basic authentication or for obtaining a JWT.
     */
    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    /**
     * The password of the ArangoDB user. Masked in URIs and logs.
     */
    public void setPassword(String password) {
        this.password = password;
    }

    public String getAuthentication() {
        return authentication;
    }

    /**
     * How requests authenticate: basic (user and password on every request), jwt (a token obtained with user and password from /_open/auth, or the static jwt option) or none.
     */
    public void setAuthentication(String authentication) {
        this.authentication = authentication;
    }

    public String getJwt() {
        return jwt;
    }

    /**
     * A static JWT bearer token to send instead of obtaining one with user and password; implies authentication=jwt. Masked in URIs and logs.
     */
    public void setJwt(String jwt) {
        this.jwt = jwt;
    }

    public boolean isUseSsl() {
        return useSsl;
    }

    /**
     * Whether to connect with HTTPS; the TLS settings come from sslContextParameters, the component's global SSL context parameters or the JVM defaults.
     */
    public void setUseSsl(boolean useSsl) {
        this.useSsl = useSsl;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    /**
     * The TLS configuration (trust store, key store, protocols) used when useSsl is true.
     */
    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public long getConnectTimeout() {
        return connectTimeout;
    }

    /**
     * How long to wait for a TCP connection to the server (milliseconds, or a duration such as 10s).
     */
    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    /**
     * How long to wait for the server's response to a request (milliseconds, or a duration such as 2m); makeSlave and synchronize answer only after the initial synchronisation.
     */
    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    /**
     * The maximum number of pooled HTTP connections to the server.
     */
    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getServerId() {
        return serverId;
    }

    /**
     * The server id (unsigned 64-bit decimal) under which this client registers with the server (batch creation and WAL tailing), so the server keeps the write-ahead log it still needs.
     */
    public void setServerId(String serverId) {
        this.serverId = serverId;
    }

    public String getSyncerId() {
        return syncerId;
    }

    /**
     * The syncer id (unsigned 64-bit decimal) under which this client registers with the server (batch creation and WAL tailing).
     */
    public void setSyncerId(String syncerId) {
        this.syncerId = syncerId;
    }

    public String getClientInfo() {
        return clientInfo;
    }

    /**
     * A free text shown in the server's list of replication clients (logger state).
     */
    public void setClientInfo(String clientInfo) {
        this.clientInfo = clientInfo;
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

    public Boolean getIncludeSystem() {
        return includeSystem;
    }

    /**
     * Whether system collections are included (inventory, clusterInventory, walTail, synchronize, applier settings); the server default when not set. The changes and dump consumers capture system collections only when it is true.
     */
    public void setIncludeSystem(Boolean includeSystem) {
        this.includeSystem = includeSystem;
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

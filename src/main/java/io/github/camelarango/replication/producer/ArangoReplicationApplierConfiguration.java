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
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The applier configuration options of setApplierConfig, synchronize and makeSlave (makeFollower): every option is
 * one field of the server's applier configuration ({@code client.ApplierConfig}), most of them about the leader to
 * pull from. Options that are not set are not sent, so the server keeps its defaults. A message overrides them with
 * its body and headers ({@link ApplierConfigReader}).
 */
@UriParams
@Configurer
public class ArangoReplicationApplierConfiguration extends RoleConfiguration<ArangoReplicationApplierConfiguration> {

    @UriParam(label = "producer,applier")
    private String leaderEndpoint;

    @UriParam(label = "producer,applier")
    private String leaderDatabase;

    @UriParam(label = "producer,applier")
    private String leaderUser;

    @UriParam(label = "producer,applier", secret = true)
    private String leaderPassword;

    @UriParam(label = "producer,applier", enums = "include,exclude")
    private String restrictType;

    @UriParam(label = "producer,applier")
    private String restrictCollections;

    @UriParam(label = "producer,applier")
    private Boolean incremental;

    @UriParam(label = "producer,applier")
    private Boolean autoStart;

    @UriParam(label = "producer,applier", defaultValue = "true")
    private Boolean adaptivePolling;

    @UriParam(label = "producer,applier")
    private Boolean autoResync;

    @UriParam(label = "producer,applier")
    private Integer autoResyncRetries;

    @UriParam(label = "producer,applier")
    private Integer maxConnectRetries;

    @UriParam(label = "producer,applier")
    private Double applierConnectTimeout;

    @UriParam(label = "producer,applier")
    private Double applierRequestTimeout;

    @UriParam(label = "producer,applier")
    private Double initialSyncMaxWaitTime;

    @UriParam(label = "producer,applier")
    private Double connectionRetryWaitTime;

    @UriParam(label = "producer,applier")
    private Double idleMinWaitTime;

    @UriParam(label = "producer,applier")
    private Double idleMaxWaitTime;

    @UriParam(label = "producer,applier", defaultValue = "true")
    private Boolean requireFromPresent;

    @UriParam(label = "producer,applier")
    private Boolean verbose;

    @Override
    public void validate() {
        requireRestrictType(restrictType);
        Require.nonNegative("autoResyncRetries", autoResyncRetries);
        Require.nonNegative("maxConnectRetries", maxConnectRetries);
    }

    /** The restrictType of the options or of a message: include, exclude or not set. */
    static void requireRestrictType(Object value) {
        if (value != null && !"include".equals(value) && !"exclude".equals(value)) {
            throw Require.invalid("restrictType", value, "include or exclude");
        }
    }

    public String getLeaderEndpoint() {
        return leaderEndpoint;
    }

    /**
     * The leader endpoint the applier, synchronize or makeSlave pulls from, for example tcp://leader:8529.
     */
    public void setLeaderEndpoint(String leaderEndpoint) {
        this.leaderEndpoint = leaderEndpoint;
    }

    public String getLeaderDatabase() {
        return leaderDatabase;
    }

    /**
     * The database on the leader; the local database name when not set.
     */
    public void setLeaderDatabase(String leaderDatabase) {
        this.leaderDatabase = leaderDatabase;
    }

    public String getLeaderUser() {
        return leaderUser;
    }

    /**
     * The user the applier uses to connect to the leader.
     */
    public void setLeaderUser(String leaderUser) {
        this.leaderUser = leaderUser;
    }

    public String getLeaderPassword() {
        return leaderPassword;
    }

    /**
     * The password the applier uses to connect to the leader. Masked in URIs and logs.
     */
    public void setLeaderPassword(String leaderPassword) {
        this.leaderPassword = leaderPassword;
    }

    public String getRestrictType() {
        return restrictType;
    }

    /**
     * Whether restrictCollections lists the collections to include or to exclude.
     */
    public void setRestrictType(String restrictType) {
        this.restrictType = restrictType;
    }

    public String getRestrictCollections() {
        return restrictCollections;
    }

    /**
     * The comma separated collection names restrictType applies to.
     */
    public void setRestrictCollections(String restrictCollections) {
        this.restrictCollections = restrictCollections;
    }

    public Boolean getIncremental() {
        return incremental;
    }

    /**
     * Whether synchronize and the applier's initial sync fetch only the differences to local data.
     */
    public void setIncremental(Boolean incremental) {
        this.incremental = incremental;
    }

    public Boolean getAutoStart() {
        return autoStart;
    }

    /**
     * Whether the applier starts automatically when the server starts.
     */
    public void setAutoStart(Boolean autoStart) {
        this.autoStart = autoStart;
    }

    public Boolean getAdaptivePolling() {
        return adaptivePolling;
    }

    /**
     * Whether the applier polls the leader less often when there are no changes; the server default (true) when not set.
     */
    public void setAdaptivePolling(Boolean adaptivePolling) {
        this.adaptivePolling = adaptivePolling;
    }

    public Boolean getAutoResync() {
        return autoResync;
    }

    /**
     * Whether the applier performs a full resynchronisation when the leader no longer has the ticks it needs.
     */
    public void setAutoResync(Boolean autoResync) {
        this.autoResync = autoResync;
    }

    public Integer getAutoResyncRetries() {
        return autoResyncRetries;
    }

    /**
     * How many automatic resynchronisations the applier attempts in a row.
     */
    public void setAutoResyncRetries(Integer autoResyncRetries) {
        this.autoResyncRetries = autoResyncRetries;
    }

    public Integer getMaxConnectRetries() {
        return maxConnectRetries;
    }

    /**
     * How many connection attempts in a row the applier makes before it stops itself.
     */
    public void setMaxConnectRetries(Integer maxConnectRetries) {
        this.maxConnectRetries = maxConnectRetries;
    }

    public Double getApplierConnectTimeout() {
        return applierConnectTimeout;
    }

    /**
     * The applier's connect timeout to the leader in seconds.
     */
    public void setApplierConnectTimeout(Double applierConnectTimeout) {
        this.applierConnectTimeout = applierConnectTimeout;
    }

    public Double getApplierRequestTimeout() {
        return applierRequestTimeout;
    }

    /**
     * The applier's request timeout to the leader in seconds.
     */
    public void setApplierRequestTimeout(Double applierRequestTimeout) {
        this.applierRequestTimeout = applierRequestTimeout;
    }

    public Double getInitialSyncMaxWaitTime() {
        return initialSyncMaxWaitTime;
    }

    /**
     * The maximum time in seconds the initial synchronisation waits for a response from the leader.
     */
    public void setInitialSyncMaxWaitTime(Double initialSyncMaxWaitTime) {
        this.initialSyncMaxWaitTime = initialSyncMaxWaitTime;
    }

    public Double getConnectionRetryWaitTime() {
        return connectionRetryWaitTime;
    }

    /**
     * The time in seconds the applier waits before retrying a failed connection.
     */
    public void setConnectionRetryWaitTime(Double connectionRetryWaitTime) {
        this.connectionRetryWaitTime = connectionRetryWaitTime;
    }

    public Double getIdleMinWaitTime() {
        return idleMinWaitTime;
    }

    /**
     * The minimum time in seconds the applier waits before polling again when there were no changes.
     */
    public void setIdleMinWaitTime(Double idleMinWaitTime) {
        this.idleMinWaitTime = idleMinWaitTime;
    }

    public Double getIdleMaxWaitTime() {
        return idleMaxWaitTime;
    }

    /**
     * The maximum time in seconds the applier waits before polling again when there were no changes (adaptive polling).
     */
    public void setIdleMaxWaitTime(Double idleMaxWaitTime) {
        this.idleMaxWaitTime = idleMaxWaitTime;
    }

    public Boolean getRequireFromPresent() {
        return requireFromPresent;
    }

    /**
     * Whether the applier stops when the leader no longer has the start tick in its write-ahead log; the server default (true) when not set.
     */
    public void setRequireFromPresent(Boolean requireFromPresent) {
        this.requireFromPresent = requireFromPresent;
    }

    public Boolean getVerbose() {
        return verbose;
    }

    /**
     * Whether the applier logs every operation it applies.
     */
    public void setVerbose(Boolean verbose) {
        this.verbose = verbose;
    }
}

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
package io.github.camelarango.replication.emulator;

import io.github.camelarango.replication.emulator.cluster.ClusterCollection;
import io.github.camelarango.replication.emulator.cluster.ClusterServer;
import io.github.camelarango.replication.emulator.cluster.ClusterState;
import io.github.camelarango.replication.emulator.cluster.CoordinatorRoutes;
import io.github.camelarango.replication.emulator.cluster.Shard;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A small ArangoDB cluster in one JVM for tests: Coordinators and DB-Servers, each an emulator on its own 127.0.0.1
 * port. DB-Servers hold the shards of the collections created through a Coordinator ({@code numberOfShards},
 * {@code replicationFactor}), each with its own data, WAL and ticks; a shard's leader applies a write and its in-sync
 * followers log the same document ({@code _key}, {@code _rev}) in their own WAL, under the shard's {@code cuid}
 * {@code c<planId>/<shard>}. DB-Servers accept only superuser JWTs signed with the cluster's secret
 * ({@link #superuserJwt()}). What a Coordinator answers, and where the emulator chose, is in {@code docs/cluster.md}.
 * <pre>{@code
 * try (ArangoEmulatorCluster cluster = ArangoEmulatorCluster.builder().dbServers(3).build().start()) {
 *     ArangoDB driver = new ArangoDB.Builder().host("127.0.0.1", cluster.coordinator().port()).build();
 *     ... cluster.dbServer(cluster.dbServerIds().get(0)).url() with cluster.superuserJwt() ...
 * }
 * }</pre>
 * Test controls: {@link #failDbServer(String)} (or {@link #failDbServer(String, Duration) with its own fail-over
 * delay}), {@link #recoverDbServer(String)}, {@link #moveShard}, {@link #addDbServer()}; ground truth through
 * {@link #documents(String, String)} and {@link #shards(String, String)}.
 * Thread-safe. Part of the emulator test kit's public API.
 */
public final class ArangoEmulatorCluster implements AutoCloseable {

    private final Builder settings;
    private final ClusterState state = new ClusterState(UUID.randomUUID().toString());
    private final List<ArangoEmulator> coordinators = new ArrayList<>();
    private final Map<String, ArangoEmulator> dbServers = new LinkedHashMap<>();
    private final ScheduledExecutorService supervision = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "emulator-cluster-supervision");
        thread.setDaemon(true);
        return thread;
    });
    private boolean started;

    private ArangoEmulatorCluster(Builder settings) {
        this.settings = settings;
    }

    /** @return a builder with the defaults: one Coordinator, three DB-Servers, version 3.11.4, no authentication */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the DB-Servers, then the Coordinators.
     *
     * @return this cluster
     * @throws IllegalStateException if it was already started
     */
    public synchronized ArangoEmulatorCluster start() {
        if (started) {
            throw new IllegalStateException("cluster already started");
        }
        started = true;
        for (int i = 0; i < settings.dbServers; i++) {
            addDbServer();
        }
        for (int i = 1; i <= settings.coordinators; i++) {
            String id = "CRDN-" + UUID.randomUUID();
            ArangoEmulator.Builder builder = ArangoEmulator.builder().version(settings.version).role(EmulatorRole.COORDINATOR)
                    .jwtSecret(settings.jwtSecret).serverId(randomServerId()).port(i == 1 ? settings.port : 0);
            if (settings.user != null) {
                builder.authentication(settings.user, settings.password);
            }
            ArangoEmulator coordinator = builder.build();
            coordinator.override(new CoordinatorRoutes(state, id, coordinator.superuserJwt(id)));
            coordinator.start();
            coordinators.add(coordinator);
            state.add(new ClusterServer(id, String.format("Coordinator%04d", i), false, coordinator::port,
                    coordinator.server(), coordinator::call));
        }
        return this;
    }

    /** @return the first Coordinator, the cluster's entry point (its {@link ArangoEmulator#url()} and port) */
    public ArangoEmulator coordinator() {
        return coordinators.get(0);
    }

    /** @return every Coordinator */
    public List<ArangoEmulator> coordinators() {
        return List.copyOf(coordinators);
    }

    /** @return the ids ({@code PRMR-…}) of the DB-Servers, in the order they joined */
    public synchronized List<String> dbServerIds() {
        return List.copyOf(dbServers.keySet());
    }

    /**
     * A DB-Server, for its {@link ArangoEmulator#url() url}, {@link ArangoEmulator#wal() wal},
     * {@link ArangoEmulator#lastTick() lastTick} and {@link ArangoEmulator#faults() faults}; its HTTP API needs
     * {@link #superuserJwt()}.
     *
     * @param id the DB-Server's id, as {@link #dbServerIds()} and {@code /_admin/cluster/health} give it
     * @return its emulator
     * @throws IllegalArgumentException if no DB-Server has that id
     */
    public synchronized ArangoEmulator dbServer(String id) {
        ArangoEmulator server = dbServers.get(id);
        if (server == null) {
            throw new IllegalArgumentException("no DB-Server '" + id + "'; known: " + dbServers.keySet());
        }
        return server;
    }

    /** @return the cluster's JWT secret ({@link Builder#jwtSecret(String)}, or the random one) */
    public String jwtSecret() {
        return settings.jwtSecret;
    }

    /**
     * @return a superuser JWT ({@code {"iss":"arangodb","server_id":"test","iat":…}}, no expiry) signed with the
     *         cluster's secret: what a DB-Server accepts
     */
    public String superuserJwt() {
        return coordinator().superuserJwt("test");
    }

    /**
     * Test control: a DB-Server fails. It stops listening at once (connections are refused) and its health turns BAD;
     * it leaves Current of the shards it follows. After the fail-over delay its health is FAILED and each shard it led
     * gets its first in-sync follower as leader (Plan, then Current); a shard without one stays without a leader
     * (writes to it answer 503) until the server comes back.
     *
     * @param id the DB-Server's id
     */
    public void failDbServer(String id) {
        failDbServer(id, settings.failoverDelay);
    }

    /**
     * Test control: a DB-Server fails, as {@link #failDbServer(String)} does, with its own fail-over delay instead of
     * the cluster's (e.g. one server comes back before its fail-over, another fails over soon after).
     *
     * @param id            the DB-Server's id
     * @param failoverDelay how long it stays BAD before it is FAILED and its shards' leadership moves
     * @throws IllegalArgumentException if the delay is null or negative
     */
    public void failDbServer(String id, Duration failoverDelay) {
        if (failoverDelay == null || failoverDelay.isNegative()) {
            throw new IllegalArgumentException("failoverDelay must not be negative, was " + failoverDelay);
        }
        ArangoEmulator server = dbServer(id);
        ClusterServer member = state.server(id);
        server.stopListening();
        state.fail(member);
        supervision.schedule(() -> state.failover(member), failoverDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Test control: a failed DB-Server comes back on its port, health GOOD. It resynchronises every shard it no longer
     * has in sync from the shard's leader (removals, then inserts and replacements, each as one transaction in its own
     * WAL: not user changes) and follows it again. A server that lost the leadership does not get it back.
     *
     * @param id the DB-Server's id
     * @return how many documents the resynchronisation wrote or removed on it
     */
    public int recoverDbServer(String id) {
        ArangoEmulator server = dbServer(id);
        server.listenAgain();
        return state.recover(state.server(id));
    }

    /**
     * Test control: moves a shard from one DB-Server to another: the target copies the shard from its leader (a
     * resync in the target's WAL), takes the source's place in Plan and Current (the leader's place if the source
     * led), and the source drops its copy.
     *
     * @param database   the database
     * @param collection the collection
     * @param shard      the shard's name ({@code s…})
     * @param from       the id of the DB-Server that holds it
     * @param to         the id of a DB-Server that does not
     * @throws IllegalArgumentException if the collection, shard or servers are not as described
     */
    public void moveShard(String database, String collection, String shard, String from, String to) {
        Shard s = collection(database, collection).shard(shard);
        if (s == null) {
            throw new IllegalArgumentException("no shard '" + shard + "' in collection '" + collection + "'");
        }
        dbServer(from);
        dbServer(to);
        state.moveShard(s, state.server(from), state.server(to));
    }

    /**
     * Test control: a new DB-Server joins, with every database and no shard (move shards to it with
     * {@link #moveShard}).
     *
     * @return its id
     */
    public synchronized String addDbServer() {
        String id = "PRMR-" + UUID.randomUUID();
        ArangoEmulator server = ArangoEmulator.builder().version(settings.version).role(EmulatorRole.PRIMARY)
                .jwtSecret(settings.jwtSecret).serverId(randomServerId()).build().start();
        dbServers.put(id, server);
        state.add(new ClusterServer(id, String.format("DBServer%04d", dbServers.size()), true, server::port,
                server.server(), server::call));
        return id;
    }

    /**
     * Ground truth: the documents of a collection across its shards, as the shards' leaders hold them.
     *
     * @param database   the database
     * @param collection the collection
     * @return {@code _key} to {@code _rev}, in key order
     * @throws IllegalArgumentException if the collection does not exist
     */
    public Map<String, String> documents(String database, String collection) {
        return state.documents(database, collection);
    }

    /**
     * The shards of a collection as Current reports them.
     *
     * @param database   the database
     * @param collection the collection
     * @return shard name to the ids of its in-sync servers, leader first, in plan order of the shards
     * @throws IllegalArgumentException if the collection does not exist
     */
    public Map<String, List<String>> shards(String database, String collection) {
        Map<String, List<String>> shards = new LinkedHashMap<>();
        collection(database, collection).shards().forEach(s -> shards.put(s.name(), s.current()));
        return shards;
    }

    /**
     * @param id a server's id
     * @return its health status: GOOD, BAD or FAILED
     */
    public String health(String id) {
        ClusterServer server = state.server(id);
        if (server == null) {
            throw new IllegalArgumentException("no server '" + id + "'");
        }
        return server.status().name();
    }

    private ClusterCollection collection(String database, String collection) {
        ClusterCollection c = state.collection(database, collection);
        if (c == null) {
            throw new IllegalArgumentException("no collection '" + collection + "' in database '" + database + "'");
        }
        return c;
    }

    private static long randomServerId() {
        return ThreadLocalRandom.current().nextLong(1, 1L << 48);
    }

    /** Stops every server and the supervision; the data is dropped with the instance. */
    @Override
    public synchronized void close() {
        supervision.shutdownNow();
        coordinators.forEach(ArangoEmulator::close);
        dbServers.values().forEach(ArangoEmulator::close);
    }

    @Override
    public String toString() {
        return "ArangoEmulatorCluster[coordinators=" + coordinators.size() + ", dbServers=" + dbServers.size()
                + ", version=" + settings.version + "]";
    }

    /** Settings of a cluster. Every setter checks its value and returns this builder. */
    public static final class Builder {
        private int coordinators = 1;
        private int dbServers = 3;
        private String version = "3.11.4";
        private String user;
        private String password;
        private String jwtSecret;
        private Duration failoverDelay = Duration.ofSeconds(1);
        private int port;

        private Builder() {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            jwtSecret = Base64.getEncoder().encodeToString(random);
        }

        /**
         * @param count how many Coordinators (default 1)
         * @return this builder
         * @throws IllegalArgumentException if not within 1..8
         */
        public Builder coordinators(int count) {
            if (count < 1 || count > 8) {
                throw new IllegalArgumentException("coordinators must be 1..8, was " + count);
            }
            this.coordinators = count;
            return this;
        }

        /**
         * @param count how many DB-Servers at the start (default 3)
         * @return this builder
         * @throws IllegalArgumentException if not within 1..16
         */
        public Builder dbServers(int count) {
            if (count < 1 || count > 16) {
                throw new IllegalArgumentException("dbServers must be 1..16, was " + count);
            }
            this.dbServers = count;
            return this;
        }

        /**
         * @param newVersion the ArangoDB version every server imitates (see {@link ArangoEmulator.Builder#version})
         * @return this builder
         * @throws IllegalArgumentException if the version is not of the form major.minor.patch or below 3.11
         */
        public Builder version(String newVersion) {
            ArangoEmulator.builder().version(newVersion);
            this.version = newVersion;
            return this;
        }

        /**
         * Switches authentication on at the Coordinators with one (superuser) account, as
         * {@link ArangoEmulator.Builder#authentication} does. DB-Servers accept only superuser JWTs either way.
         *
         * @param newUser     the user name
         * @param newPassword its password ({@code null} counts as empty)
         * @return this builder
         */
        public Builder authentication(String newUser, String newPassword) {
            this.user = Objects.requireNonNull(newUser, "user");
            this.password = newPassword == null ? "" : newPassword;
            return this;
        }

        /**
         * @param secret the cluster's JWT secret ({@code --server.jwt-secret}, HS256) that superuser tokens are signed
         *               with (default: random, see {@link ArangoEmulatorCluster#jwtSecret()})
         * @return this builder
         * @throws IllegalArgumentException if null or empty
         */
        public Builder jwtSecret(String secret) {
            ArangoEmulator.builder().jwtSecret(secret);
            this.jwtSecret = secret;
            return this;
        }

        /**
         * @param delay how long a failed DB-Server stays BAD before it is FAILED and its shards' leadership moves
         *              (default one second; a real cluster waits about 15 s)
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder failoverDelay(Duration delay) {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("failoverDelay must not be negative, was " + delay);
            }
            this.failoverDelay = delay;
            return this;
        }

        /**
         * @param newPort the port of the first Coordinator on 127.0.0.1 (0, the default, picks a free one; the other
         *                servers always take free ones)
         * @return this builder
         * @throws IllegalArgumentException if not within 0..65535
         */
        public Builder port(int newPort) {
            ArangoEmulator.builder().port(newPort);
            this.port = newPort;
            return this;
        }

        /** @return a new cluster with these settings, not started yet ({@link ArangoEmulatorCluster#start()}) */
        public ArangoEmulatorCluster build() {
            return new ArangoEmulatorCluster(this);
        }
    }
}

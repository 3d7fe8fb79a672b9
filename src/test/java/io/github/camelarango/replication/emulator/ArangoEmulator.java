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

import io.github.camelarango.replication.emulator.auth.Authenticator;
import io.github.camelarango.replication.emulator.docapi.StreamTransactions;
import io.github.camelarango.replication.emulator.http.ArangoException;
import io.github.camelarango.replication.emulator.http.HttpRequest;
import io.github.camelarango.replication.emulator.http.HttpResponse;
import io.github.camelarango.replication.emulator.http.HttpServer;
import io.github.camelarango.replication.emulator.http.RouteHandler;
import io.github.camelarango.replication.emulator.http.Json;
import io.github.camelarango.replication.emulator.model.Collection;
import io.github.camelarango.replication.emulator.model.Database;
import io.github.camelarango.replication.emulator.model.DocumentVersion;
import io.github.camelarango.replication.emulator.model.DocumentVersions;
import io.github.camelarango.replication.emulator.model.Server;
import io.github.camelarango.replication.emulator.model.WriteSet;
import io.github.camelarango.replication.emulator.replication.Appliers;
import io.github.camelarango.replication.emulator.replication.Batches;
import io.github.camelarango.replication.emulator.replication.ReplicationClients;
import io.github.camelarango.replication.emulator.wal.MarkerWriter;
import io.github.camelarango.replication.emulator.wal.Wal;
import io.github.camelarango.replication.emulator.wal.WalEntry;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.emulator.model.ServerImage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;

/**
 * An in-JVM ArangoDB server for tests: the document API the official Java driver needs, stream transactions, and the
 * replication and WAL API ({@code /_api/replication/*}, {@code /_api/wal/*}) with the status codes, headers and quirks
 * of ArangoDB 3.11, 3.12 and 4.x, as described in {@code docs/protocol.md}. It listens on 127.0.0.1 (a free port by
 * default). Build, start, use {@link #url()}, close:
 * <pre>{@code
 * try (ArangoEmulator emu = ArangoEmulator.builder().version("3.11.4").authentication("root", "secret").build().start()) {
 *     ... emu.url() ...
 * }
 * }</pre>
 * In JUnit 5 tests, {@link ArangoEmulatorExtension} does this once per test class. Test controls: {@link #clock()},
 * {@link #faults()}, {@link #purgeWal()}, {@link #purgeWalUpTo(long)}, {@link #expireAllBatches()},
 * {@link #hotBackup()} and {@link #restoreHotBackup(HotBackup)}, {@link #replaceServer()},
 * {@link #appendRawWalMarker(String, String)}, {@link #generateDocuments}; ground truth through
 * {@link #documents(String, String)}, {@link #wal()} and {@link #lastTick()}. Thread-safe.
 * <p>
 * Part of the emulator test kit's public API (with {@link Builder}, {@link ArangoEmulatorExtension},
 * {@link EmulatorAdmin} and {@link EmulatorMain}), kept source-compatible across releases.
 */
public final class ArangoEmulator implements AutoCloseable {

    private final Builder settings;
    private final EmulatorClock clock = new EmulatorClock();
    private final Faults faults = new Faults();
    private final Server server;
    private final EmulatorContext context;
    private HttpServer http;
    private RequestRouter router;
    private RouteHandler override;
    private int boundPort;

    private ArangoEmulator(Builder settings) {
        this.settings = settings;
        this.server = new Server(settings.serverId);
        Appliers appliers = new Appliers();
        Authenticator auth = settings.role == EmulatorRole.PRIMARY
                ? Authenticator.superuserOnly(clock, settings.jwtSecret)
                : new Authenticator(settings.user, settings.password, clock, settings.jwtLifetime, settings.jwtSecret);
        this.context = new EmulatorContext(server, clock, new Personality(settings.version), settings.role, auth,
                new Batches(server, clock), new ReplicationClients(clock), new StreamTransactions(server), appliers);
        appliers.bind(context);
    }

    /** @return a builder with the defaults: version 3.11.4, a single server, no authentication, a free port */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the HTTP server and starts accepting requests.
     *
     * @return this emulator, for {@code builder()...build().start()}
     * @throws IllegalStateException if it was already started
     * @throws java.io.UncheckedIOException if the port cannot be bound
     */
    public synchronized ArangoEmulator start() {
        if (router != null) {
            throw new IllegalStateException("emulator already started at " + url());
        }
        router = new RequestRouter(context, override);
        listen(settings.port);
        return this;
    }

    private void listen(int port) {
        HttpServer server = new HttpServer(router::route, faults);
        try {
            server.start(port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind 127.0.0.1:" + port, e);
        }
        http = server;
        boundPort = server.port();
    }

    /** Cluster: handles the requests it knows before the emulator's own routes (null answers fall through). */
    void override(RouteHandler handler) {
        this.override = handler;
    }

    /** Cluster: the data model, for in-process replication between DB-Servers. */
    Server server() {
        return server;
    }

    /**
     * Cluster: one request answered in-process, as if it came over HTTP (authentication included), for a
     * Coordinator that forwards to a DB-Server.
     */
    HttpResponse call(HttpRequest request) {
        try {
            return router.route(request);
        } catch (ArangoException e) {
            return e.toResponse();
        }
    }

    /** Cluster: a failed server stops listening (connections are refused) and keeps its data. */
    synchronized void stopListening() {
        if (http != null) {
            http.close();
            http = null;
        }
    }

    /** Cluster: a server that comes back listens again on the port it had. */
    synchronized void listenAgain() {
        if (http == null) {
            listen(boundPort);
        }
    }

    /** Cluster: a superuser JWT signed with this server's secret. */
    String superuserJwt(String serverName) {
        return context.auth().issueSuperuser(serverName);
    }

    /**
     * The base URL to connect to.
     *
     * @return {@code http://127.0.0.1:<port>}
     * @throws IllegalStateException if not started
     */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * The bound port.
     *
     * @return the port the emulator listens on (the free one picked when the builder's port was 0)
     * @throws IllegalStateException if not started
     */
    public int port() {
        if (router == null) {
            throw new IllegalStateException("emulator not started");
        }
        return boundPort;
    }

    /** @return the ArangoDB version it imitates, as given to {@link Builder#version(String)} */
    public String version() {
        return settings.version;
    }

    /** @return the server role it plays */
    public EmulatorRole role() {
        return settings.role;
    }

    /** @return the user when authentication is on, else null */
    public String user() {
        return settings.user;
    }

    /** @return the password when authentication is on, else null */
    public String password() {
        return settings.user == null ? null : settings.password;
    }

    /** @return the server id ({@code GET /_api/replication/server-id}), an unsigned 64-bit decimal */
    public String serverId() {
        return server.serverIdText();
    }

    /** @return the adjustable clock that batch TTLs, JWT expiry and response timestamps are measured on */
    public EmulatorClock clock() {
        return clock;
    }

    /** @return the fault injection rules (errors, delays, cut connections) of the next matching requests */
    public Faults faults() {
        return faults;
    }

    /** @return the tick of the last WAL marker (global across databases) */
    public long lastTick() {
        return server.lastTick();
    }

    /**
     * Removes WAL markers up to the tick (whole write batches ending at or before it), whatever registered clients or
     * live batches still need (a disaster, or a server whose retention is too short): a tail from a purged tick then
     * answers {@code x-arango-replication-frompresent: false}. See {@link #purgeWal()} for the purge a server does on
     * its own.
     *
     * @param tick the last tick to remove
     */
    public void purgeWalUpTo(long tick) {
        server.purgeWalUpTo(tick);
    }

    /**
     * Purges the WAL as the server's own retention may: removes every write batch that no live registered replication
     * client and no live dump batch still needs, and keeps the rest. A client registered by a {@code wal/tail} call
     * (protocol §4.6: {@code lastServedTick} = that call's {@code from}, TTL 7200 s) or by a batch (its snapshot tick,
     * the batch TTL) needs the write batch holding that tick and everything after it, until its TTL runs out on the
     * {@link #clock() emulator clock}; a live batch needs its snapshot tick likewise. With nothing registered the
     * whole WAL goes (protocol §4.6 and §14). Compare {@link #purgeWalUpTo(long)}, which purges whatever the clients
     * need (a disaster).
     *
     * @return the highest tick purged so far (0 if the WAL was never purged)
     */
    public long purgeWal() {
        server.writeLock().lock();
        try {
            long needed = minUnsigned(context.clients().oldestLiveServedTick(), context.batches().oldestLiveSnapshot());
            if (needed == -1L) {
                return server.purgeWalUpTo(server.lastTick());
            }
            return server.purgeWalUpTo(needed == 0 ? 0 : needed - 1);
        } finally {
            server.writeLock().unlock();
        }
    }

    private static long minUnsigned(long a, long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }

    /**
     * Test control: how many replication batches are live now (created, neither deleted nor expired), so that a test
     * can check its client deletes the batches it creates.
     */
    public int liveBatches() {
        return context.batches().liveCount();
    }

    /** Every replication batch expires now (404 on the next use). */
    public void expireAllBatches() {
        context.batches().expireAll();
    }

    /**
     * Test control: a hot backup of the whole server now, as {@code arangobackup create} takes one: every database with
     * its collections and documents, the write-ahead log, the tick counter and the server id.
     *
     * @return the backup, for {@link #restoreHotBackup(HotBackup)}
     */
    public HotBackup hotBackup() {
        return new HotBackup(server.image());
    }

    /**
     * Test control: restores a hot backup on this server, as a hot-backup restore (which restarts the server) does:
     * databases, collections, documents, the WAL and the tick counter go back to the backup, so new writes take the
     * ticks after the backup's {@link HotBackup#lastTick() last tick} again, ticks a client may already have seen with
     * other changes; the server id stays the same. As after a restart, no dump batch, client registration or running
     * stream transaction survives, and open connections are reset (the emulator's choices, protocol §14).
     *
     * @param backup a backup of this emulator
     */
    public void restoreHotBackup(HotBackup backup) {
        restart(Objects.requireNonNull(backup, "backup").image());
    }

    /**
     * Test control: another server takes this one's place behind the same address, as a rebuilt or failed-over server
     * does: a new random server id, only the {@code _system} database, and ticks starting low again. Batches,
     * registrations and stream transactions are gone and open connections are reset; recreate the databases,
     * collections and documents a test needs (as arangorestore would).
     *
     * @return the new server id
     */
    public String replaceServer() {
        long id;
        do {
            id = ThreadLocalRandom.current().nextLong(1, 1L << 48);
        } while (id == server.serverId());
        return replaceServer(id);
    }

    /**
     * Test control: as {@link #replaceServer()}, with a given server id.
     *
     * @param newServerId the new server's id
     * @return the new server id, as {@link #serverId()} reports it
     * @throws IllegalArgumentException if 0
     */
    public String replaceServer(long newServerId) {
        if (newServerId == 0) {
            throw new IllegalArgumentException("serverId must not be 0");
        }
        restart(new Server(newServerId).image());
        return serverId();
    }

    /** The server restarts on the image: nothing of the running state but the image survives. */
    private void restart(ServerImage image) {
        server.writeLock().lock();
        try {
            context.transactions().abortAll();
            context.batches().expireAll();
            context.clients().clear();
            server.restore(image);
        } finally {
            server.writeLock().unlock();
        }
        HttpServer current = http;
        if (current != null) {
            current.dropConnections();
        }
    }

    /**
     * Test control: appends a WAL marker exactly as given, as a write batch of its own at the next tick, so that
     * {@code wal/tail} serves it to clients of that database: for markers ArangoDB does not write or that a client may
     * not know (no {@code type}, a text {@code type}, an unknown code such as 9999, the legacy edge marker 2301). The
     * emulator puts {@code "tick":"<tick>"} first and the given members after it, unchanged; it interprets nothing
     * else (no collection filter applies to it).
     * <pre>{@code
     * long tick = emulator.appendRawWalMarker("_system", "{\"type\":9999,\"db\":\"_system\",\"data\":{}}");
     * }</pre>
     *
     * @param database   the database whose tails serve it
     * @param markerJson a JSON object without {@code tick}
     * @return the tick it got
     * @throws IllegalArgumentException if the database does not exist, or the text is not a JSON object, or has a
     *                                  {@code tick}
     */
    public long appendRawWalMarker(String database, String markerJson) {
        Database db = server.database(database);
        if (db == null) {
            throw new IllegalArgumentException("no database '" + database + "'");
        }
        String text = Objects.requireNonNull(markerJson, "markerJson").trim();
        JsonNode parsed;
        try {
            parsed = Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
        if (parsed == null || !parsed.isObject()) {
            throw new IllegalArgumentException("a WAL marker is a JSON object, was: " + text);
        }
        if (parsed.has("tick")) {
            throw new IllegalArgumentException("the emulator assigns the tick; leave it out: " + text);
        }
        int type = parsed.path("type").isInt() ? parsed.path("type").asInt() : 0;
        byte[] members = text.substring(1, text.length() - 1).trim().getBytes(StandardCharsets.UTF_8);
        return server.appendRawMarker(db, type, members);
    }

    /**
     * A JWT for the configured user, issued now on the emulator clock (as {@code POST /_open/auth} would).
     *
     * @return the token, valid for the builder's {@link Builder#jwtLifetime(Duration) jwtLifetime}
     * @throws NullPointerException if authentication is off
     */
    public String issueJwt() {
        return context.auth().issue(Objects.requireNonNull(settings.user, "authentication is off"), settings.jwtLifetime.getSeconds());
    }

    /**
     * Ground truth: the current documents of a collection, as the server stores them.
     *
     * @param database   the database
     * @param collection the collection
     * @return the documents by {@code _key}, in key order, with {@code _key}, {@code _id} and {@code _rev}
     * @throws IllegalArgumentException if the database or collection does not exist
     */
    public Map<String, Map<String, Object>> documents(String database, String collection) {
        Collection c = collection(database, collection);
        Map<String, Map<String, Object>> result = new TreeMap<>();
        for (DocumentVersion v : c.store().currentVersions()) {
            result.put(v.key(), Json.toMap(v.render(c.name())));
        }
        return result;
    }

    /**
     * @return all retained WAL markers of all databases, in tick order, including those of since-dropped collections
     */
    public List<WalMarker> wal() {
        MarkerWriter writer = new MarkerWriter(Collection::name);
        Wal wal = server.wal();
        List<WalMarker> markers = new ArrayList<>();
        long last = server.lastTick();
        for (int i = wal.firstIndex(); i < wal.endIndex(); i++) {
            WalEntry e = wal.at(i);
            if (e != null && Long.compareUnsigned(e.tick(), last) <= 0) {
                markers.add(new WalMarker(e.tick(), e.type(), e.database().name(), e.tid(), writer.toJson(e)));
            }
        }
        return Collections.unmodifiableList(markers);
    }

    /**
     * Test control for big data sets: inserts {@code count} generated documents, committed in transactions of up to
     * 10,000 documents and logged like multi-document inserts, much faster than inserting them over HTTP.
     *
     * @param database   the database
     * @param collection the (existing) collection
     * @param count      how many documents
     * @param generator  the document number {@code i} (0-based) to its attributes; a {@code _key} in the map is used,
     *                   else one is generated
     * @throws IllegalArgumentException if the database or collection does not exist
     */
    public void generateDocuments(String database, String collection, int count, IntFunction<Map<String, Object>> generator) {
        Collection c = collection(database, collection);
        int i = 0;
        while (i < count) {
            server.writeLock().lock();
            try {
                WriteSet writes = new WriteSet();
                for (int n = 0; n < 10_000 && i < count; n++, i++) {
                    Map<String, Object> body = generator.apply(i);
                    Object given = body.get("_key");
                    String key = given instanceof String ? (String) given : c.keys().next();
                    DocumentVersions.checkKey(key);
                    writes.put(c, server.versions().newVersion(c, key, body), writes.lookup(c, key));
                }
                server.commit(c.database(), writes, true);
            } finally {
                server.writeLock().unlock();
            }
        }
    }

    private Collection collection(String database, String collection) {
        Database db = server.database(database);
        if (db == null) {
            throw new IllegalArgumentException("no database '" + database + "'");
        }
        Collection c = db.collection(collection);
        if (c == null) {
            throw new IllegalArgumentException("no collection '" + collection + "' in database '" + database + "'");
        }
        return c;
    }

    /** Stops the HTTP server and any running applier; the data is dropped with the instance. */
    @Override
    public synchronized void close() {
        context.appliers().shutdown();
        if (http != null) {
            http.close();
        }
    }

    @Override
    public String toString() {
        return "ArangoEmulator[" + (router == null ? "not started" : url()) + ", version=" + settings.version
                + ", role=" + settings.role + ", auth=" + (settings.user != null) + "]";
    }

    /**
     * Settings of an emulator: version, role, authentication, port, JWT lifetime and secret, server id. Every setter
     * checks its value and returns this builder.
     */
    public static final class Builder {
        private String version = "3.11.4";
        private EmulatorRole role = EmulatorRole.SINGLE;
        private String user;
        private String password;
        private int port;
        private Duration jwtLifetime = Duration.ofHours(1);
        private long serverId = 64074660150298L;
        private String jwtSecret;

        private Builder() {
        }

        /**
         * The ArangoDB version to imitate; it decides which endpoints exist and their quirks (3.12.10 and later have no
         * applier, no logger-first-tick/tick-ranges, no server-id; 4.x has no {@code wal/open-transactions}).
         *
         * @param newVersion "3.11.4" (default), "3.12.4", "3.12.10", "4.0.0", … (3.11 or later)
         * @return this builder
         * @throws IllegalArgumentException if the version is not of the form major.minor.patch or below 3.11
         */
        public Builder version(String newVersion) {
            new Personality(newVersion);
            this.version = newVersion;
            return this;
        }

        /**
         * @param newRole the server role to play (default {@link EmulatorRole#SINGLE})
         * @return this builder
         */
        public Builder role(EmulatorRole newRole) {
            this.role = Objects.requireNonNull(newRole, "role");
            return this;
        }

        /**
         * Switches authentication on with one (superuser) account: requests then need HTTP Basic credentials or a JWT
         * from {@code POST /_open/auth}. Default: off, every request is accepted.
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
         * @param newPort the port to bind on 127.0.0.1 (0, the default, picks a free one)
         * @return this builder
         * @throws IllegalArgumentException if not within 0..65535
         */
        public Builder port(int newPort) {
            if (newPort < 0 || newPort > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + newPort);
            }
            this.port = newPort;
            return this;
        }

        /**
         * @param lifetime lifetime of JWTs issued by {@code POST /_open/auth} (default one hour), on the emulator clock
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder jwtLifetime(Duration lifetime) {
            if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
                throw new IllegalArgumentException("jwtLifetime must be positive, was " + lifetime);
            }
            this.jwtLifetime = lifetime;
            return this;
        }

        /**
         * The server's JWT secret ({@code --server.jwt-secret}, HS256); lets tests sign superuser tokens
         * ({@code {"iss":"arangodb","server_id":…}}). Default: random.
         *
         * @param secret the secret
         * @return this builder
         * @throws IllegalArgumentException if null or empty
         */
        public Builder jwtSecret(String secret) {
            if (secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException("jwtSecret must not be empty");
            }
            this.jwtSecret = secret;
            return this;
        }

        /**
         * @param id the server id the emulator reports (default 64074660150298)
         * @return this builder
         * @throws IllegalArgumentException if 0
         */
        public Builder serverId(long id) {
            if (id == 0) {
                throw new IllegalArgumentException("serverId must not be 0");
            }
            this.serverId = id;
            return this;
        }

        /** @return a new emulator with these settings, not started yet ({@link ArangoEmulator#start()}) */
        public ArangoEmulator build() {
            return new ArangoEmulator(this);
        }
    }
}

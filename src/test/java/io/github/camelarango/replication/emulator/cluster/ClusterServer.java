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
package io.github.camelarango.replication.emulator.cluster;

import io.github.camelarango.replication.emulator.http.HttpRequest;
import io.github.camelarango.replication.emulator.http.HttpResponse;
import io.github.camelarango.replication.emulator.model.Server;

import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * One server of the cluster as the plan and the health see it: its id ({@code PRMR-…}, {@code CRDN-…}), short name
 * ({@code DBServer0001}), role, port, status, its data model and the in-process way to send it a request.
 */
public final class ClusterServer {

    /** Health status ({@code /_admin/cluster/health}): BAD at once when it fails, FAILED after the fail-over delay. */
    public enum Status { GOOD, BAD, FAILED }

    private final String id;
    private final String shortName;
    private final boolean dbServer;
    private final IntSupplier port;
    private final Server server;
    private final Function<HttpRequest, HttpResponse> calls;
    private volatile Status status = Status.GOOD;

    public ClusterServer(String id, String shortName, boolean dbServer, IntSupplier port, Server server,
                         Function<HttpRequest, HttpResponse> calls) {
        this.id = id;
        this.shortName = shortName;
        this.dbServer = dbServer;
        this.port = port;
        this.server = server;
        this.calls = calls;
    }

    public String id() {
        return id;
    }

    public String shortName() {
        return shortName;
    }

    public boolean isDbServer() {
        return dbServer;
    }

    public String endpoint() {
        return "tcp://127.0.0.1:" + port.getAsInt();
    }

    public Server server() {
        return server;
    }

    public Status status() {
        return status;
    }

    public void status(Status newStatus) {
        this.status = newStatus;
    }

    public boolean isUp() {
        return status == Status.GOOD;
    }

    /** A request answered in-process by this server (its own authentication applies). */
    public HttpResponse call(HttpRequest request) {
        return calls.apply(request);
    }
}

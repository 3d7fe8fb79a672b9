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
package io.github.camelarango.replication.emulator.replication;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelarango.replication.emulator.http.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The applier's background thread: tails the leader's WAL (§7.1 loop: exclusive {@code from} advanced from
 * lastincluded, never to 0; lastScanned sent back; idle wait on 204 or checkmore false), applies the markers
 * locally and updates the applier state. Connection failures are counted and retried after
 * {@code connectionRetryWaitTime}; {@code frompresent: false} with {@code requireFromPresent} stops it with 1414.
 */
final class TailingWorker implements Runnable {

    private final LeaderClient leader;
    private final LocalApplier local;
    private final ApplierState state;
    private final ApplierConfig config;
    private final String serverId;
    private volatile boolean stopRequested;
    private Thread thread;
    private long from;
    private long lastScanned;

    TailingWorker(LeaderClient leader, LocalApplier local, ApplierState state, ApplierConfig config, String serverId, long from) {
        this.leader = leader;
        this.local = local;
        this.state = state;
        this.config = config;
        this.serverId = serverId;
        this.from = from;
    }

    void start(String name) {
        thread = new Thread(this, "arango-emulator-applier-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        stopRequested = true;
        if (thread != null && thread != Thread.currentThread()) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void run() {
        long maxRetries = config.value("maxConnectRetries").asLong();
        long failures = 0;
        while (!stopRequested) {
            try {
                boolean idle = pollOnce();
                failures = 0;
                state.connected();
                if (idle) {
                    sleep(config.value("idleMinWaitTime").asDouble());
                }
            } catch (IOException e) {
                failures++;
                state.failedConnect(1400, "no response from leader: " + e.getMessage());
                if (failures > maxRetries) {
                    state.stopped("applier stopped after " + failures + " failed connects");
                    return;
                }
                sleep(config.value("connectionRetryWaitTime").asDouble());
            } catch (StopException e) {
                state.error(e.errorNum, e.getMessage());
                state.stopped("applier stopped: " + e.getMessage());
                return;
            } catch (RuntimeException e) {
                state.error(1402, "leader error: " + e.getMessage());
                sleep(config.value("connectionRetryWaitTime").asDouble());
            }
        }
        state.shutDown();
    }

    /** One tail request and its application; true if the applier should wait before the next. */
    private boolean pollOnce() throws IOException {
        long chunk = config.value("chunkSize").asLong() > 0 ? config.value("chunkSize").asLong() : 1024 * 1024;
        String path = "/_api/wal/tail?from=" + Long.toUnsignedString(from) + "&lastScanned=" + Long.toUnsignedString(lastScanned)
                + "&chunkSize=" + chunk + "&serverId=" + serverId + "&includeSystem=" + config.value("includeSystem").asBoolean();
        long started = System.nanoTime();
        LeaderClient.Reply reply = leader.get(path);
        state.request((System.nanoTime() - started) / 1e9);
        if (reply.status() != 200 && reply.status() != 204) {
            state.error(reply.errorNum(), "leader answered HTTP " + reply.status() + " to wal/tail");
            return true;
        }
        String lastIncludedHeader = reply.header("x-arango-replication-lastincluded");
        if (lastIncludedHeader == null) {
            throw new StopException(1401, "invalid response: wal/tail without x-arango-replication-lastincluded header");
        }
        boolean fromPresent = "true".equals(reply.header("x-arango-replication-frompresent"));
        if (!fromPresent && from != 0 && config.value("requireFromPresent").asBoolean()) {
            throw new StopException(1414, "start tick " + Long.toUnsignedString(from) + " is no longer present on the leader");
        }
        long applyStart = System.nanoTime();
        LocalApplier.Counts counts = new LocalApplier.Counts();
        if (reply.status() == 200) {
            for (String line : new String(reply.body(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode marker = Json.parse(line.getBytes(StandardCharsets.UTF_8));
                    local.apply(marker, counts);
                }
            }
        }
        long lastIncluded = Long.parseUnsignedLong(lastIncludedHeader);
        long scanned = parseTick(reply.header("x-arango-replication-lastscanned"));
        if (Long.compareUnsigned(lastIncluded, from) > 0) {
            from = lastIncluded;
        } else if (lastIncluded == 0 && Long.compareUnsigned(scanned, from) > 0) {
            from = scanned - 1;
        }
        if (scanned != 0) {
            lastScanned = scanned;
        }
        state.applied(counts.documents, counts.removals, counts.events, counts.excluded, (System.nanoTime() - applyStart) / 1e9);
        state.ticks(from, parseTick(reply.header("x-arango-replication-lasttick")));
        return reply.status() == 204 || !"true".equals(reply.header("x-arango-replication-checkmore"));
    }

    private static long parseTick(String text) {
        return text == null ? 0 : Long.parseUnsignedLong(text.trim());
    }

    private void sleep(double seconds) {
        try {
            Thread.sleep((long) Math.max(1, seconds * 1000));
        } catch (InterruptedException e) {
            stopRequested = true;
            Thread.currentThread().interrupt();
        }
    }

    /** A condition that ends the applier with an error number. */
    private static final class StopException extends RuntimeException {
        private final int errorNum;

        StopException(int errorNum, String message) {
            super(message);
            this.errorNum = errorNum;
        }
    }
}

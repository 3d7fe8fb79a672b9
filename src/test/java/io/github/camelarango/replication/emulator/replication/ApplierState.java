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

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelarango.replication.emulator.EmulatorClock;
import io.github.camelarango.replication.emulator.http.Json;

/** The applier's progress and counters, rendered in the shape of §3.20. Thread-safe (all methods synchronized). */
final class ApplierState {

    private final EmulatorClock clock;
    private String started = "";
    private boolean running;
    private String phase = "inactive";
    private long lastAppliedTick;
    private long lastProcessedTick;
    private long lastAvailableTick;
    private long safeResumeTick;
    private String progressTime;
    private String progressMessage;
    private long failedConnects;
    private long totalRequests;
    private long totalFailedConnects;
    private long totalEvents;
    private long totalDocuments;
    private long totalRemovals;
    private long totalResyncs;
    private long totalOperationsExcluded;
    private double totalApplyTime;
    private double totalFetchTime;
    private int lastErrorNum;
    private String lastErrorMessage;
    private String lastErrorTime;

    ApplierState(EmulatorClock clock, String databaseName) {
        this.clock = clock;
        progress("applier initially created for database '" + databaseName + "'");
    }

    synchronized void starting(long fromTick) {
        started = clock.timestamp();
        running = true;
        phase = "running";
        if (fromTick != 0) {
            lastAppliedTick = fromTick;
            lastProcessedTick = fromTick;
            safeResumeTick = fromTick;
        }
        lastErrorNum = 0;
        lastErrorMessage = null;
        progress("fetching leader state information");
    }

    synchronized void phase(String newPhase, String message) {
        phase = newPhase;
        progress(message);
    }

    synchronized void stopped(String message) {
        running = false;
        phase = "inactive";
        progress(message);
    }

    /**
     * Stopped on request ({@code applier-stop}): as recorded from 3.11.4 (§3.20), the answer then shows
     * {@code lastError} as {@code {"errorNum":0}} alone and {@code progress.failedConnects} 0, whatever errors the
     * running applier met (they stay counted in {@code totalFailedConnects}). An applier that stopped itself on an
     * error keeps that error ({@link #stopped(String)}).
     */
    synchronized void shutDown() {
        lastErrorNum = 0;
        lastErrorMessage = null;
        lastErrorTime = null;
        failedConnects = 0;
        stopped("applier shut down");
    }

    synchronized boolean running() {
        return running;
    }

    synchronized long resumeTick() {
        return lastAppliedTick;
    }

    synchronized void request(double fetchSeconds) {
        totalRequests++;
        totalFetchTime += fetchSeconds;
    }

    synchronized void failedConnect(int errorNum, String message) {
        totalFailedConnects++;
        failedConnects++;
        error(errorNum, message);
    }

    synchronized void error(int errorNum, String message) {
        lastErrorNum = errorNum;
        lastErrorMessage = message;
        lastErrorTime = clock.timestamp();
    }

    synchronized void connected() {
        failedConnects = 0;
    }

    synchronized void applied(long documents, long removals, long events, long excluded, double applySeconds) {
        totalDocuments += documents;
        totalRemovals += removals;
        totalEvents += events;
        totalOperationsExcluded += excluded;
        totalApplyTime += applySeconds;
    }

    synchronized void ticks(long applied, long available) {
        if (applied != 0) {
            lastAppliedTick = applied;
            lastProcessedTick = applied;
            safeResumeTick = applied;
        }
        lastAvailableTick = available;
    }

    synchronized void resync() {
        totalResyncs++;
    }

    synchronized void progress(String message) {
        progressTime = clock.timestamp();
        progressMessage = message;
    }

    synchronized ObjectNode toJson() {
        ObjectNode s = Json.object();
        s.put("started", started);
        s.put("running", running);
        s.put("phase", phase);
        putTick(s, "lastAppliedContinuousTick", lastAppliedTick);
        putTick(s, "lastProcessedContinuousTick", lastProcessedTick);
        putTick(s, "lastAvailableContinuousTick", lastAvailableTick);
        putTick(s, "safeResumeTick", safeResumeTick);
        if (running) {
            s.put("ticksBehind", Math.max(0, lastAvailableTick - lastAppliedTick));
        }
        ObjectNode progress = s.putObject("progress");
        progress.put("time", progressTime);
        progress.put("message", progressMessage);
        progress.put("failedConnects", failedConnects);
        s.put("totalRequests", totalRequests);
        s.put("totalFailedConnects", totalFailedConnects);
        s.put("totalEvents", totalEvents);
        s.put("totalDocuments", totalDocuments);
        s.put("totalRemovals", totalRemovals);
        s.put("totalResyncs", totalResyncs);
        s.put("totalOperationsExcluded", totalOperationsExcluded);
        s.put("totalApplyTime", totalApplyTime);
        s.put("averageApplyTime", totalEvents == 0 ? 0 : totalApplyTime / totalEvents);
        s.put("totalFetchTime", totalFetchTime);
        s.put("averageFetchTime", totalRequests == 0 ? 0 : totalFetchTime / totalRequests);
        ObjectNode error = s.putObject("lastError");
        error.put("errorNum", lastErrorNum);
        if (lastErrorNum != 0) {
            error.put("errorMessage", lastErrorMessage);
            error.put("time", lastErrorTime);
        }
        s.put("time", clock.timestamp());
        return s;
    }

    private static void putTick(ObjectNode node, String name, long tick) {
        if (tick == 0) {
            node.putNull(name);
        } else {
            node.put(name, Long.toUnsignedString(tick));
        }
    }
}

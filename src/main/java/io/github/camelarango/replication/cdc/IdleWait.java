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
package io.github.camelarango.replication.cdc;

/**
 * The stream's wait between idle {@code wal/tail} calls: a sleep that {@link #wake()} (called by the stream's close)
 * ends at once, and every later one with it.
 */
final class IdleWait {

    private boolean woken;

    /**
     * Sleeps up to {@code millis}; returns early when woken or interrupted (keeping the interrupt flag).
     *
     * @return false when woken (the caller should stop), true otherwise
     */
    synchronized boolean sleep(long millis) {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        long remaining = millis;
        while (!woken && remaining > 0) {
            try {
                wait(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !woken;
            }
            remaining = (deadline - System.nanoTime()) / 1_000_000L;
        }
        return !woken;
    }

    /** Ends the current and every later sleep at once. */
    synchronized void wake() {
        woken = true;
        notifyAll();
    }
}

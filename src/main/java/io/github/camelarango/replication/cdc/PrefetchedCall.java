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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One server call made ahead of its need, on the executor the stream was given, so that it runs while the caller
 * delivers what the previous call returned. The caller {@link #take() takes} its answer, or {@link #cancel() drops}
 * it; either way the call has ended when that returns, so that no connection stays leased and no thread keeps
 * running. A call the executor has not started yet when it is needed (a busy or rejecting executor) is made by the
 * taker itself, and one that is dropped before it started is never made. Several calls can be waited for together
 * ({@link #whenReady()}), as the snapshot's dumps of several collections are.
 *
 * @param <T> the answer
 */
final class PrefetchedCall<T> {

    private static final int WAITING = 0;
    private static final int RUNNING = 1;
    private static final int DROPPED = 2;

    private final Supplier<T> call;
    private final AtomicInteger state = new AtomicInteger(WAITING);
    /** Completed (normally) once the call ended, whatever its outcome. */
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    /** The executor refused the call: {@link #take()} makes it. */
    private volatile boolean refused;
    private T answer;
    private Throwable failure;

    private PrefetchedCall(Supplier<T> call) {
        this.call = call;
    }

    /** Starts {@code call} on {@code executor}; if the executor refuses it, {@link #take()} makes it. */
    static <T> PrefetchedCall<T> start(Executor executor, Supplier<T> call) {
        PrefetchedCall<T> prefetch = new PrefetchedCall<>(call);
        try {
            executor.execute(prefetch::runIfWaiting);
        } catch (RejectedExecutionException e) {
            prefetch.refused = true; // taken on the caller's thread
        }
        return prefetch;
    }

    /** Whether {@link #take()} has nothing to wait for: the call ended, or the executor refused it. */
    boolean isReady() {
        return refused || ended.isDone();
    }

    /** Completes (normally) once {@link #isReady()}: to wait for the first of several calls. */
    CompletableFuture<?> whenReady() {
        return refused ? CompletableFuture.completedFuture(null) : ended;
    }

    /**
     * The call's answer, waiting for the call to end (uninterruptibly, as a call made on this thread would; the
     * interrupt flag is kept), or the call's failure, thrown as it was.
     */
    T take() {
        runIfWaiting();
        awaitEnd();
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return answer;
    }

    /** Drops the call: never made if it did not start, else waited for, its answer or failure ignored. */
    void cancel() {
        if (!state.compareAndSet(WAITING, DROPPED)) {
            awaitEnd();
        }
    }

    private void runIfWaiting() {
        if (!state.compareAndSet(WAITING, RUNNING)) {
            return;
        }
        try {
            answer = call.get();
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            ended.complete(null);
        }
    }

    private void awaitEnd() {
        if (state.get() != DROPPED) {
            ended.join(); // uninterruptible; an interrupt on the way is kept in the flag
        }
    }
}

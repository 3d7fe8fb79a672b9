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
package io.github.camelarango.replication.cdc.cluster;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A cached pool whose {@code execute} first runs the refusal it was given, which may throw (a full pool's
 * {@code RejectedExecutionException}, an {@code OutOfMemoryError} when no native thread is left).
 */
final class RefusingPool extends ThreadPoolExecutor {

    private volatile Runnable refusal = () -> { };

    RefusingPool() {
        super(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>());
    }

    /** From now on, every task submitted runs {@code refusal} first, and starts only when it throws nothing. */
    void refuseWith(Runnable refusal) {
        this.refusal = refusal;
    }

    @Override
    public void execute(Runnable task) {
        refusal.run();
        super.execute(task);
    }
}

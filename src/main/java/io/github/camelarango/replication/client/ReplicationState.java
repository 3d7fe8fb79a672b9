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
package io.github.camelarango.replication.client;

/**
 * The {@code state} object of logger-state, inventory and batch creation.
 *
 * @param running                always true on RocksDB
 * @param lastLogTick            latest WAL tick (in an inventory: the batch snapshot tick)
 * @param lastUncommittedLogTick same as lastLogTick on RocksDB
 * @param totalEvents            same number as lastLogTick on RocksDB
 * @param time                   server time {@code YYYY-MM-DDTHH:MM:SSZ}
 */
public record ReplicationState(boolean running, @UnsignedTick Long lastLogTick, @UnsignedTick Long lastUncommittedLogTick,
        @UnsignedTick Long totalEvents, String time) {
}

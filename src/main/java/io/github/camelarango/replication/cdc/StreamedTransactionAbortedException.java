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

import io.github.camelarango.replication.client.Ticks;

/**
 * A transaction larger than transactionBufferSize was streamed through, and then the write-ahead log aborted it. An
 * ArangoDB server with the RocksDB engine writes only committed transactions to its log, so this means the server does
 * not behave as the protocol says; the changes already delivered cannot be taken back, so the stream stops.
 */
public class StreamedTransactionAbortedException extends ChangeStreamException {

    StreamedTransactionAbortedException(String streamKey, String database, String transactionId, long beginTick,
                                        long abortTick) {
        super("Change stream '" + streamKey + "' delivered changes of WAL transaction " + transactionId
                + " of database '" + database + "' (begun at tick " + Ticks.format(beginTick) + ") as they came, "
                + "because it outgrew transactionBufferSize, and the log then aborted it at tick "
                + Ticks.format(abortTick) + ". A RocksDB server logs committed transactions only, so those changes "
                + "were delivered but never happened. The stream stops with its position before the transaction: "
                + "correct the delivered changes downstream, then raise transactionBufferSize above the "
                + "transaction's size (so that it is held until its end and dropped on abort) and restart.");
    }
}

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
 * The dump batch of a running snapshot is unknown to the server (expired or garbage-collected): inventory, extend
 * and delete answer 404/1600, dump answers 404/400. The snapshot cannot continue under this batch.
 */
public class BatchExpiredException extends ChangeStreamException {

    public BatchExpiredException(String batchId, Throwable cause) {
        super("dump batch " + batchId + " is unknown to the server (expired?)", cause);
    }
}

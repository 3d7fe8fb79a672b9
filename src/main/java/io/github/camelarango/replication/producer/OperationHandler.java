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
package io.github.camelarango.replication.producer;

import io.github.camelarango.replication.client.ArangoReplicationClient;

/**
 * Runs one replication operation for one message: reads its parameters, calls the client, and writes the result
 * into the message body and headers.
 */
@FunctionalInterface
public interface OperationHandler {

    void handle(ArangoReplicationClient client, RequestParameters request, ResultWriter result) throws Exception;
}
